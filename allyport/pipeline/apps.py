from django.apps import AppConfig


class PipelineConfig(AppConfig):
    """Opportunities, solutions (the portal's offerings) and the selling API's handlers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.pipeline"
    verbose_name = "ACE pipeline"

    def ready(self) -> None:
        # The maintenance sweeps look the functions up at each run (late binding).
        from allyport.core import maintenance
        from allyport.pipeline.services import invitations, prospecting_run

        maintenance.register("expired invitations", lambda: invitations.expire_due())
        maintenance.register("stalled prospecting tasks", lambda: prospecting_run.recover_stalled())

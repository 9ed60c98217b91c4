from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class PipelineConfig(AppConfig):
    """The selling domain: opportunities, solutions, engagements, leads, snapshots,
    prospecting, and the selling API's handlers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.pipeline"
    verbose_name = gettext_lazy("ACE pipeline")

    def ready(self) -> None:
        # The maintenance sweeps look the functions up at each run (late binding).
        from allyport.core import maintenance
        from allyport.pipeline import effects
        from allyport.pipeline.engagements import invitations
        from allyport.pipeline.prospecting import runner

        maintenance.register("expired invitations", lambda: invitations.expire_due())
        maintenance.register("stalled prospecting tasks", lambda: runner.recover_stalled())
        effects.connect()

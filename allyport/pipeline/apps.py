from django.apps import AppConfig


class PipelineConfig(AppConfig):
    """The selling domain: opportunities, solutions, engagements, leads, snapshots,
    prospecting, and the selling API's handlers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.pipeline"
    verbose_name = "ACE pipeline"

    def ready(self) -> None:
        from allyport.pipeline import effects

        effects.connect()

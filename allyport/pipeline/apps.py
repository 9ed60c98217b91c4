from django.apps import AppConfig


class PipelineConfig(AppConfig):
    """Opportunities, solutions (the portal's offerings) and the selling API's handlers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.pipeline"
    verbose_name = "ACE pipeline"

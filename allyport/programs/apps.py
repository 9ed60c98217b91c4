from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    """Programs and designations, program applications, learning and certifications, and the
    Partner Scorecard.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.programs"
    verbose_name = _("Programs")

    def ready(self) -> None:
        from allyport.pipeline.signals import opportunity_changed
        from allyport.programs import contributions
        from allyport.programs.selectors.scorecard_cache import on_opportunity_changed

        contributions.connect()
        opportunity_changed.connect(on_opportunity_changed, dispatch_uid="programs.scorecard")

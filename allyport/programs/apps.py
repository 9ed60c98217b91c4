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
        from allyport.programs import contributions

        contributions.connect()

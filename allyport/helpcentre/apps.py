from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpcentreConfig(AppConfig):
    """The help centre: articles kept as data, the passages the Partner Assistant
    retrieves and the answers it composes."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.helpcentre"
    verbose_name = _("Help centre")

    def ready(self) -> None:
        from allyport.core import maintenance
        from allyport.helpcentre import knowledge, receivers

        receivers.connect()
        maintenance.register("helpcentre.knowledge", knowledge.sweep)

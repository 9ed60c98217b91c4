from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """Staff-published content (news, events, walkthroughs, resources) and the Build and Market
    pages built on it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.content"
    verbose_name = _("Content")

    def ready(self) -> None:
        from allyport.content import contributions
        from allyport.content.shared import feeds

        contributions.connect()
        feeds.connect()

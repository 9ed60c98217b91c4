from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Global search: the index, the results page and the rebuild command."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from allyport.search import receivers, sources

        sources.register_all()
        receivers.connect()

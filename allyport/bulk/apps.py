from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class BulkConfig(AppConfig):
    """Bulk import, export, update and transfer of opportunities, as background jobs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.bulk"
    verbose_name = gettext_lazy("Bulk actions")

    def ready(self) -> None:
        from allyport.bulk.kinds import register_kinds

        register_kinds()

from django.apps import AppConfig


class BulkConfig(AppConfig):
    """Bulk import, export, update and transfer of opportunities, as background jobs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.bulk"
    verbose_name = "Bulk actions"

    def ready(self) -> None:
        from allyport.bulk.kinds import register_kinds

        register_kinds()

from django.apps import AppConfig


class BulkConfig(AppConfig):
    """Bulk import, export, update and transfer of opportunities, as background jobs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.bulk"
    verbose_name = "Bulk actions"

    def ready(self) -> None:
        # The maintenance sweep looks the function up at each run (late binding).
        from allyport.bulk import recovery
        from allyport.core import maintenance

        maintenance.register("stalled bulk jobs", lambda: recovery.recover_stalled())

from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class JobsConfig(AppConfig):
    """The one job framework: background jobs over files of rows, whatever they drive.

    It knows no domain: the apps register their kinds (`allyport.jobs.kinds`) in their
    own `AppConfig.ready`."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.jobs"
    verbose_name = gettext_lazy("Jobs")

    def ready(self) -> None:
        # The maintenance sweep looks the function up at each run (late binding).
        from allyport.core import maintenance
        from allyport.jobs import recovery

        maintenance.register("stalled bulk jobs", lambda: recovery.recover_stalled())

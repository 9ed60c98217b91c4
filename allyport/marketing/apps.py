from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketingConfig(AppConfig):
    """Market > Marketing Central: campaign templates, campaigns, assets, activation and
    export; the Marketing API."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.marketing"
    verbose_name = _("Marketing Central")

    def ready(self) -> None:
        from allyport.core import maintenance
        from allyport.jobs import kinds
        from allyport.marketing.services import activation, jobs
        from allyport.marketing.tasks import run_marketing_job

        kinds.register(
            jobs.ACTIVATION, label=str(_("Campaign activation")), enqueue=run_marketing_job.enqueue
        )
        kinds.register(
            jobs.EXPORT, label=str(_("Campaign export")), enqueue=run_marketing_job.enqueue
        )
        maintenance.register("marketing scheduled sends", activation.sweep)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorklistConfig(AppConfig):
    """The guide's partner tasks: the catalogue, recommendations, assignment and completion."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.worklist"
    verbose_name = _("Tasks")

    def ready(self) -> None:
        from allyport.core import maintenance
        from allyport.pipeline.signals import opportunity_changed
        from allyport.worklist import receivers

        # Sent after the opportunity's transaction commits: growth moves show at once.
        opportunity_changed.connect(receivers.opportunity_changed, dispatch_uid="worklist")
        maintenance.register("worklist.refresh", receivers.sweep)

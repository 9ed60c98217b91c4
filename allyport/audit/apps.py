from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class AuditConfig(AppConfig):
    name = "allyport.audit"
    label = "audit"
    verbose_name = gettext_lazy("Audit events")

    def ready(self) -> None:
        # The pages' 403s are rendered by `access`, below audit: it calls back here.
        from allyport.access.refusals import on_refused_change
        from allyport.audit.refusals import record_refused_change

        on_refused_change(record_refused_change)

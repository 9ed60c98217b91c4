from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "allyport.audit"
    label = "audit"
    verbose_name = "Audit events"

    def ready(self) -> None:
        # The pages' 403s are rendered by `access`, below audit: it calls back here.
        from allyport.access.refusals import on_refused_change
        from allyport.audit.refusals import record_refused_change

        on_refused_change(record_refused_change)

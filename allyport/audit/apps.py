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

        from django.db.models.signals import post_save

        from allyport.audit.models import AuditEvent
        from allyport.audit.services import company_changed

        post_save.connect(company_changed, sender=AuditEvent, dispatch_uid="audit:company_changed")

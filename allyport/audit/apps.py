from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "allyport.audit"
    label = "audit"
    verbose_name = "Audit events"

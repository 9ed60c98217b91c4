from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "allyport.access"
    label = "access"
    verbose_name = "Access"

    def ready(self) -> None:
        from allyport.access.decisions import PermissionDenied
        from allyport.core.commands import refusal_type

        refusal_type(PermissionDenied)  # operator commands answer it as JSON

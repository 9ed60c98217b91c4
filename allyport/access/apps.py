from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class AccessConfig(AppConfig):
    name = "allyport.access"
    label = "access"
    verbose_name = gettext_lazy("Access")

    def ready(self) -> None:
        from allyport.access.decisions import PermissionDenied
        from allyport.core.commands import refusal_type

        refusal_type(PermissionDenied)  # operator commands answer it as JSON

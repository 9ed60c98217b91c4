from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class CoreConfig(AppConfig):
    name = "allyport.core"
    label = "core"
    verbose_name = gettext_lazy("Core")

    def ready(self) -> None:
        from allyport.core import checks  # noqa: F401 - registers the system checks

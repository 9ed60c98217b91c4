from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "allyport.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from allyport.core import checks  # noqa: F401 - registers the system checks

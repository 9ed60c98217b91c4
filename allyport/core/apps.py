from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "allyport.core"
    label = "core"
    verbose_name = "Core"

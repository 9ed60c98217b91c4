from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "allyport.access"
    label = "access"
    verbose_name = "Access"

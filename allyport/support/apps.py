from django.apps import AppConfig


class SupportConfig(AppConfig):
    """Support cases and their messages (the case record; the full support centre comes later)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.support"

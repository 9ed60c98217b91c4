from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistantConfig(AppConfig):
    """The AWS Partner Assistant: the chat panel, conversations, feedback, the company
    opt-out and staff reports."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.assistant"
    verbose_name = _("AWS Partner Assistant")

    def ready(self) -> None:
        from allyport.assistant.services import retention
        from allyport.core import maintenance

        maintenance.register("assistant.retention", retention.sweep)

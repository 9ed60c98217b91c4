from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class EventsConfig(AppConfig):
    """EventBridge-format events of the selling API and the webhooks that receive them."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.events"
    verbose_name = gettext_lazy("Events and webhooks")

    def ready(self) -> None:
        # Connects the receivers of the pipeline's signals.
        from allyport.events import receivers

        receivers.connect()
        # The maintenance sweep looks the function up at each run (late binding).
        from allyport.core import maintenance
        from allyport.events import recovery

        maintenance.register("stalled webhook deliveries", lambda: recovery.requeue_stalled())

from django.apps import AppConfig


class MarketplaceConfig(AppConfig):
    """Account linking, IAM role mapping, the CRM integration role, seller products and offers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.marketplace"

    def ready(self) -> None:
        # Connects the receiver that cancels an unlinking request when its case is resolved.
        from allyport.marketplace.services import unlinking  # noqa: F401

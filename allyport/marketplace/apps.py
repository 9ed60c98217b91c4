from django.apps import AppConfig


class MarketplaceConfig(AppConfig):
    """Account linking, IAM role mapping, the CRM integration role, seller products and offers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.marketplace"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketingConfig(AppConfig):
    """Market > Marketing Central: campaign templates, campaigns, assets, activation and export; the Marketing API."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.marketing"
    verbose_name = _("Marketing Central")

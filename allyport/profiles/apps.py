from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    """Company Profile and its tabs, My Domains, paths and stages, the program fee, partner terms,
    the public Partner Solutions Finder, and the Account API's partner records.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.profiles"
    verbose_name = _("Company profile")

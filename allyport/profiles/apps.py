"""Company Profile and its tabs, My Domains, paths and stages, the program fee, partner terms, the
public Partner Solutions Finder, and the Account API's partner records.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    """Company Profile and its tabs, My Domains, paths and stages, the program fee, partner terms,
    the public Partner Solutions Finder, and the Account API's partner records.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.profiles"
    verbose_name = _("Company profile")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from allyport.access.actor import system
        from allyport.core import maintenance
        from allyport.profiles import signals
        from allyport.profiles.models import FinderListing
        from allyport.profiles.services import fees, finder

        maintenance.register("program fees", lambda: fees.sweep_fees(system()))
        maintenance.register("finder listings", finder.refresh_stale_listings)
        signals.connect()
        post_delete.connect(
            finder.listing_removed, sender=FinderListing, dispatch_uid="profiles.finder.removed"
        )

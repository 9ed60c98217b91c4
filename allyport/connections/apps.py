from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectionsConfig(AppConfig):
    """Connections between partner companies (invitations, accept, reject, cancel, preferences) and
    the Account API's handlers.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.connections"
    verbose_name = _("Partner connections")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelConfig(AppConfig):
    """Channel management: program management accounts, handshakes, relationships, contracts, and
    the Channel API.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.channel"
    verbose_name = _("Channel")

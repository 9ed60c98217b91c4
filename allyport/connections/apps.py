from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectionsConfig(AppConfig):
    """Connections between partner companies (invitations, accept, reject, cancel, preferences) and
    the Account API's handlers.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.connections"
    verbose_name = _("Partner connections")

    def ready(self) -> None:
        from allyport.connections.finder import connect_options
        from allyport.connections.services import invitations
        from allyport.connections.services.subsidiaries import is_subsidiary_of
        from allyport.core import contributions, maintenance

        # Profiles asks whether a company may share its qualifications with a primary.
        contributions.contribute("company.subsidiary_of", is_subsidiary_of)
        # Find Partners shows Connect, or the state, per result.
        contributions.contribute("finder.connect", connect_options)
        maintenance.register("connection_invitations", invitations.expire_due)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    """Funding benefits, benefit applications and allocations, and the Benefits API."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from allyport.core import contributions
        from allyport.funding.facts import company_facts

        contributions.contribute("company.facts", company_facts)

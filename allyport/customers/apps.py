from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class CustomersConfig(AppConfig):
    """Customer accounts of the selling API, the program's customer directory, and the
    enrichment that matches one to the other."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.customers"
    label = "customers"
    verbose_name = gettext_lazy("Customer accounts")

    def ready(self) -> None:
        from allyport.customers.services.bulk_kind import register_kind

        register_kind()

        from allyport.customers.services.scope import find
        from allyport.pipeline import services as pipeline

        pipeline.register_taggable("customer-account", find)

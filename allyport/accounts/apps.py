from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class AccountsConfig(AppConfig):
    name = "allyport.accounts"
    label = "accounts"
    verbose_name = gettext_lazy("Partner companies and users")

    def ready(self) -> None:
        from allyport.accounts import signals  # noqa: F401
        from allyport.accounts.languages import recipient_language
        from allyport.core import contributions
        from allyport.core.languages import RECIPIENT_LANGUAGE

        contributions.contribute(RECIPIENT_LANGUAGE, recipient_language)

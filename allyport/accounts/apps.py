from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "allyport.accounts"
    label = "accounts"
    verbose_name = "Partner companies and users"

    def ready(self) -> None:
        from allyport.accounts import signals  # noqa: F401

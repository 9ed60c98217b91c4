from django.apps import AppConfig


class CloudConfig(AppConfig):
    """The embedded cloud: accounts, IAM identities, policies, access keys, the evaluator."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.cloud"

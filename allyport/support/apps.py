from django.apps import AppConfig


class SupportConfig(AppConfig):
    """The support centre: cases, their correspondence and files, the staff queue,
    help articles."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.support"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from allyport.accounts.models import LockoutContact
        from allyport.core.contributions import contribute
        from allyport.support import knowledge, receivers

        # The locked-out contact form feeds the staff queue as its own case type.
        post_save.connect(
            receivers.lockout_contact_saved, sender=LockoutContact, dispatch_uid="support-lockout"
        )
        contribute("assistant.knowledge", knowledge.articles)
        contribute("search.documents", knowledge.articles)

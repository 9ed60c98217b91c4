from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    """Programs and designations, program applications, learning and certifications, and the
    Partner Scorecard.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.programs"
    verbose_name = _("Programs")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from allyport.pipeline.signals import opportunity_changed
        from allyport.profiles.models import CertificationDomain
        from allyport.programs import contributions
        from allyport.programs.models import TierRequirement
        from allyport.programs.selectors import scorecard_cache

        contributions.connect()
        opportunity_changed.connect(
            scorecard_cache.on_opportunity_changed, dispatch_uid="programs.scorecard"
        )
        # Staff edit the thresholds in the admin, which records no change of a company.
        for signal in (post_save, post_delete):
            signal.connect(
                scorecard_cache.on_thresholds_changed,
                sender=TierRequirement,
                dispatch_uid="programs.scorecard.thresholds",
            )
            # Certifications count by the company's certification domains (profiles).
            signal.connect(
                scorecard_cache.on_domain_changed,
                sender=CertificationDomain,
                dispatch_uid="programs.scorecard.domains",
            )

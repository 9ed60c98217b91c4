"""The account API's enumerations the profile keeps (botocore `partnercentral-account`),
and the portal's own lists (products and services types, solution areas)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.accounts.choices import (
    INDUSTRY_SEGMENT_CHOICES,
    PATHS_BY_SOLUTION_TYPE,
    PrimarySolutionType,
    Stage,
)

__all__ = [
    "PATHS_BY_SOLUTION_TYPE",
    "FeeStatus",
    "PrimarySolutionType",
    "ProfileTaskStatus",
    "ProfileValidationErrorReason",
    "QualificationsTaskStatus",
    "SolutionArea",
    "Stage",
    "VerificationStatus",
    "VerificationType",
    "Visibility",
]


class Visibility(models.TextChoices):
    PUBLIC = "PUBLIC", _("Public")
    PRIVATE = "PRIVATE", _("Private")


class ProfileTaskStatus(models.TextChoices):
    """A profile version's state. IN_PROGRESS: awaiting staff approval."""

    IN_PROGRESS = "IN_PROGRESS", _("Awaiting approval")
    CANCELED = "CANCELED", _("Canceled")
    SUCCEEDED = "SUCCEEDED", _("Published")
    FAILED = "FAILED", _("Not approved")


class ProfileValidationErrorReason(models.TextChoices):
    INVALID_CONTENT = "INVALID_CONTENT", _("Invalid content")
    DUPLICATE_PROFILE = "DUPLICATE_PROFILE", _("Duplicate profile")
    INVALID_LOGO = "INVALID_LOGO", _("Invalid logo")
    INVALID_LOGO_URL = "INVALID_LOGO_URL", _("Invalid logo URL")
    INVALID_LOGO_FILE = "INVALID_LOGO_FILE", _("Invalid logo file")
    INVALID_LOGO_SIZE = "INVALID_LOGO_SIZE", _("Invalid logo size")
    INVALID_WEBSITE_URL = "INVALID_WEBSITE_URL", _("Invalid website URL")


class VerificationType(models.TextChoices):
    BUSINESS = "BUSINESS_VERIFICATION", _("Business verification")
    REGISTRANT = "REGISTRANT_VERIFICATION", _("Registrant verification")


class VerificationStatus(models.TextChoices):
    PENDING_CUSTOMER_ACTION = "PENDING_CUSTOMER_ACTION", _("Waiting for you")
    IN_PROGRESS = "IN_PROGRESS", _("In review")
    FAILED = "FAILED", _("Failed")
    SUCCEEDED = "SUCCEEDED", _("Verified")
    REJECTED = "REJECTED", _("Rejected")


class QualificationsTaskStatus(models.TextChoices):
    IN_PROGRESS = "IN_PROGRESS", _("In progress")
    SUCCEEDED = "SUCCEEDED", _("Succeeded")


class FeeStatus(models.TextChoices):
    DUE = "DUE", _("Due")
    PAID = "PAID", _("Paid")
    WAIVED = "WAIVED", _("Waived")
    LAPSED = "LAPSED", _("Not paid; downgraded")


class SolutionArea(models.TextChoices):
    """Solution areas a partner reports on the Qualifications tab."""

    MIGRATION = "MIGRATION", _("Migration and modernization")
    DATA_ANALYTICS = "DATA_ANALYTICS", _("Data and analytics")
    MACHINE_LEARNING = "MACHINE_LEARNING", _("Machine learning and AI")
    SECURITY = "SECURITY", _("Security and compliance")
    STORAGE = "STORAGE", _("Storage and backup")
    NETWORKING = "NETWORKING", _("Networking and content delivery")
    DEVOPS = "DEVOPS", _("DevOps")
    CONTAINERS = "CONTAINERS", _("Containers")
    SERVERLESS = "SERVERLESS", _("Serverless")
    IOT = "IOT", _("Internet of Things")
    END_USER_COMPUTING = "END_USER_COMPUTING", _("End-user computing")
    SAAS = "SAAS", _("Software as a service")
    MANAGED_SERVICES = "MANAGED_SERVICES", _("Managed services")
    TRAINING = "TRAINING", _("Training")


# The path each products-and-services type recommends (the guide: "used to recommend
# AWS Partner Paths to you ... required to enroll in a relevant path").
def paths_for_types(types: list[str]) -> list[str]:
    found: list[str] = []
    for kind in types:
        for path in PATHS_BY_SOLUTION_TYPE.get(kind, ()):
            if path not in found:
                found.append(path)
    return found


STAGE_ORDER = [stage.value for stage in Stage]


def stage_rank(stage: str) -> int:
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else -1


LISTED_FROM = Stage.VALIDATED  # listed publicly and every Company Profile tab from here


INDUSTRY_VALUES = frozenset(value for value, _label in INDUSTRY_SEGMENT_CHOICES)

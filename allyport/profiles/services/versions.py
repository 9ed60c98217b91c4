"""Versions of a profile: every change is numbered per company with who, when and what
changed (`ProfileVersion`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Max
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.profiles.enums import ProfileTaskStatus
from allyport.profiles.models import CompanyProfile, ProfileVersion
from allyport.profiles.services.common import actor_label

LISTING_FIELDS = {
    "DisplayName": "display_name",
    "Description": "description",
    "WebsiteUrl": "website_url",
    "LogoUrl": "logo_url",
    "IndustrySegments": "industry_segments",
    "TranslationSourceLocale": "translation_source_locale",
    "LocalizedContents": "localized_contents",
}


def ensure_profile(company: Company) -> CompanyProfile:
    """The company's profile, first made from what registration recorded."""
    found = CompanyProfile.objects.filter(company=company).first()
    if found is not None:
        return found
    profile, _created = CompanyProfile.objects.get_or_create(
        company=company,
        defaults={
            "display_name": company.legal_name[:80],
            "website_url": company.website,
            "industry_segments": [company.industry_segment] if company.industry_segment else [],
            "offering_types": [company.primary_solution_type]
            if company.primary_solution_type
            else [],
        },
    )
    return profile


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What changed, field by field: {"field": {"from": old, "to": new}}."""
    return {
        key: {"from": before.get(key), "to": value}
        for key, value in after.items()
        if before.get(key) != value
    }


def new_version(
    actor: Actor,
    company: Company,
    section: str,
    changes: dict[str, Any],
    *,
    status: str = ProfileTaskStatus.SUCCEEDED,
    task_details: dict[str, Any] | None = None,
    source: str = "",
) -> ProfileVersion:
    """Number the change (the caller holds the company's row lock)."""
    last = ProfileVersion.objects.filter(company=company).aggregate(n=Max("number"))["n"] or 0
    done = status != ProfileTaskStatus.IN_PROGRESS
    return ProfileVersion.objects.create(
        company=company,
        number=last + 1,
        section=section,
        status=status,
        task_details=task_details or {},
        changes=changes,
        created_by=actor.user,
        actor_label=actor_label(actor),
        source=source or ("api" if actor.is_iam else actor.kind),
        ended_at=timezone.now() if done else None,
    )


def listing_values(profile: CompanyProfile) -> dict[str, Any]:
    """The profile's listing in the API's TaskDetails names."""
    values = {api: getattr(profile, field) for api, field in LISTING_FIELDS.items()}
    values["PrimarySolutionType"] = profile.company.primary_solution_type
    return values

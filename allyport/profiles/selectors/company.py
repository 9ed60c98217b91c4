"""Reads for the Company Profile tabs, My Domains, the program fee and the terms."""

from __future__ import annotations

from typing import Any

from allyport.accounts.models import Company, CompanyDomain
from allyport.core import contributions
from allyport.profiles.enums import LISTED_FROM, FeeStatus, stage_rank
from allyport.profiles.models import (
    EmailVerificationCode,
    Location,
    PathEnrollment,
    ProgramFee,
    StageChange,
    TermsAcceptance,
    TermsVersion,
)
from allyport.profiles.services.finder import qualifications_of
from allyport.profiles.services.versions import ensure_profile

CASE_STUDIES = "company.case_studies"
ALL_TABS = (
    "company",
    "solutions",
    "qualifications",
    "locations",
    "case_studies",
    "products",
    "domains",
)
EARLY_TABS = ("company", "products", "domains")


def visible_tabs(company: Company) -> tuple[str, ...]:
    """Registered, Enrolled and Confirmed companies see Company, Products & Services and
    My Domains only (the guide)."""
    return ALL_TABS if stage_rank(company.stage) >= stage_rank(LISTED_FROM) else EARLY_TABS


def qualifications(company: Company) -> list[dict[str, Any]]:
    return qualifications_of(company)


def case_studies(company: Company, *, validated_only: bool = True) -> list[dict[str, Any]]:
    """The contract of "company.case_studies": fn(company, *, validated_only) -> list of
    {title, summary, customer, url, validated_at}."""
    rows: list[dict[str, Any]] = []
    for source in contributions.contributed(CASE_STUDIES):
        rows += list(source(company, validated_only=validated_only) or [])
    return rows


def locations(company: Company) -> list[Location]:
    return list(Location.objects.filter(company=company))


def domains(company: Company) -> list[CompanyDomain]:
    return list(CompanyDomain.objects.filter(company=company).order_by("domain"))


def pending_domain_codes(company: Company) -> list[EmailVerificationCode]:
    from django.utils import timezone  # noqa: PLC0415

    return list(
        EmailVerificationCode.objects.filter(
            company=company, purpose=EmailVerificationCode.Purpose.COMPANY_DOMAIN,
            consumed_at=None, expires_at__gt=timezone.now(),
        ).order_by("-created_at")[:20]
    )  # fmt: skip


def enrollments(company: Company) -> list[PathEnrollment]:
    return list(PathEnrollment.objects.filter(company=company))


def stage_history(company: Company, limit: int = 20) -> list[StageChange]:
    return list(StageChange.objects.filter(company=company)[:limit])


def fees(company: Company) -> list[ProgramFee]:
    return list(ProgramFee.objects.filter(company=company))


def open_fee(company: Company) -> ProgramFee | None:
    return ProgramFee.objects.filter(company=company, status=FeeStatus.DUE).first()


def current_terms() -> TermsVersion | None:
    return TermsVersion.objects.order_by("-version").first()


def accepted_terms(company: Company) -> TermsAcceptance | None:
    return (
        TermsAcceptance.objects.filter(company=company)
        .select_related("version", "user")
        .order_by("-version__version")
        .first()
    )


def terms_pending(company: Company) -> TermsVersion | None:
    """The current version when the company has not accepted it."""
    current = current_terms()
    if current is None or TermsAcceptance.objects.filter(company=company, version=current).exists():
        return None
    return current


def profile(company: Company) -> Any:
    return ensure_profile(company)

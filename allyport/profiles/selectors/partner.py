"""Reads of one partner for its own pages and the account API: the partner an
Identifier names (the caller's own only), and API-shaped views of its records."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, require
from allyport.accounts.models import Company
from allyport.core.errors import NotFound
from allyport.profiles.enums import VerificationStatus
from allyport.profiles.models import (
    AllianceLeadContact,
    CertificationDomain,
    Location,
    ProfileVersion,
    QualificationsAssociation,
    QualificationsTask,
    Verification,
)
from allyport.profiles.services.common import partner_arn, target
from allyport.profiles.services.qualifications import partner_reference
from allyport.profiles.services.verification import completion_url
from allyport.profiles.services.versions import ensure_profile, listing_values

_DAY = timedelta(days=1)
_PARTNER = re.compile(
    r"^(?:arn:[a-z-]+:partnercentral:[a-z0-9-]+:[0-9]{12}:catalog/[A-Za-z-_]+/partner/)?(partner-[A-Za-z0-9]{13})$"
)


def partner_for(
    actor: Actor, identifier: str, permission: Permission, *, catalog: str = "AWS"
) -> Company:
    """The partner `identifier` (id or ARN) names, decided for `permission`. Another
    company's and a missing one are the same NotFound; staff see any."""
    match = _PARTNER.match(identifier or "")
    company = Company.objects.filter(public_id=match.group(1)).first() if match else None
    if company is None or (actor.kind in ("user", "iam") and actor.company != company):
        raise NotFound("Partner", identifier)
    require(actor, permission, target(actor, company, catalog))
    return company


def partner_profile(company: Company) -> dict[str, Any]:
    """The account API's PartnerProfile."""
    profile = ensure_profile(company)
    values = listing_values(profile)
    shown: dict[str, Any] = {
        "DisplayName": values["DisplayName"] or company.legal_name,
        "Description": values["Description"] or company.legal_name,
        "WebsiteUrl": values["WebsiteUrl"] or company.website or "",
        "LogoUrl": values["LogoUrl"],
        "PrimarySolutionType": company.primary_solution_type,
        "IndustrySegments": values["IndustrySegments"] or ["OTHER"],
        "TranslationSourceLocale": values["TranslationSourceLocale"],
        "LocalizedContents": values["LocalizedContents"],
        "ProfileId": profile.profile_id,
    }
    hq = Location.objects.filter(company=company, is_headquarters=True).first()
    if hq is not None and hq.country:
        shown["Headquarters"] = {
            "CountryCode": str(hq.country),
            "SubdivisionCode": hq.subdivision_code or "0",
        }
    return shown


def certification_domains(company: Company) -> list[dict[str, Any]]:
    return [
        {"DomainName": d.domain, "RegisteredAt": d.registered_at}
        for d in CertificationDomain.objects.filter(company=company)
    ]


def partner_view(company: Company, catalog: str = "AWS", account_id: str = "") -> dict[str, Any]:
    """GetPartner's answer."""
    return {
        "Catalog": catalog,
        "Arn": partner_arn(company, catalog, account_id),
        "Id": company.public_id,
        "LegalName": company.legal_name,
        "CreatedAt": company.created_at,
        "Profile": partner_profile(company),
        "AwsTrainingCertificationEmailDomains": certification_domains(company),
    }


def alliance_lead_contact(company: Company) -> dict[str, str]:
    """The stored contact, or the alliance lead user's details until one is put."""
    from allyport.access.models import RoleAssignment  # noqa: PLC0415

    contact = AllianceLeadContact.objects.filter(company=company).first()
    if contact is not None:
        return {"FirstName": contact.first_name, "LastName": contact.last_name,
                "Email": contact.email, "BusinessTitle": contact.business_title}  # fmt: skip
    lead = (
        RoleAssignment.objects.select_related("user")
        .filter(company=company, role="alliance_lead")
        .first()
    )
    if lead is None:
        return {}
    user = lead.user
    return {"FirstName": user.first_name or "-", "LastName": user.last_name or "-",
            "Email": user.email, "BusinessTitle": user.job_title or "Alliance lead"}  # fmt: skip


def profile_task_view(
    version: ProfileVersion, catalog: str = "AWS", account_id: str = ""
) -> dict[str, Any]:
    """Start/Get/CancelProfileUpdateTask's answer."""
    shown: dict[str, Any] = {
        "Catalog": catalog,
        "Arn": partner_arn(version.company, catalog, account_id),
        "Id": version.company.public_id,
        "TaskId": version.task_id,
        "TaskDetails": version.task_details,
        "StartedAt": version.started_at,
        "Status": version.status,
    }
    if version.ended_at is not None:
        shown["EndedAt"] = version.ended_at
    if version.error_details:
        shown["ErrorDetailList"] = version.error_details
    return shown


def latest_profile_task(company: Company) -> ProfileVersion:
    """GetProfileUpdateTask: the latest listing version (NotFound when none)."""
    found = (
        ProfileVersion.objects.filter(company=company, section=ProfileVersion.Section.LISTING)
        .select_related("company")
        .first()
    )
    if found is None:
        raise NotFound("ProfileUpdateTask", company.public_id)
    return found


def find_profile_task(company: Company, task_id: str) -> ProfileVersion:
    found = (
        ProfileVersion.objects.filter(company=company, task_id=task_id)
        .select_related("company")
        .first()
    )
    if found is None:
        raise NotFound("ProfileUpdateTask", task_id)
    return found


def profile_versions(company: Company, limit: int = 50) -> list[ProfileVersion]:
    return list(ProfileVersion.objects.filter(company=company).select_related("created_by")[:limit])


def verification_view(company: Company, verification_type: str) -> dict[str, Any]:
    """GetVerification's answer (NotFound when never started)."""
    found = Verification.objects.filter(
        company=company, verification_type=verification_type
    ).first()
    if found is None:
        raise NotFound("Verification", verification_type)
    return verification_answer(found)


def verification_answer(found: Verification) -> dict[str, Any]:
    if found.verification_type == "BUSINESS_VERIFICATION":
        details: dict[str, Any] = {
            "BusinessVerificationResponse": {"BusinessVerificationDetails": found.details}
        }
    else:
        details = {
            "RegistrantVerificationResponse": {
                "CompletionUrl": completion_url(found),
                "CompletionUrlExpiresAt": found.started_at.replace(microsecond=0) + _DAY,
            }
        }
    shown: dict[str, Any] = {
        "VerificationType": found.verification_type,
        "VerificationStatus": found.status,
        "VerificationResponseDetails": details,
        "StartedAt": found.started_at,
    }
    if found.status_reason:
        shown["VerificationStatusReason"] = found.status_reason
    if found.completed_at and found.status in (
        VerificationStatus.SUCCEEDED,
        VerificationStatus.REJECTED,
        VerificationStatus.FAILED,
    ):
        shown["CompletedAt"] = found.completed_at
    return shown


def latest_qualifications_task(company: Company, kind: str) -> QualificationsTask:
    found = (
        QualificationsTask.objects.filter(company=company, kind=kind)
        .select_related("partner")
        .order_by("-started_at", "-id")
        .first()
    )
    if found is None:
        name = (
            "QualificationsAssociationTask"
            if kind == "associate"
            else "QualificationsDisassociationTask"
        )
        raise NotFound(name, company.public_id)
    return found


def qualifications_task_view(
    task: QualificationsTask, catalog: str = "AWS", account_id: str = ""
) -> dict[str, Any]:
    member = "PrimaryPartner" if task.kind == "associate" else "AssociatedPartner"
    shown: dict[str, Any] = {
        "Catalog": catalog, "Arn": partner_arn(task.company, catalog, account_id),
        "Id": task.company.public_id, "TaskId": task.task_id, "Status": task.status,
        member: partner_reference(task.partner), "StartedAt": task.started_at,
    }  # fmt: skip
    if task.ended_at is not None:
        shown["EndedAt"] = task.ended_at
    return shown


def qualifications_details(
    company: Company, catalog: str = "AWS", account_id: str = ""
) -> dict[str, Any]:
    """GetQualificationsAssociationDetails: ASSOCIATED (as subsidiary or as primary)."""
    shown: dict[str, Any] = {
        "Catalog": catalog,
        "Arn": partner_arn(company, catalog, account_id),
        "Id": company.public_id,
    }
    own = (
        QualificationsAssociation.objects.filter(company=company).select_related("primary").first()
    )
    primary = (
        own.primary
        if own
        else (
            company if QualificationsAssociation.objects.filter(primary=company).exists() else None
        )
    )
    if primary is None:
        return shown | {"Status": "NOT_ASSOCIATED"}
    associated = QualificationsAssociation.objects.filter(primary=primary).select_related("company")
    rows = list(associated[:6])
    return shown | {
        "Status": "ASSOCIATED",
        "PrimaryPartner": partner_reference(primary),
        "AssociatedPartners": [partner_reference(row.company) for row in rows],
        "UpdatedAt": max(row.associated_at for row in rows),
    }


def list_partners(actor: Actor, after: str = "", size: int = 50) -> tuple[list[Company], str]:
    """ListPartners: a partner (member or IAM principal) sees itself; staff and the
    system see every partner, a keyset page at a time by id. Returns the page and the
    id to continue after ("" at the end)."""
    if actor.kind in ("user", "iam"):
        own = [actor.company] if actor.company is not None and not after else []
        return own, ""
    rows = list(Company.objects.filter(public_id__gt=after).order_by("public_id")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return rows, rows[-1].public_id if more else ""


def partner_summary(company: Company, catalog: str = "AWS", account_id: str = "") -> dict[str, Any]:
    """A PartnerSummary of ListPartners."""
    return {
        "Catalog": catalog,
        "Arn": partner_arn(company, catalog, account_id),
        "Id": company.public_id,
        "LegalName": company.legal_name,
        "CreatedAt": company.created_at,
    }

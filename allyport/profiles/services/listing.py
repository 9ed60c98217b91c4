"""Listing changes: the account API's profile update task. A listed company's change
(Validated or higher) waits for staff approval; below that it applies at once. One
change may wait at a time; the company may cancel it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.errors import REQUIRED, TOO_MANY, Conflict, FieldError, NotFound, RuleViolation
from allyport.profiles import permissions as perms
from allyport.profiles.enums import (
    INDUSTRY_VALUES,
    LISTED_FROM,
    PrimarySolutionType,
    ProfileTaskStatus,
    stage_rank,
)
from allyport.profiles.models import ProfileVersion
from allyport.profiles.services import finder, locations, quotas
from allyport.profiles.services.common import lock, record, require_on
from allyport.profiles.services.versions import (
    LISTING_FIELDS,
    diff,
    ensure_profile,
    listing_values,
    new_version,
)

_HTTPS = re.compile(r"^(https|HTTPS)://[^/\s]+(/\S*)?$")
_LOCALE = re.compile(r"^[a-z]{2}-[A-Z]{2}$")
_TEXT_LIMITS = {"DisplayName": 80, "Description": 600}
TASK = "ProfileUpdateTask"


def _url_error(field: str, value: Any) -> FieldError | None:
    if not isinstance(value, str) or not value:
        return None
    own = value.startswith(settings.ALLYPORT_PUBLIC_URL + "/")  # an uploaded logo
    if len(value) > 256 or not (own or _HTTPS.match(value)):
        return FieldError(field, _("Enter an https:// address."))
    return None


def check_task_details(details: Mapping[str, Any]) -> None:
    """TaskDetails' rules, every refusal at once with its field path."""
    errors: list[FieldError] = []
    for key, limit in _TEXT_LIMITS.items():
        text = details.get(key)
        if not isinstance(text, str) or not text.strip():
            errors.append(FieldError(f"TaskDetails.{key}", _("This field is required."), REQUIRED))
        elif len(text) > limit:
            errors.append(
                FieldError(f"TaskDetails.{key}", _("At most %(n)d characters.") % {"n": limit})
            )
    for key in ("WebsiteUrl", "LogoUrl"):
        error = _url_error(f"TaskDetails.{key}", details.get(key))
        if error:
            errors.append(error)
    if details.get("PrimarySolutionType") not in PrimarySolutionType.values:
        errors.append(
            FieldError("TaskDetails.PrimarySolutionType", _("Choose a primary offering."))
        )
    segments = details.get("IndustrySegments") or []
    if not segments:
        errors.append(
            FieldError("TaskDetails.IndustrySegments", _("Choose at least one industry."), REQUIRED)
        )
    elif len(segments) > 3:
        errors.append(
            FieldError("TaskDetails.IndustrySegments", _("Choose at most 3 industries."), TOO_MANY)
        )
    elif any(segment not in INDUSTRY_VALUES for segment in segments):
        errors.append(
            FieldError("TaskDetails.IndustrySegments", _("Choose industries from the list."))
        )
    if not _LOCALE.match(str(details.get("TranslationSourceLocale") or "")):
        errors.append(
            FieldError("TaskDetails.TranslationSourceLocale", _("Use a locale such as en-US."))
        )
    hq = details.get("Headquarters")
    if hq is not None and not re.fullmatch(r"[A-Z]{2}", str(hq.get("CountryCode", ""))):
        errors.append(FieldError("TaskDetails.Headquarters.CountryCode", _("Choose a country.")))
    if errors:
        raise RuleViolation(errors)


def _listed(company: Company) -> bool:
    return stage_rank(company.stage) >= stage_rank(LISTED_FROM)


def _apply(company: Company, details: Mapping[str, Any]) -> None:
    """Publish a version's details into the profile (and the headquarters)."""
    profile = ensure_profile(company)
    for api, field in LISTING_FIELDS.items():
        if api in details:
            setattr(profile, field, details[api])
    profile.updated_at = timezone.now()
    profile.save()
    kind = details.get("PrimarySolutionType")
    if kind and kind != company.primary_solution_type:
        Company.objects.filter(pk=company.pk).update(primary_solution_type=kind)
        company.primary_solution_type = kind
    if details.get("Headquarters"):
        locations.place_headquarters(company, details["Headquarters"])
    finder.refresh_listing(company)


def start_profile_update(
    actor: Actor, company: Company, details: Mapping[str, Any], *, catalog: str = "AWS"
) -> ProfileVersion:
    """StartProfileUpdateTask: a new listing version from TaskDetails."""
    require_on(actor, perms.START_PROFILE_UPDATE, company, catalog)
    check_task_details(details)
    with transaction.atomic():
        company = lock(company)
        if ProfileVersion.objects.filter(
            company=company, status=ProfileTaskStatus.IN_PROGRESS
        ).exists():
            raise Conflict(
                _("A profile update is waiting for approval; cancel it before starting another."),
                TASK,
                company.public_id,
            )
        quotas.check_profile_updates(company)
        profile = ensure_profile(company)
        before = listing_values(profile)
        stored = {key: value for key, value in details.items() if value is not None}
        changes = diff(before, {k: v for k, v in stored.items() if k in before})
        pending = _listed(company)
        version = new_version(
            actor,
            company,
            ProfileVersion.Section.LISTING,
            changes,
            status=ProfileTaskStatus.IN_PROGRESS if pending else ProfileTaskStatus.SUCCEEDED,
            task_details=stored,
        )
        if not pending:
            _apply(company, stored)
        record(
            actor,
            "StartProfileUpdateTask",
            company,
            {"identifier": company.public_id, "taskDetails": stored},
            {"taskId": version.task_id, "status": version.status},
        )
    return version


def _pending(company: Company, task_id: str) -> ProfileVersion:
    found = (
        ProfileVersion.objects.select_for_update()
        .filter(company=company, task_id=task_id, section=ProfileVersion.Section.LISTING)
        .first()
    )
    if found is None:
        raise NotFound(TASK, task_id)
    if found.status != ProfileTaskStatus.IN_PROGRESS:
        raise Conflict(_("This profile update is no longer waiting for approval."), TASK, task_id)
    return found


def cancel_profile_update(
    actor: Actor, company: Company, task_id: str, *, catalog: str = "AWS"
) -> ProfileVersion:
    """CancelProfileUpdateTask: withdraw the version waiting for approval."""
    require_on(actor, perms.CANCEL_PROFILE_UPDATE, company, catalog)
    with transaction.atomic():
        version = _pending(lock(company), task_id)
        version.status, version.ended_at = ProfileTaskStatus.CANCELED, timezone.now()
        version.save(update_fields=["status", "ended_at"])
        record(
            actor,
            "CancelProfileUpdateTask",
            company,
            {"taskId": task_id},
            {"status": version.status},
        )
    return version


def approve_profile_update(actor: Actor, version: ProfileVersion) -> ProfileVersion:
    """Staff publish a waiting listing change."""
    company = version.company
    require_on(actor, perms.REVIEW, company)
    with transaction.atomic():
        version = _pending(lock(company), version.task_id)
        _apply(company, version.task_details)
        version.status, version.ended_at = ProfileTaskStatus.SUCCEEDED, timezone.now()
        version.reviewed_by = actor.user
        version.save(update_fields=["status", "ended_at", "reviewed_by"])
        record(
            actor,
            "ApproveProfileUpdate",
            company,
            {"taskId": version.task_id},
            {"status": version.status},
        )
    return version


def reject_profile_update(
    actor: Actor, version: ProfileVersion, message: str, reason: str = "INVALID_CONTENT"
) -> ProfileVersion:
    """Staff refuse a waiting listing change; the reason reaches ErrorDetailList."""
    company = version.company
    require_on(actor, perms.REVIEW, company)
    with transaction.atomic():
        version = _pending(lock(company), version.task_id)
        version.status, version.ended_at = ProfileTaskStatus.FAILED, timezone.now()
        version.reviewed_by = actor.user
        locale = version.task_details.get("TranslationSourceLocale", "en-US")
        version.error_details = [{"Locale": locale, "Message": message, "Reason": reason}]
        version.save(update_fields=["status", "ended_at", "reviewed_by", "error_details"])
        record(
            actor, "RejectProfileUpdate", company,
            {"taskId": version.task_id, "reason": reason, "message": message},
            {"status": version.status},
        )  # fmt: skip
    return version

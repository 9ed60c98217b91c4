"""The Company Profile tabs' changes: general information and customers served,
descriptive text of offerings, reported solution areas, products and services types,
visibility, and the logo. Each is a numbered version with its record."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from allyport.access.actor import Actor
from allyport.accounts.choices import CustomerSegment, EmployeeCount
from allyport.accounts.models import Company
from allyport.core.errors import REQUIRED, FieldError, NotFound, RuleViolation
from allyport.pipeline.models import Solution
from allyport.profiles import permissions as perms
from allyport.profiles.enums import PrimarySolutionType, SolutionArea, Visibility
from allyport.profiles.models import ProfileLogo, ProfileVersion, SolutionDescription
from allyport.profiles.services import finder, listing, quotas
from allyport.profiles.services.common import lock, record, require_on
from allyport.profiles.services.versions import diff, ensure_profile, listing_values, new_version

COMPANY_FIELDS = ("phone", "employee_count", "customer_segments")
PROFILE_FIELDS = ("countries_served",)
LISTING_FORM_FIELDS = {
    "display_name": "DisplayName",
    "description": "Description",
    "website_url": "WebsiteUrl",
    "industry_segments": "IndustrySegments",
    "logo_url": "LogoUrl",
}
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}
LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_SIDE = 2000


@dataclass
class ProfileChange:
    company_version: ProfileVersion | None
    listing_version: ProfileVersion | None


def _check_company(values: Mapping[str, Any]) -> None:
    errors: list[FieldError] = []
    if values.get("employee_count", "") not in ("", *EmployeeCount.values):
        errors.append(FieldError("employee_count", _("Choose a number of employees.")))
    if any(s not in CustomerSegment.values for s in values.get("customer_segments", [])):
        errors.append(FieldError("customer_segments", _("Choose segments from the list.")))
    if any(c not in countries for c in values.get("countries_served", [])):
        errors.append(FieldError("countries_served", _("Choose countries from the list.")))
    if errors:
        raise RuleViolation(errors)


def _listing_details(company: Company, values: Mapping[str, Any]) -> dict[str, Any] | None:
    """The full TaskDetails a listing change needs, or None when nothing listed changed."""
    current = listing_values(ensure_profile(company))
    proposed = dict(current)
    for form_field, api in LISTING_FORM_FIELDS.items():
        if form_field in values:
            proposed[api] = values[form_field]
    if proposed == current:
        return None
    return {key: value for key, value in proposed.items() if value not in ("", None)} | {
        "LocalizedContents": proposed.get("LocalizedContents") or []
    }


def _as_form_errors(refused: RuleViolation) -> RuleViolation:
    by_api = {f"TaskDetails.{api}": field for field, api in LISTING_FORM_FIELDS.items()}
    return RuleViolation(
        [FieldError(by_api.get(e.field, e.field), e.message, e.code) for e in refused.errors]
    )


def update_company_profile(
    actor: Actor, company: Company, values: Mapping[str, Any], *, logo: bytes | None = None
) -> ProfileChange:
    """Company tab: the company's own fields apply at once; the listing's fields (an
    uploaded logo among them) are a profile update, waiting for approval when the
    company is listed."""
    require_on(actor, perms.EDIT_PROFILE, company)
    _check_company(values)
    if logo is not None:
        kind = _check_logo(logo)
        new_logo = ProfileLogo(
            company=company, content_type=LOGO_TYPES[kind], data=logo, size=len(logo)
        )
        values = {**values, "logo_url": logo_url(new_logo)}
    details = _listing_details(company, values)
    if details is not None:
        try:
            listing.check_task_details(details)
        except RuleViolation as refused:
            raise _as_form_errors(refused) from None
    with transaction.atomic():
        company = lock(company)
        if logo is not None:
            new_logo.save()
            record(actor, "UploadProfileLogo", company, {"size": len(logo), "type": kind})
        profile = ensure_profile(company)
        before = {f: getattr(company, f) for f in COMPANY_FIELDS} | {
            f: getattr(profile, f) for f in PROFILE_FIELDS
        }
        after = {f: values[f] for f in (*COMPANY_FIELDS, *PROFILE_FIELDS) if f in values}
        changes = diff(before, after)
        company_version = None
        if changes:
            Company.objects.filter(pk=company.pk).update(
                **{f: v for f, v in after.items() if f in COMPANY_FIELDS}
            )
            for field in PROFILE_FIELDS:
                if field in after:
                    setattr(profile, field, after[field])
            profile.updated_at = timezone.now()
            profile.save()
            company_version = new_version(actor, company, ProfileVersion.Section.COMPANY, changes)
            record(
                actor, "UpdateCompanyProfile", company, after, {"version": company_version.number}
            )
            company.refresh_from_db()
            finder.refresh_listing(company)
        listing_version = (
            listing.start_profile_update(actor, company, details) if details is not None else None
        )
    return ProfileChange(company_version, listing_version)


def set_solution_description(
    actor: Actor, company: Company, solution_id: str, text: str
) -> SolutionDescription | None:
    """Solutions/Practices: the text beside a validated offering (empty removes it)."""
    require_on(actor, perms.EDIT_PROFILE, company)
    text = (text or "").strip()
    if len(text) > 600:
        raise RuleViolation([FieldError("text", _("At most 600 characters."))])
    with transaction.atomic():
        company = lock(company)
        solution = Solution.objects.filter(company=company, public_id=solution_id).first()
        if solution is None:
            raise NotFound("Solution", solution_id)
        found = SolutionDescription.objects.filter(solution=solution).first()
        before = found.text if found else ""
        if text:
            found, _created = SolutionDescription.objects.update_or_create(
                solution=solution,
                defaults={"company": company, "text": text, "updated_at": timezone.now()},
            )
        elif found is not None:
            found.delete()
            found = None
        new_version(
            actor, company, ProfileVersion.Section.SOLUTIONS,
            {solution_id: {"from": before, "to": text}},
        )  # fmt: skip
        record(actor, "UpdateSolutionDescription", company, {"solutionId": solution_id})
        finder.refresh_listing(company)
    return found


def _set_profile_list(
    actor: Actor, company: Company, field: str, values: list[str], section: str, event: str
) -> list[str]:
    with transaction.atomic():
        company = lock(company)
        profile = ensure_profile(company)
        before = list(getattr(profile, field))
        setattr(profile, field, values)
        profile.updated_at = timezone.now()
        profile.save()
        new_version(actor, company, section, {field: {"from": before, "to": values}})
        record(actor, event, company, {field: values})
        finder.refresh_listing(company)
    return values


def set_solution_areas(actor: Actor, company: Company, areas: Iterable[str]) -> list[str]:
    """Qualifications tab: the partner's own reported solution areas."""
    require_on(actor, perms.EDIT_PROFILE, company)
    chosen = list(dict.fromkeys(areas))
    if any(area not in SolutionArea.values for area in chosen):
        raise RuleViolation([FieldError("solution_areas", _("Choose areas from the list."))])
    return _set_profile_list(
        actor, company, "solution_areas", chosen,
        ProfileVersion.Section.QUALIFICATIONS, "UpdateSolutionAreas",
    )  # fmt: skip


def set_offering_types(actor: Actor, company: Company, types: Iterable[str]) -> list[str]:
    """Products & Services: the types offered (they recommend the paths to enroll in)."""
    require_on(actor, perms.EDIT_PROFILE, company)
    chosen = list(dict.fromkeys(types))
    if not chosen:
        raise RuleViolation(
            [FieldError("offering_types", _("Choose at least one type."), REQUIRED)]
        )
    if any(kind not in PrimarySolutionType.values for kind in chosen):
        raise RuleViolation([FieldError("offering_types", _("Choose types from the list."))])
    return _set_profile_list(
        actor, company, "offering_types", chosen,
        ProfileVersion.Section.PRODUCTS, "UpdateProductsAndServices",
    )  # fmt: skip


def put_profile_visibility(
    actor: Actor, company: Company, visibility: str, *, catalog: str = "AWS"
) -> str:
    """PutProfileVisibility: PUBLIC lists a Validated company in the finder."""
    require_on(actor, perms.PUT_VISIBILITY, company, catalog)
    if visibility not in Visibility.values:
        raise RuleViolation([FieldError("Visibility", _("Choose public or private."))])
    with transaction.atomic():
        company = lock(company)
        quotas.check_visibility_updates(company)
        profile = ensure_profile(company)
        before = profile.visibility
        profile.visibility, profile.visibility_changed_at = visibility, timezone.now()
        profile.save(update_fields=["visibility", "visibility_changed_at"])
        new_version(
            actor, company, ProfileVersion.Section.VISIBILITY,
            {"visibility": {"from": before, "to": visibility}},
        )  # fmt: skip
        record(
            actor, "PutProfileVisibility", company,
            {"identifier": company.public_id, "visibility": visibility},
            {"visibility": visibility, "profileId": profile.profile_id},
        )  # fmt: skip
        finder.refresh_listing(company)
    return visibility


def _logo_kind(data: bytes) -> str:
    """The image's real format (never the name or the browser's word), size-checked."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415  (only uploads need it)

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind, (width, height) = str(image.format), image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        kind, width, height = "", 0, 0
    if kind not in LOGO_TYPES:
        raise RuleViolation([FieldError("logo", _("Upload a PNG, JPEG or GIF image."))])
    if width > LOGO_MAX_SIDE or height > LOGO_MAX_SIDE:
        raise RuleViolation([FieldError("logo", _("The logo may be at most 2000 by 2000 pixels."))])
    return kind


def logo_url(logo: ProfileLogo) -> str:
    return settings.ALLYPORT_PUBLIC_URL + reverse("profiles:logo", args=[logo.token])


def _check_logo(data: bytes) -> str:
    if len(data) > LOGO_MAX_BYTES:
        raise RuleViolation([FieldError("logo", _("The logo may be at most 1 MB."))])
    return _logo_kind(data)

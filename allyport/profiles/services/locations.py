"""Locations: offices with address and country; one is the headquarters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.errors import REQUIRED, FieldError, NotFound, RuleViolation
from allyport.profiles import permissions as perms
from allyport.profiles.models import Location, ProfileVersion
from allyport.profiles.services import finder
from allyport.profiles.services.common import lock, record, require_on
from allyport.profiles.services.versions import new_version

FIELDS = ("name", "street", "city", "subdivision_code", "postal_code", "country", "is_headquarters")
MAX_LOCATIONS = 100


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    data = {key: values.get(key, "") for key in FIELDS}
    data["is_headquarters"] = bool(values.get("is_headquarters"))
    for key in FIELDS[:-1]:
        data[key] = str(data[key] or "").strip()
    data["country"] = data["country"].upper()
    data["subdivision_code"] = data["subdivision_code"].upper()
    errors = [
        FieldError(key, _("This field is required."), REQUIRED)
        for key in ("name", "city", "country")
        if not data[key]
    ]
    if data["subdivision_code"] and not data["subdivision_code"].isalnum():
        errors.append(FieldError("subdivision_code", _("Use the letters or digits of the code.")))
    if errors:
        raise RuleViolation(errors)
    return data


def _as_dict(location: Location) -> dict[str, Any]:
    return {key: str(getattr(location, key)) for key in FIELDS}


def _save(company: Company, location: Location, data: dict[str, Any]) -> None:
    if data["is_headquarters"]:
        Location.objects.filter(company=company, is_headquarters=True).exclude(
            pk=location.pk
        ).update(is_headquarters=False)
    for key, value in data.items():
        setattr(location, key, value)
    location.save()


def create_location(actor: Actor, company: Company, values: Mapping[str, Any]) -> Location:
    require_on(actor, perms.EDIT_PROFILE, company)
    data = _clean(values)
    with transaction.atomic():
        company = lock(company)
        if Location.objects.filter(company=company).count() >= MAX_LOCATIONS:
            raise RuleViolation([FieldError("name", _("A company lists at most 100 locations."))])
        location = Location(company=company)
        _save(company, location, data)
        new_version(actor, company, ProfileVersion.Section.LOCATIONS, {"added": data})
        record(actor, "CreateLocation", company, data, {"locationId": location.pk})
        finder.refresh_listing(company)
    return location


def update_location(
    actor: Actor, company: Company, location_id: int, values: Mapping[str, Any]
) -> Location:
    require_on(actor, perms.EDIT_PROFILE, company)
    data = _clean(values)
    with transaction.atomic():
        company = lock(company)
        location = _find(company, location_id)
        before = _as_dict(location)
        _save(company, location, data)
        new_version(
            actor, company, ProfileVersion.Section.LOCATIONS,
            {"changed": {"from": before, "to": _as_dict(location)}},
        )  # fmt: skip
        record(actor, "UpdateLocation", company, {"locationId": location_id, **data})
        finder.refresh_listing(company)
    return location


def delete_location(actor: Actor, company: Company, location_id: int) -> None:
    require_on(actor, perms.EDIT_PROFILE, company)
    with transaction.atomic():
        company = lock(company)
        location = _find(company, location_id)
        before = _as_dict(location)
        location.delete()
        new_version(actor, company, ProfileVersion.Section.LOCATIONS, {"removed": before})
        record(actor, "DeleteLocation", company, {"locationId": location_id})
        finder.refresh_listing(company)


def _find(company: Company, location_id: int) -> Location:
    found = Location.objects.filter(company=company, pk=location_id).first()
    if found is None:
        raise NotFound("Location", str(location_id))
    return found


def place_headquarters(company: Company, headquarters: Mapping[str, str]) -> Location:
    """The API's Headquarters {CountryCode, SubdivisionCode} on the headquarters office
    (made when there is none); called inside a decided, recorded change."""
    found = Location.objects.filter(company=company, is_headquarters=True).first()
    if found is None:
        found = Location(company=company, name=_("Headquarters"), is_headquarters=True)
    found.country = headquarters.get("CountryCode", "")
    found.subdivision_code = headquarters.get("SubdivisionCode", "")
    found.save()
    return found

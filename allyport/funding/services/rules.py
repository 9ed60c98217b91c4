"""The rules of an application's fields, the same for the pages and the API; each
refusal names the API's field path (the pages map it back to their fields)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from allyport.core.errors import (
    BAD_STATE,
    BUSINESS,
    REQUIRED,
    TOO_MANY,
    FieldError,
    RuleViolation,
)
from allyport.funding.models import Benefit, BenefitApplication

TEXT_LIMITS = {"Name": 255, "Description": 1000}
MAX_RESOURCES = 10
MAX_DETAIL = 5000


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def schema_fields(benefit: Benefit) -> list[tuple[str, str, str, bool]]:
    """(key, title, description, required) of each detail the benefit asks for."""
    schema = benefit.request_schema if isinstance(benefit.request_schema, Mapping) else {}
    found = schema.get("properties")
    properties: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    required = set(schema.get("required") or ())
    return [
        (
            str(key),
            str(spec.get("title") or key),
            str(spec.get("description") or ""),
            key in required,
        )
        for key, spec in properties.items()
        if isinstance(spec, Mapping)
    ]


def clean_details(benefit: Benefit, given: Any) -> dict[str, Any]:
    """BenefitApplicationDetails: an object; string values are trimmed and bounded."""
    if given is None:
        return {}
    if not isinstance(given, Mapping):
        raise RuleViolation(
            [FieldError("BenefitApplicationDetails", _("Give an object of details."))]
        )
    errors, details = [], {}
    for key, value in given.items():
        cleaned = _text(value) if isinstance(value, str) else value
        if isinstance(cleaned, str) and len(cleaned) > MAX_DETAIL:
            errors.append(
                FieldError(f"BenefitApplicationDetails.{key}", _("At most 5000 characters."))
            )
        details[str(key)] = cleaned
    if errors:
        raise RuleViolation(errors)
    return details


def clean_fields(benefit: Benefit, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The members of a create or update the payload sets, cleaned; every error at once."""
    errors: list[FieldError] = []
    fields: dict[str, Any] = {}
    for member, limit in TEXT_LIMITS.items():
        if member in payload:
            text = _text(payload[member])
            if len(text) > limit:
                errors.append(FieldError(member, _("At most %(n)s characters.") % {"n": limit}))
            fields[member] = text
    if "FulfillmentTypes" in payload:
        allowed = set(benefit.fulfillment_types or ())
        chosen = list(dict.fromkeys(payload["FulfillmentTypes"] or ()))
        if any(kind not in allowed for kind in chosen):
            errors.append(
                FieldError(
                    "FulfillmentTypes",
                    _("This benefit is fulfilled as %(types)s only.")
                    % {"types": ", ".join(sorted(allowed)) or "-"},
                )
            )
        fields["FulfillmentTypes"] = chosen
    if "BenefitApplicationDetails" in payload:
        try:
            fields["BenefitApplicationDetails"] = clean_details(
                benefit, payload["BenefitApplicationDetails"]
            )
        except RuleViolation as error:
            errors += error.errors
    if "PartnerContacts" in payload:
        fields["PartnerContacts"] = [
            {k: _text(v) for k, v in dict(contact).items() if _text(v)}
            for contact in payload["PartnerContacts"] or ()
        ]
    if errors:
        raise RuleViolation(errors)
    return fields


def check_submittable(application: BenefitApplication) -> None:
    """What Submit needs: a name, and every detail the benefit requires."""
    errors: list[FieldError] = []
    if not application.name:
        errors.append(FieldError("Name", _("Enter a name for the application."), REQUIRED))
    details = application.details if isinstance(application.details, Mapping) else {}
    for key, title, _description, required in schema_fields(application.benefit):
        value = details.get(key)
        if required and (value is None or (isinstance(value, str) and not value.strip())):
            errors.append(
                FieldError(
                    f"BenefitApplicationDetails.{key}",
                    _("Enter %(title)s.") % {"title": title},
                    REQUIRED,
                )
            )
    if errors:
        raise RuleViolation(errors, BUSINESS)


def check_status(application: BenefitApplication, allowed: frozenset[str], action: str) -> None:
    if application.status not in allowed:
        raise RuleViolation(
            [
                FieldError(
                    "Identifier",
                    _("A %(status)s application cannot be %(action)s.")
                    % {"status": application.get_status_display().lower(), "action": action},
                    BAD_STATE,
                )
            ]
        )


def check_resource_count(resources: list[str]) -> None:
    if len(resources) > MAX_RESOURCES:
        raise RuleViolation(
            [
                FieldError(
                    "AssociatedResources", _("At most 10 resources per application."), TOO_MANY
                )
            ]
        )

"""The pipeline's rules for a lead (a LeadContext), beyond what the Lead model checks.

The model takes any text as a lead's country and contact email, but a lead becomes
an opportunity, whose model takes only its country codes and well-formed emails.
Every way a lead comes in (import, CreateEngagement, CreateEngagementContext,
UpdateEngagementContext) checks these rules, so a lead that is stored can become
an opportunity without losing a value. Problems are named by their path within
the LeadContext (`Customer.Address.CountryCode`, `Interactions[0].Contact.Email`);
every problem of a lead is reported, not only the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from allyport.core.errors import BUSINESS, FieldError, RuleViolation
from allyport.shapes import patterns
from allyport.shapes.selling import enum, service_model
from allyport.shapes.validation import ENUM, FORMAT

COUNTRY = "Customer.Address.CountryCode"
QUALIFIED = "qualified"


def is_qualified(lead: Mapping[str, Any]) -> bool:
    """The Leads tab makes opportunities of qualified leads only, as it says."""
    return str(lead.get("QualificationStatus") or "").strip().lower() == QUALIFIED


def _email_pattern() -> Any:
    contact = service_model().shape_for("Contact")
    return patterns.compiled(contact.members["Email"].metadata.get("pattern", ""))  # type: ignore[attr-defined]


def lead_problems(lead: Mapping[str, Any]) -> list[FieldError]:
    """Every broken rule of a LeadContext, by its path within the context."""
    problems: list[FieldError] = []
    address = (lead.get("Customer") or {}).get("Address") or {}
    country = address.get("CountryCode")
    if country not in (None, "") and country not in enum("CountryCode"):
        problems.append(
            FieldError(
                COUNTRY,
                _("%(value)s is not a country code: use two letters, such as US or DE.")
                % {"value": str(country)[:40]},
                ENUM,
            )
        )
    email = _email_pattern()
    interactions = [
        (f"Interactions[{index}]", item)
        for index, item in enumerate(lead.get("Interactions") or [])
    ]
    if lead.get("Interaction"):  # UpdateEngagementContext adds one
        interactions.append(("Interaction", lead["Interaction"]))
    for path, interaction in interactions:
        address_text = ((interaction or {}).get("Contact") or {}).get("Email")
        if address_text in (None, "") or email is None:
            continue
        if not email.fullmatch(str(address_text)):
            problems.append(
                FieldError(
                    f"{path}.Contact.Email",
                    _("Enter a valid email address, such as name@example.com."),
                    FORMAT,
                )
            )
    return problems


def check_lead(lead: Any, prefix: str) -> None:
    """RuleViolation naming every broken rule of one LeadContext, under `prefix`."""
    if not isinstance(lead, Mapping):
        return
    errors = [error._replace(field=f"{prefix}.{error.field}") for error in lead_problems(lead)]
    if errors:
        raise RuleViolation(errors, reason=BUSINESS)


def check_lead_contexts(contexts: Any, prefix: str = "Contexts") -> None:
    """RuleViolation naming every broken lead rule of the request's Lead contexts
    (`Contexts[0].Payload.Lead.Customer.Address.CountryCode`)."""
    errors: list[FieldError] = []
    for index, context in enumerate(contexts or []):
        payload = (context or {}).get("Payload") or {}
        try:
            check_lead(payload.get("Lead"), f"{prefix}[{index}].Payload.Lead")
        except RuleViolation as refused:
            errors += refused.errors
    if errors:
        raise RuleViolation(errors, reason=BUSINESS)


# The AWS geography of a lead, by its customer's country (marketing staff see their
# region's leads). Countries not listed fall in EMEA unless named below.
_NAMER = frozenset({"US", "CA", "PR", "UM", "VI", "GU", "AS", "MP", "BM"})
_LATAM = frozenset(
    [
        "AR",
        "BO",
        "BR",
        "CL",
        "CO",
        "CR",
        "CU",
        "DO",
        "EC",
        "SV",
        "GT",
        "HN",
        "MX",
        "NI",
        "PA",
        "PY",
        "PE",
        "UY",
        "VE",
        "BZ",
        "GY",
        "SR",
        "JM",
        "TT",
        "HT",
        "BS",
        "BB",
    ]
)
_APJ = frozenset(
    [
        "AU",
        "NZ",
        "JP",
        "CN",
        "HK",
        "MO",
        "TW",
        "KR",
        "KP",
        "IN",
        "PK",
        "BD",
        "LK",
        "NP",
        "BT",
        "MV",
        "SG",
        "MY",
        "ID",
        "TH",
        "VN",
        "PH",
        "KH",
        "LA",
        "MM",
        "BN",
        "TL",
        "MN",
        "FJ",
        "PG",
        "SB",
        "VU",
        "WS",
        "TO",
        "KI",
        "NR",
        "TV",
        "FM",
        "MH",
        "PW",
        "NC",
        "PF",
    ]
)


def region_of(lead: Mapping[str, Any]) -> str:
    """NAMER, LATAM, APJ or EMEA for the lead's country; "" without one."""
    country = str(((lead.get("Customer") or {}).get("Address") or {}).get("CountryCode") or "")
    if not country:
        return ""
    if country in _NAMER:
        return "NAMER"
    if country in _LATAM:
        return "LATAM"
    return "APJ" if country in _APJ else "EMEA"

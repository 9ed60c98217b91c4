"""Business rules of opportunities (spec §2.6): consistency on every create and update,
completeness at submission. Each returns every failure at once, by field."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.core.errors import NOT_PERMITTED, OUT_OF_RANGE, REQUIRED, FieldError
from allyport.pipeline.shared.payload import get_path

CURRENCIES = ("USD", "EUR")
LATE_STAGES = ("Committed", "Launched")
CLOSED_LOST = "Closed Lost"
CO_SELL = "Co-Sell"
# Associations that count as "a valid solution or Marketplace product".
OFFERING_TYPES = ("AwsMarketplaceProducts", "AwsMarketplaceSolutions", "AwsMarketplaceOffers")


def parse_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def normalize(data: dict[str, Any]) -> dict[str, Any]:
    """Coercions the service applies rather than refuses: a spend's TargetCompany is
    "AWS" or, with a contract duration, "Self" (anything else becomes "AWS")."""
    project = data.get("Project") or {}
    allowed = ("AWS", "Self") if project.get("ExpectedContractDuration") else ("AWS",)
    for spend in project.get("ExpectedCustomerSpend") or []:
        if spend.get("TargetCompany") not in allowed:
            spend["TargetCompany"] = "AWS"
    return data


def has_offering(related: Mapping[str, list[str]]) -> bool:
    solutions = [s for s in related.get("Solutions", []) if s != "Other"]
    return bool(solutions) or any(related.get(kind) for kind in OFFERING_TYPES)


def _customer(data: Mapping[str, Any]) -> list[FieldError]:
    errors = []
    account = get_path(data, "Customer.Account") or {}
    if data.get("NationalSecurity") == "Yes" and account.get("Industry") != "Government":
        errors.append(
            FieldError(
                "NationalSecurity",
                _("National security applies only when the industry is Government."),
            )
        )
    if account.get("Industry") == "Other" and not account.get("OtherIndustry"):
        errors.append(
            FieldError(
                "Customer.Account.OtherIndustry",
                _("Name the industry when it is Other."),
                REQUIRED,
            )
        )
    return errors


def _spend(project: Mapping[str, Any]) -> list[FieldError]:
    errors = []
    eusc = project.get("AwsPartition") == "aws-eusc"
    for index, spend in enumerate(project.get("ExpectedCustomerSpend") or []):
        code = spend.get("CurrencyCode")
        field = f"Project.ExpectedCustomerSpend[{index}].CurrencyCode"
        if code not in CURRENCIES:
            errors.append(FieldError(field, _("The currency must be USD or EUR.")))
        elif eusc and code != "EUR":
            errors.append(FieldError(field, _("The AWS European Sovereign Cloud uses EUR.")))
    duration = project.get("ExpectedContractDuration")
    if duration:
        value = str(duration.get("Value", ""))
        # ASCII digits only: "²" is a digit to str.isdigit but not to int().
        if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 144:
            errors.append(
                FieldError(
                    "Project.ExpectedContractDuration.Value",
                    _("The contract duration is 1 to 144 months."),
                    OUT_OF_RANGE,
                )
            )
    return errors


def _project(data: Mapping[str, Any]) -> list[FieldError]:
    project = data.get("Project") or {}
    errors = _spend(project)
    if project.get("OtherCompetitorNames") and project.get("CompetitorName") != "*Other":
        errors.append(
            FieldError(
                "Project.OtherCompetitorNames",
                _('Other competitors are named only when the competitor is "*Other".'),
            )
        )
    marketing = data.get("Marketing") or {}
    if marketing.get("AwsFundingUsed") == "No" and marketing.get("UseCases"):
        errors.append(
            FieldError("Marketing.UseCases", _("Use cases stay empty when no AWS funding is used."))
        )
    return errors


def _software_revenue(data: Mapping[str, Any]) -> list[FieldError]:
    revenue = data.get("SoftwareRevenue") or {}
    errors = []
    currency = get_path(revenue, "Value.CurrencyCode")
    if currency is not None and currency not in CURRENCIES:
        errors.append(
            FieldError("SoftwareRevenue.Value.CurrencyCode", _("The currency must be USD or EUR."))
        )
    dates = {key: revenue.get(key) for key in ("EffectiveDate", "ExpirationDate")}
    for key, value in dates.items():
        if value is not None and parse_date(value) is None:
            errors.append(FieldError(f"SoftwareRevenue.{key}", _("This is not a calendar date.")))
    start, end = parse_date(dates["EffectiveDate"]), parse_date(dates["ExpirationDate"])
    if start and end and end < start:
        errors.append(
            FieldError(
                "SoftwareRevenue.ExpirationDate", _("The expiration date is before the start.")
            )
        )
    return errors


def _target_close(life: Mapping[str, Any], before: Mapping[str, Any] | None) -> list[FieldError]:
    value = life.get("TargetCloseDate")
    if value is None:
        return []
    field = "LifeCycle.TargetCloseDate"
    parsed = parse_date(value)
    if parsed is None:
        return [FieldError(field, _("This is not a calendar date."))]
    unchanged = before is not None and get_path(before, field) == value
    if parsed < timezone.localdate() and not unchanged:
        return [FieldError(field, _("The target close date cannot be in the past."))]
    return []


def _life_cycle(
    data: Mapping[str, Any], related: Mapping[str, list[str]], before: Mapping[str, Any] | None
) -> list[FieldError]:
    life = data.get("LifeCycle") or {}
    stage = life.get("Stage")
    errors = _target_close(life, before)
    if stage == CLOSED_LOST and not life.get("ClosedLostReason"):
        errors.append(
            FieldError(
                "LifeCycle.ClosedLostReason", _("Give the reason the deal was lost."), REQUIRED
            )
        )
    if life.get("ClosedLostReason") and stage != CLOSED_LOST:
        errors.append(
            FieldError(
                "LifeCycle.ClosedLostReason",
                _("A closed lost reason needs the Closed Lost stage."),
            )
        )
    if stage in LATE_STAGES and not has_offering(related):
        errors.append(
            FieldError(
                "LifeCycle.Stage",
                _("Associate a solution or a Marketplace product before %(stage)s.")
                % {"stage": stage},
                NOT_PERMITTED,
            )
        )
    if stage in LATE_STAGES and "Other" in related.get("Solutions", []):
        errors.append(
            FieldError(
                "RelatedEntityIdentifiers.Solutions",
                _('The solution "Other" is not allowed from the Committed stage on.'),
                NOT_PERMITTED,
            )
        )
    return errors


def consistency(
    data: Mapping[str, Any],
    related: Mapping[str, list[str]],
    before: Mapping[str, Any] | None = None,
) -> list[FieldError]:
    """Rules every saved version keeps (`before`: the stored version, on update)."""
    return [
        *_customer(data),
        *_project(data),
        *_software_revenue(data),
        *_life_cycle(data, related, before),
    ]

"""The opportunity's API structure as stored: which members go where, and how two
versions compare (full-replace updates, the Action Required allow-list)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

# Top-level members UpdateOpportunity replaces (an omitted one becomes empty).
UPDATABLE = (
    "PrimaryNeedsFromAws",
    "NationalSecurity",
    "PartnerOpportunityIdentifier",
    "Customer",
    "Project",
    "OpportunityType",
    "Marketing",
    "SoftwareRevenue",
    "LifeCycle",
)
# CreateOpportunity also sets these; UpdateOpportunity keeps them.
CREATE_ONLY = ("Origin", "OpportunityTeam")
# LifeCycle members only AWS sets (Sandbox callers may simulate the review).
REVIEW_FIELDS = ("ReviewStatus", "ReviewComments", "ReviewStatusReason")
READ_ONLY_LIFE_CYCLE = (*REVIEW_FIELDS, "NextStepsHistory")
# What a partner may change while AWS asks for action (spec §2.6).
ACTION_REQUIRED_FIELDS = frozenset(
    {
        "Customer.Account.Address.City",
        "Customer.Account.Address.CountryCode",
        "Customer.Account.Address.PostalCode",
        "Customer.Account.Address.StateOrRegion",
        "Customer.Account.Address.StreetAddress",
        "Customer.Account.WebsiteUrl",
        "LifeCycle.TargetCloseDate",
        "Project.ExpectedCustomerSpend.Amount",
        "Project.ExpectedCustomerSpend.CurrencyCode",
        "Project.CustomerBusinessProblem",
        "PartnerOpportunityIdentifier",
    }
)
_INDEX = re.compile(r"\[\d+\]")


def clean(value: Any) -> Any:
    """JSON-ready and without empties: None, {} and [] are dropped at any depth (an
    omitted member and an empty one mean the same), datetimes become ISO strings."""
    if isinstance(value, Mapping):
        items = {key: clean(item) for key, item in value.items()}
        return {key: item for key, item in items.items() if item not in (None, {}, [])}
    if isinstance(value, list | tuple):
        items_list = [clean(item) for item in value]
        return [item for item in items_list if item not in (None, {}, [])]
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return value


def pick(params: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return clean({key: params[key] for key in keys if key in params})


def editable(data: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a stored opportunity that UpdateOpportunity replaces."""
    result = pick(data, UPDATABLE)
    life = {k: v for k, v in result.get("LifeCycle", {}).items() if k not in READ_ONLY_LIFE_CYCLE}
    if life:
        result["LifeCycle"] = life
    else:
        result.pop("LifeCycle", None)
    return result


def split_review(update: dict[str, Any]) -> dict[str, Any]:
    """Take the read-only LifeCycle members out of an update; return them."""
    life = update.get("LifeCycle", {})
    taken = {key: life.pop(key) for key in READ_ONLY_LIFE_CYCLE if key in life}
    if "LifeCycle" in update and not life:
        del update["LifeCycle"]
    return taken


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Leaf paths like `Project.ExpectedCustomerSpend[0].Amount`; lists of plain values
    are one leaf."""
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else key))
        return out
    if isinstance(value, list) and any(isinstance(item, Mapping) for item in value):
        out = {}
        for index, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{index}]"))
        return out
    return {prefix: value}


def changed_paths(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    old, new = flatten(before), flatten(after)
    return sorted(path for path in old.keys() | new.keys() if old.get(path) != new.get(path))


def without_indexes(path: str) -> str:
    return _INDEX.sub("", path)


def get_path(data: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path, or None."""
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value

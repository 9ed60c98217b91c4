"""SearchOpportunities' summaries straight to wire form, in one pass.

The rule stays `search.search_summary`: the summary's value (`_summary_value`) without
empties (`clean`), projected on OpportunitySearchSummary, serialized. Applying it with
the shape's generic converter built every summary twice (the value, then its wire
form) and was most of a page's cost. Every leaf of that shape is a string, so for a
row whose stored values have the types the model keeps, `summary` builds the same
dict, members in the same order, directly. Anything else (a number where a string
belongs, a list that is not one, a tag with only unknown members) raises `Unusual`,
and the caller takes the generic path: odd data is answered exactly as before, only
more slowly. Tests compare both paths over generated rows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from allyport.pipeline.opportunities.summary import known_to_aws
from allyport.shapes.timestamps import format_timestamp

if TYPE_CHECKING:
    from allyport.pipeline.opportunities.search import SummaryRow

ACCOUNT = ("CompanyName", "Industry", "AwsAccountId")
SPEND = ("Amount", "CurrencyCode")
TEAM_MEMBER = ("FirstName", "LastName", "BusinessTitle")
TAG = frozenset(("Key", "Value"))
RELATED = (
    "AwsMarketplaceOffers",
    "AwsMarketplaceOfferSets",
    "AwsMarketplaceSolutions",
    "Solutions",
)


class Unusual(Exception):
    """A value this one-pass builder does not take: the generic path answers it."""


def summary(row: SummaryRow) -> dict[str, Any]:
    """The OpportunitySearchSummary of a row in wire form (Unusual for odd values)."""
    data = row.data
    if type(data) is not dict:
        raise Unusual
    out: dict[str, Any] = {}
    _put(out, "Id", _text(row.public_id))
    out["LastModifiedDate"] = _moment(row.last_modified_date)
    out["CreatedDate"] = _moment(row.created_date)
    _put(out, "OpportunityType", _text(data.get("OpportunityType")))
    _put(out, "PartnerOpportunityIdentifier", _text(row.partner_opportunity_identifier or None))
    _put(out, "LifeCycle", _life_cycle(row, data))
    _put(out, "Customer", _customer(data))
    _put(out, "Project", _project(data))
    _put(out, "Tags", _tags(row.tags))
    related = row.related
    if related is not None and type(related) is not dict:
        raise Unusual
    _put(out, "RelatedEntityIdentifiers", _lists(related or {}, RELATED))
    _put(out, "OpportunityTeam", _records(data.get("OpportunityTeam"), TEAM_MEMBER))
    if known_to_aws(row):
        origin = _text(row.origin)
        _put(out, "AwsOpportunitySummary", {"Origin": origin} if origin is not None else None)
    return out


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        out[key] = value


def _text(value: Any) -> str | None:
    """A string leaf: None goes, anything but a string is odd."""
    if value is None or type(value) is str:
        return value
    raise Unusual


def _moment(value: Any) -> str:
    if not isinstance(value, datetime):
        raise Unusual
    return format_timestamp(value)


def _picked(value: Any, keys: tuple[str, ...]) -> dict[str, str]:
    """The string members `keys` of a mapping, in that order, None dropped; {} for None."""
    if value is None:
        return {}
    if type(value) is not dict:
        raise Unusual
    out = {}
    for key in keys:
        item = value.get(key)
        if item is not None:
            if type(item) is not str:
                raise Unusual
            out[key] = item
    return out


def _strings(value: Any) -> list[str] | None:
    """A list of string leaves, None items dropped; None when nothing is left."""
    if value is None:
        return None
    if type(value) is not list:
        raise Unusual
    out = [item for item in value if item is not None]
    for item in out:
        if type(item) is not str:
            raise Unusual
    return out or None


def _lists(value: dict[str, Any], keys: tuple[str, ...]) -> dict[str, list[str]] | None:
    out: dict[str, list[str]] = {}
    for key in keys:
        _put(out, key, _strings(value.get(key)))
    return out or None


def _records(value: Any, keys: tuple[str, ...]) -> list[dict[str, str]] | None:
    """A list of mappings cut to `keys`; those left empty go (the value reads `or []`)."""
    if not value:
        return None
    if type(value) is not list:
        raise Unusual
    out = [record for record in (_picked(item, keys) for item in value) if record]
    return out or None


def _tags(tags: Any) -> list[dict[str, str]] | None:
    """Tags keep their own member order; a tag emptied only by the projection is odd
    (the generic path keeps it as `{}`)."""
    if tags is None:
        return None
    if type(tags) is not list:
        raise Unusual
    out = []
    for tag in tags:
        if tag is None:
            continue
        if type(tag) is not dict:
            raise Unusual
        kept = {}
        for key, item in tag.items():
            if key in TAG and item is not None:
                if type(item) is not str:
                    raise Unusual
                kept[key] = item
        if not kept and tag:
            raise Unusual
        if kept:
            out.append(kept)
    return out or None


def _life_cycle(row: SummaryRow, data: dict[str, Any]) -> dict[str, str] | None:
    life = data.get("LifeCycle")
    next_steps = _text(life.get("NextSteps")) if type(life) is dict else None
    close = row.target_close_date
    if close is not None and not isinstance(close, date):
        raise Unusual
    out: dict[str, str] = {}
    _put(out, "ReviewStatus", _text(row.review_status or None))
    _put(out, "Stage", _text(row.stage or None))
    _put(out, "NextSteps", next_steps)
    _put(out, "TargetCloseDate", close.isoformat() if close is not None else None)
    return out or None


def _customer(data: dict[str, Any]) -> dict[str, Any] | None:
    customer = data.get("Customer") or {}
    if type(customer) is not dict:
        raise Unusual
    stored = customer.get("Account")
    account: dict[str, Any] = _picked(stored, ACCOUNT)
    if stored is not None:
        _put(account, "Address", _picked(stored.get("Address"), ("CountryCode",)) or None)
    return {"Account": account} if account else None


def _project(data: dict[str, Any]) -> dict[str, Any] | None:
    project = data.get("Project") or {}
    if type(project) is not dict:
        raise Unusual
    out: dict[str, Any] = {}
    _put(out, "Title", _text(project.get("Title")))
    _put(out, "ApnPrograms", _strings(project.get("ApnPrograms")))
    _put(out, "ExpectedCustomerSpend", _records(project.get("ExpectedCustomerSpend"), SPEND))
    return out or None

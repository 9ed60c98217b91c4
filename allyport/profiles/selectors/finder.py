"""The Partner Solutions Finder's reads: search listings by name, solution, industry,
location, qualification and path, a keyset page at a time, and one partner's page.

Only companies at Validated or higher with public visibility have a listing (see
services/finder.py), so every read here is public. A page is one range scan of the
facet index (kind, value, sort_name, company) from the cursor's position; each further
criterion is a probe of the (company, kind, value) unique index."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.db.models import Exists, OuterRef, Q

from allyport.profiles.models import FinderFacet, FinderListing
from allyport.profiles.services.finder import normalized, words_of

PAGE_SIZE = 20
_SALT = "profiles.finder.cursor"
Kind = FinderFacet.Kind
# The criterion that drives the scan: the most selective kind first.
DRIVE_ORDER = (Kind.QUALIFICATION, Kind.WORD, Kind.SOLUTION, Kind.INDUSTRY, Kind.COUNTRY, Kind.PATH)


@dataclass(frozen=True)
class FinderQuery:
    q: str = ""
    solution: str = ""
    industry: str = ""
    country: str = ""
    qualification: str = ""
    path: str = ""

    def criteria(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for word in sorted({w for w in normalized(self.q).split() if w}):
            matches = words_of(word)
            if word[:40] in matches:
                found.append((Kind.WORD, word[:40]))
        for kind, value in (
            (Kind.SOLUTION, self.solution), (Kind.INDUSTRY, self.industry),
            (Kind.COUNTRY, self.country.upper()), (Kind.PATH, self.path),
            (Kind.QUALIFICATION, normalized(self.qualification)),
        ):  # fmt: skip
            if value:
                found.append((kind, value[:80]))
        return sorted(found, key=lambda c: DRIVE_ORDER.index(Kind(c[0])))

    def is_empty(self) -> bool:
        return not self.criteria()


@dataclass
class FinderPage:
    listings: list[Any]  # rows: company_id, public_id, display_name, slug, summary, …
    next_cursor: str | None
    query: FinderQuery = field(default_factory=FinderQuery)


def _position(cursor: str | None) -> tuple[str, int] | None:
    if not cursor:
        return None
    try:
        sort_name, company_id = signing.loads(cursor, salt=_SALT)
        return str(sort_name), int(company_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None  # a stale or edited cursor starts from the beginning


def _after(position: tuple[str, int] | None) -> Q:
    if position is None:
        return Q()
    sort_name, company_id = position
    return Q(sort_name__gt=sort_name) | Q(sort_name=sort_name, company_id__gt=company_id)


def _company_ids(
    query: FinderQuery, position: tuple[str, int] | None, size: int
) -> list[tuple[str, int]]:
    criteria = query.criteria()
    if not criteria:
        listed = FinderListing.objects.filter(_after(position)).order_by("sort_name", "company_id")
        return list(listed.values_list("sort_name", "company_id")[: size + 1])
    (kind, value), *others = criteria
    rows = FinderFacet.objects.filter(_after(position), kind=kind, value=value)
    for other_kind, other_value in others:
        rows = rows.filter(
            Exists(
                FinderFacet.objects.filter(
                    company_id=OuterRef("company_id"), kind=other_kind, value=other_value
                )
            )
        )
    rows = rows.order_by("sort_name", "company_id")
    return list(rows.values_list("sort_name", "company_id")[: size + 1])


def search(query: FinderQuery, cursor: str | None = None, size: int = PAGE_SIZE) -> FinderPage:
    keys = _company_ids(query, _position(cursor), size)
    more = len(keys) > size
    keys = keys[:size]
    rows = FinderListing.objects.filter(company_id__in=[key for _name, key in keys]).values(
        "company_id", "public_id", "display_name", "slug", "summary", "logo_url", "headquarters"
    )
    by_id = {row["company_id"]: row for row in rows}
    listings = [by_id[company_id] for _name, company_id in keys if company_id in by_id]
    next_cursor = signing.dumps(list(keys[-1]), salt=_SALT) if more and keys else None
    return FinderPage(listings, next_cursor, query)


def listing(public_id: str) -> FinderListing | None:
    """One partner's public page, or None (not listed, private, or missing: the same)."""
    return FinderListing.objects.select_related("company").filter(public_id=public_id).first()


def listing_of(company_id: int) -> FinderListing | None:
    return FinderListing.objects.select_related("company").filter(company_id=company_id).first()


def facet_values(kind: str) -> list[str]:
    """The values a filter may offer (distinct facet values of a kind)."""
    return list(
        FinderFacet.objects.filter(kind=kind)
        .values_list("value", flat=True)
        .distinct()
        .order_by("value")[:300]
    )

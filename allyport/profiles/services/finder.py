"""Keeps the Partner Solutions Finder's read model (`FinderListing`, `FinderFacet`) in
step with what a company publishes: a company at Validated or higher with public
visibility has one listing row and its facets; any other has none.

Every change that alters what the listing shows calls `refresh_listing` in its own
transaction. Qualifications come from other apps (the "company.qualifications" slot),
so a sweep also refreshes the oldest listings a batch at a time.

The public search pages are kept rendered (views/finder.py) under one generation of
every listing (`LISTINGS`, core.fragments): a refresh that publishes, changes or
removes a listing moves it on, now and again after commit; a company removed (its
listing with it) moves it on through `listing_removed`."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from allyport.accounts.models import Company
from allyport.core import contributions, fragments
from allyport.profiles.enums import LISTED_FROM, Visibility, stage_rank
from allyport.profiles.models import FinderFacet, FinderListing, Location
from allyport.profiles.selectors.solutions import published_solutions
from allyport.profiles.services.versions import ensure_profile

QUALIFICATIONS = "company.qualifications"
_WORD = re.compile(r"[a-z0-9]+")
PREFIX_FROM = 3  # words are found by their first letters from three on
SWEEP_BATCH = 500
LISTINGS = ("finder", "listings")  # core.fragments scope of the kept search pages
# What a search result shows of a listing: a refresh that changes none of it (the
# sweep, mostly) leaves the kept pages as they are.
SHOWN = ("sort_name", "display_name", "slug", "summary", "logo_url", "headquarters", "data")


def normalized(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.lower().strip()


def words_of(*texts: str) -> set[str]:
    """Each word and its beginnings (from three letters), so "octa" finds "Octank"."""
    found: set[str] = set()
    for text in texts:
        for word in _WORD.findall(normalized(text)):
            word = word[:40]
            found.add(word)
            found.update(word[:n] for n in range(PREFIX_FROM, len(word)))
    return found


def qualifications_of(company: Company) -> list[dict[str, Any]]:
    """The contract of "company.qualifications": fn(company) -> list of
    {kind, name, detail, since, url}."""
    rows: list[dict[str, Any]] = []
    for source in contributions.contributed(QUALIFICATIONS):
        rows += list(source(company) or [])
    return rows


def summary_of(description: str, limit: int = 240) -> str:
    """The description cut at a word for result lists."""
    if len(description) <= limit:
        return description
    return description[:limit].rsplit(" ", 1)[0].rstrip(",.;: ") + "…"


def is_listed(company: Company, visibility: str) -> bool:
    return stage_rank(company.stage) >= stage_rank(LISTED_FROM) and visibility == Visibility.PUBLIC


def _published(company: Company) -> dict[str, Any]:
    """What the public page shows, as the company published it."""
    profile = ensure_profile(company)
    offices = list(Location.objects.filter(company=company))
    return {
        "display_name": profile.display_name or company.legal_name,
        "description": profile.description,
        "website_url": profile.website_url,
        "logo_url": profile.logo_url,
        "industries": list(profile.industry_segments),
        "countries_served": list(profile.countries_served),
        "solution_areas": list(profile.solution_areas),
        "offering_types": list(profile.offering_types),
        "paths": list(company.paths or []),
        "stage": company.stage,
        "solutions": published_solutions(company),
        "locations": [
            {
                "name": o.name,
                "city": o.city,
                "country": str(o.country),
                "subdivision": o.subdivision_code,
                "headquarters": o.is_headquarters,
            }
            for o in offices
        ],  # fmt: skip
        "qualifications": [
            {key: str(row.get(key, "")) for key in ("kind", "name", "detail", "since", "url")}
            for row in qualifications_of(company)
        ],
    }


def facets_of(data: dict[str, Any]) -> set[tuple[str, str]]:
    kinds = FinderFacet.Kind
    names = [data["display_name"]] + [s["name"] for s in data["solutions"]]
    found = {(kinds.WORD, word) for word in words_of(*names)}
    found |= {(kinds.SOLUTION, area) for area in data["solution_areas"]}
    found |= {(kinds.INDUSTRY, value) for value in data["industries"]}
    countries = set(data["countries_served"]) | {o["country"] for o in data["locations"]}
    found |= {(kinds.COUNTRY, value) for value in countries if value}
    found |= {(kinds.PATH, value) for value in data["paths"]}
    found |= {(kinds.QUALIFICATION, normalized(q["name"])[:80]) for q in data["qualifications"]}
    return {(kind, value[:80]) for kind, value in found if value}


def refresh_listing(company: Company) -> FinderListing | None:
    """Rebuild (or remove) the company's listing; the caller's transaction holds it."""
    profile = ensure_profile(company)
    before = FinderListing.objects.filter(company=company).values(*SHOWN).first()
    FinderFacet.objects.filter(company=company).delete()
    if not is_listed(company, profile.visibility):
        if before is not None:
            FinderListing.objects.filter(company=company).delete()
            fragments.changed(*LISTINGS)
        return None
    data = _published(company)
    sort_name = normalized(data["display_name"])[:80]
    hq = next((o for o in data["locations"] if o["headquarters"]), None)
    shown = {
        "sort_name": sort_name,
        "display_name": data["display_name"],
        "slug": slugify(data["display_name"])[:80] or "partner",
        "summary": summary_of(data["description"]),
        "logo_url": data["logo_url"],
        "headquarters": f"{hq['city']}, {hq['country']}".strip(", ") if hq else "",
        "data": data,
    }
    listing, _created = FinderListing.objects.update_or_create(
        company=company,
        defaults={**shown, "public_id": company.public_id, "refreshed_at": timezone.now()},
    )
    if before != _as_stored(listing):
        fragments.changed(*LISTINGS)
    FinderFacet.objects.bulk_create(
        FinderFacet(company=company, kind=kind, value=value, sort_name=sort_name)
        for kind, value in sorted(facets_of(data))
    )
    return listing


def _as_stored(listing: FinderListing) -> dict[str, Any]:
    """What a search shows of the listing, as the database gives it back (JSON data
    read back, not the values just written: a tuple is stored as a list)."""
    return FinderListing.objects.filter(pk=listing.pk).values(*SHOWN).get()


def listing_removed(sender: Any, **kwargs: Any) -> None:
    """A listing deleted other than by a refresh (its company removed by staff)."""
    fragments.changed(*LISTINGS)


def refresh_stale_listings() -> int:
    """The maintenance sweep: the oldest listings again (qualifications change elsewhere)."""
    ids = list(
        FinderListing.objects.order_by("refreshed_at").values_list("company_id", flat=True)[
            :SWEEP_BATCH
        ]
    )
    for company in Company.objects.filter(pk__in=ids):
        with transaction.atomic():
            refresh_listing(company)
    return len(ids)

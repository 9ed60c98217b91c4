"""Listed companies for the Partner Solutions Finder, bulk-inserted: each with its
profile, listing and search facets (bench/finder.py at 100,000; bench/seed_wave_two.py
a few thousand beside the served pages). Import after Django is set up."""

from __future__ import annotations

import random

from django.utils.text import slugify

from allyport.accounts.choices import INDUSTRY_SEGMENTS
from allyport.accounts.models import Company
from allyport.profiles.enums import SolutionArea
from allyport.profiles.models import CompanyProfile, FinderFacet, FinderListing
from allyport.profiles.services.finder import facets_of, normalized, summary_of

BATCH = 2000
WORDS = (
    "cloud",
    "data",
    "analytics",
    "secure",
    "bright",
    "north",
    "river",
    "summit",
    "blue",
    "harbor",
    "apex",
    "nimbus",
    "vector",
    "quantum",
    "pixel",
    "atlas",
    "orbit",
    "delta",
    "pine",
    "cedar",
    "granite",
    "silver",
    "falcon",
    "beacon",
    "crest",
    "forge",
    "lumen",
    "nova",
    "prime",
    "stellar",
    "terra",
    "vertex",
    "zenith",
)
COUNTRIES = ["US", "GB", "DE", "FR", "JP", "AU", "CA", "IN", "BR", "SG", "NL", "SE", "ES", "IT"]
QUALIFICATIONS = [f"Competency {n}" for n in range(20)]
PATHS = ["Software", "Services", "Training", "Distribution", "Hardware"]


def listing_data(rng: random.Random, n: int) -> dict:
    name = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {n}"
    return {
        "display_name": name, "description": f"{name} builds and runs solutions on AWS.",
        "website_url": f"https://p{n}.example", "logo_url": "",
        "industries": rng.sample(INDUSTRY_SEGMENTS, rng.randint(1, 3)),
        "countries_served": rng.sample(COUNTRIES, rng.randint(1, 2)),
        "solution_areas": rng.sample(SolutionArea.values, rng.randint(1, 3)),
        "offering_types": ["CONSULTING_SERVICES"], "paths": [rng.choice(PATHS)],
        "stage": "Validated", "solutions": [],
        "locations": [{"name": "HQ", "city": "City", "country": rng.choice(COUNTRIES),
                       "subdivision": "", "headquarters": True}],
        "qualifications": [{"kind": "Competency", "name": q, "detail": "", "since": "", "url": ""}
                           for q in rng.sample(QUALIFICATIONS, rng.randint(0, 2))],
    }  # fmt: skip


def seed_batch(rng: random.Random, start: int, count: int) -> None:
    companies = Company.objects.bulk_create(
        Company(legal_name=f"Finder {n}", primary_solution_type="CONSULTING_SERVICES",
                stage="Validated", paths=["Services"])
        for n in range(start, start + count)
    )  # fmt: skip
    profiles, listings, facets = [], [], []
    for n, company in enumerate(companies, start=start):
        data = listing_data(rng, n)
        sort_name = normalized(data["display_name"])[:80]
        profiles.append(CompanyProfile(company=company, display_name=data["display_name"]))
        listings.append(FinderListing(
            company=company, public_id=company.public_id, sort_name=sort_name,
            display_name=data["display_name"], slug=slugify(data["display_name"]),
            summary=summary_of(data["description"]), data=data,
            headquarters=f"City, {data['locations'][0]['country']}",
        ))  # fmt: skip
        facets += [
            FinderFacet(company=company, kind=kind, value=value, sort_name=sort_name)
            for kind, value in facets_of(data)
        ]
    CompanyProfile.objects.bulk_create(profiles, batch_size=BATCH)
    FinderListing.objects.bulk_create(listings, batch_size=BATCH)
    FinderFacet.objects.bulk_create(facets, batch_size=BATCH * 5)

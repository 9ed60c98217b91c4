"""Demo entries of the customer directory (`manage.py load_demo`), so customer accounts
made in a demo have customers to match: by DUNS or by website domain."""

from __future__ import annotations

from typing import Any

from allyport.customers.models import DirectoryEntry

ENTRIES: tuple[dict[str, Any], ...] = (
    {
        "name": "AnyCompany Retail", "website_domain": "anycompany.example", "duns": "100000001",
        "industry": "Retail", "sub_industry": "E-commerce", "sector": "Private",
        "segment": "Enterprise", "company_size": "5000+", "region": "North America",
        "sub_region": "US East", "geo": "AMER", "country": "United States",
        "account_planning_qualification": "Qualified",
        "eligible_programs": ["MAP", "ISV Accelerate"],
        "marketplace_engagement_score": "High", "solution_category": "Analytics",
        "solution_sub_category": "Data lakes", "solution_score": "High",
    },
    {
        "name": "Example Health", "website_domain": "example-health.example", "duns": "100000002",
        "industry": "Healthcare", "sub_industry": "Providers", "sector": "Private",
        "segment": "Mid-market", "company_size": "1000-4999", "region": "Europe",
        "sub_region": "DACH", "geo": "EMEA", "country": "Germany",
        "account_planning_qualification": "Not qualified", "eligible_programs": ["MAP"],
        "marketplace_engagement_score": "Medium", "solution_category": "Security",
        "solution_sub_category": "Identity", "solution_score": "Medium",
    },
    {
        "name": "Octank Bank", "website_domain": "octankbank.example", "duns": "100000003",
        "industry": "Financial Services", "sub_industry": "Banking", "sector": "Public",
        "segment": "SMB", "company_size": "100-999", "region": "Asia Pacific",
        "sub_region": "ANZ", "geo": "APJ", "country": "Australia",
        "account_planning_qualification": "Qualified", "eligible_programs": [],
        "marketplace_engagement_score": "Low", "solution_category": "Migration",
        "solution_sub_category": "Mainframe", "solution_score": "Low",
    },
)  # fmt: skip


def load_directory_demo() -> list[str]:
    """Create the entries that are not there yet; the lines to print."""
    for entry in ENTRIES:
        DirectoryEntry.objects.get_or_create(website_domain=entry["website_domain"], defaults=entry)
    domains = ", ".join(entry["website_domain"] for entry in ENTRIES)
    return [f"Customer directory (admin): {len(ENTRIES)} customers to match ({domains})"]

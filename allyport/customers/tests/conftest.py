"""Customer-account fixtures: a directory of known customers and account payloads."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.customers.models import DirectoryEntry
from allyport.pipeline.tests.test_api import (  # noqa: F401 - the boto3 fixtures, shared
    _no_throttling,
    connect,
    crm,
)


def directory_entry(**fields: Any) -> DirectoryEntry:
    values: dict[str, Any] = {
        "name": "Example Corporation",
        "website_domain": "example.com",
        "duns": "123456789",
        "industry": "Software and Internet",
        "sub_industry": "SaaS",
        "sector": "Private",
        "segment": "Enterprise",
        "company_size": "1000+",
        "region": "North America",
        "sub_region": "US West",
        "geo": "AMER",
        "country": "United States",
        "account_planning_qualification": "Qualified",
        "eligible_programs": ["MAP", "ISV Accelerate"],
        "marketplace_engagement_score": "High",
        "solution_category": "Analytics",
        "solution_sub_category": "Data lakes",
        "solution_score": "Medium",
        **fields,
    }
    return DirectoryEntry.objects.create(**values)


@pytest.fixture
def known(db: None) -> DirectoryEntry:
    return directory_entry()


def payload(name: str = "Example Corp", **account: Any) -> dict[str, Any]:
    return {"Account": {"CompanyName": name, **account}}

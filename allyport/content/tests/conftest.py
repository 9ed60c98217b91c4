"""Content fixtures: a Validated company on the Software and Services paths (so every
menu item of this app is visible to its lead), and a staff actor."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.testing import make_company, make_user


@pytest.fixture
def validated(db: None) -> Company:
    return make_company(
        "Octank", domain="octank.example", stage="Validated", paths=["Software", "Services"]
    )[0]


@pytest.fixture
def other(db: None) -> Company:
    return make_company(
        "Northwind", domain="northwind.example", stage="Validated", paths=["Software"]
    )[0]


@pytest.fixture
def staff(validated: Company) -> Actor:
    return Actor.for_staff(make_user(validated))


def signed_in(client_for: Any, company: Company, *roles: str) -> Any:
    return client_for(make_user(company, *roles))

"""Factories and standing personas for tests: a lead, a member, an outsider.

A pytest plugin (see the root conftest): `lead`, `member`, `outsider` and the
`client_for` helper are fixtures in every test module.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client

from allyport.accounts import backends
from allyport.accounts.models import Company, User
from allyport.accounts.services.operators import create_company, create_member

PASSWORD = "Test!Pass1"
_counter = itertools.count(1)


def make_company(
    name: str | None = None, *, stage: str = "Registered", mfa: bool = False,
    paths: list[str] | None = None, domain: str | None = None,
) -> tuple[Company, User]:  # fmt: skip
    """A company with its alliance lead (lead@<domain>)."""
    n = next(_counter)
    domain = domain or f"company{n}.example"
    return create_company(
        domain, name or f"Company {n}", f"lead@{domain}", PASSWORD,
        stage=stage, mfa=mfa, paths=paths,
    )  # fmt: skip


def make_user(company: Company, *roles: str, email: str | None = None) -> User:
    domain = company.domains.first().domain  # type: ignore[union-attr]
    email = email or f"user{next(_counter)}@{domain}"
    return create_member(company, email, PASSWORD, list(roles) or ["standard_user"])


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    """allauth's rate-limit counters live in the cache: each test starts clean."""
    cache.clear()


@pytest.fixture
def company(db: None) -> Company:
    return make_company("Octank", domain="octank.example")[0]


@pytest.fixture
def lead(company: Company) -> User:
    return User.objects.get(email="lead@octank.example")


@pytest.fixture
def member(company: Company) -> User:
    return make_user(company, "standard_user", email="member@octank.example")


@pytest.fixture
def outsider(db: None) -> User:
    return make_company("Northwind", domain="northwind.example")[1]


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    def build(user: User) -> Client:
        client = Client()
        client.force_login(user, backend=backends.PATH)
        return client

    return build

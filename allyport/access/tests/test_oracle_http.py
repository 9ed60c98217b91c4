"""Every built page (navigation.PAGES) x single role through HTTP: 200 when the oracle
shows its menu item, 403 with the reason when it hides it."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from allyport.access.navigation import PAGES
from allyport.access.tests import oracle
from allyport.accounts.models import User
from allyport.testing import make_company, make_user

STAGE = "Enrolled"
PATHS = ["Services"]
REASON_WORDS = {"role": "needs the", "path": "only for the", "stage": "or higher"}


def _user_with_role(company, lead: User, role: str) -> User:  # type: ignore[no-untyped-def]
    return lead if role == "alliance_lead" else make_user(company, role)


@pytest.mark.django_db
@pytest.mark.parametrize("role", oracle.role_keys())
def test_it_serves_built_pages_as_the_oracle(role: str, client_for) -> None:  # type: ignore[no-untyped-def]
    company, lead = make_company(stage=STAGE, paths=PATHS)
    client = client_for(_user_with_role(company, lead, role))
    entries = dict(oracle.menu_entries())
    assert PAGES, "no built pages to check"
    for key, url_name in PAGES.items():
        expected = oracle.menu_expectation(entries[key], frozenset({role}), frozenset(PATHS), STAGE)
        response = client.get(reverse(url_name))
        body = html.unescape(response.content.decode())
        if expected:
            assert response.status_code == 403, key
            assert REASON_WORDS[expected] in body, key
        else:
            assert response.status_code == 200, key


@pytest.mark.django_db
def test_it_states_the_reason_on_the_403_page(client_for) -> None:  # type: ignore[no-untyped-def]
    company, _lead = make_company(stage=STAGE, paths=PATHS)
    client = client_for(make_user(company, "ace_user"))
    response = client.get(reverse(PAGES["My Company/User Management"]))
    assert response.status_code == 403
    assert "needs the alliance lead, alliance team or cloud admin role" in html.unescape(
        response.content.decode()
    )

"""Each menu item carries the guide's description: in the bar as a tooltip tied to the
item by aria-describedby, translated when the bar is rendered."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.utils import translation

from allyport.access.actor import for_user
from allyport.access.descriptions import MENU_DESCRIPTIONS
from allyport.access.model import access_model
from allyport.access.navigation import _header, header_html
from allyport.accounts.models import User
from allyport.testing import make_company


def test_every_item_of_the_access_model_has_a_description() -> None:
    keys = {item.key for item in access_model().all_menu_items()}
    assert keys - set(MENU_DESCRIPTIONS) == set()
    assert all(text.strip().endswith(".") for text in MENU_DESCRIPTIONS.values())


@pytest.fixture
def lead(db: None) -> User:
    return make_company(stage="Differentiated", paths=["Software", "Services"])[1]


def test_the_bar_ties_each_description_to_its_item(lead: User) -> None:
    html = str(header_html(for_user(lead)))
    link = re.search(r'<a href="[^"]+" aria-describedby="([^"]+)">Partner Training</a>', html)
    assert link, "Partner Training is not described"
    tooltip = re.search(
        rf'<span class="tip" role="tooltip" id="{link.group(1)}">([^<]+)</span>', html
    )
    assert tooltip and tooltip.group(1).startswith("Build your competence, confidence")
    ids = re.findall(r'id="(tip-[^"]+)"', html)
    assert len(ids) == len(set(ids)) > 20
    assert 'aria-describedby="tip-my-profile-3">Logout</button>' in html


def test_the_bar_translates_the_descriptions(lead: User) -> None:
    real = translation._trans.gettext  # type: ignore[attr-defined]

    def marked(message: str) -> str:
        return f"[{real(message)}]"

    _header.cache_clear()
    with mock.patch.object(translation._trans, "gettext", marked):  # type: ignore[attr-defined]
        html = str(header_html(for_user(lead)))
    _header.cache_clear()
    assert "[Manage your user profile.]</span>" in html
    assert "[Enroll in AWS Partner Network programs.]</span>" in html

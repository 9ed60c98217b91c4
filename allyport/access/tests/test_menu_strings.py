"""The access model's labels reach the catalogues and are shown translated."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client

from allyport.access import menu_strings, strings
from allyport.access.model import access_model
from allyport.accounts.models import User
from allyport.testing import make_company, make_user

Build = Callable[[User], Client]


def test_the_generated_module_matches_the_yaml() -> None:
    assert strings.MODULE.read_text(encoding="utf-8") == strings.render(), (
        "access/menu_strings.py is out of date: run manage.py menu_strings"
    )


def test_it_holds_every_menu_item_role_stage_and_path() -> None:
    model = access_model()
    held = set(menu_strings.ACCESS_MODEL_STRINGS)
    items = {item.item for item in model.all_menu_items()}
    roles = {role.name for role in model.roles.values()}
    wanted = set(model.menus) | items | roles | set(model.stages) | set(model.paths)
    assert wanted - held == set()
    assert {"Learn", "View alliance lead and Request Change", "ACE manager", "Validated"} <= held


def test_the_menus_are_drawn_in_the_members_language(
    db: None, client_for: Build, fake_translations: Any
) -> None:
    fake_translations(
        "ja",
        {"Learn": "学ぶ", "Partner Training": "パートナートレーニング",
         "My tasks": "私のタスク", "Validated": "検証済み", "Software": "ソフトウェア",
         "Alliance lead": "アライアンスリード"},
    )  # fmt: skip
    company, lead = make_company(stage="Validated", paths=["Software"])
    lead.preferred_language = "ja"
    lead.save()
    page = client_for(lead).get("/").content.decode()
    assert "<summary>学ぶ</summary>" in page
    assert ">パートナートレーニング</a>" in page
    assert "<summary>私のタスク</summary>" in page
    assert "検証済み · ソフトウェア" in page  # the identity line under the bar
    assert "アライアンスリード" in page  # the home page's role list
    # The same menus in English for someone else: the cached bar is per language.
    other = make_user(company, "alliance_team")
    english = client_for(other).get("/").content.decode()
    assert "<summary>Learn</summary>" in english and "学ぶ" not in english


def test_a_refusal_names_the_role_in_the_readers_language(fake_translations: Any) -> None:
    from django.utils import translation

    from allyport.access.decisions import _needs_roles

    fake_translations("de", {"Alliance lead": "Allianzleitung"})
    assert "alliance lead" in _needs_roles(frozenset({"alliance_lead"})).reason
    with translation.override("de"):
        assert "Allianzleitung" in _needs_roles(frozenset({"alliance_lead"})).reason

"""The navigation bar: the menu items an actor may see, linked to built pages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from allyport.access.actor import Actor
from allyport.access.decisions import menu_decision
from allyport.access.model import access_model

# Menus in the top bar, then the dropdowns at the top right (guide: "Dropdown menus").
BAR_MENUS = ("Learn", "Build", "Market", "Sell", "Programs", "Funding", "Resources", "Channel")
DROPDOWN_MENUS = ("My Company", "My Profile")

# Menu items whose page is built, by URL name. An item that is visible but not
# built yet is listed without a link, so people see what their role includes.
PAGES: dict[str, str] = {
    "My Company/User Management": "users:list",
    "My Company/View alliance lead and Request Change": "accounts:alliance_lead",
    "My Profile/My Profile": "accounts:profile",
    "My Profile/My Certifications": "accounts:certifications",
    "My Profile/Logout": "account_logout",
}


# Stands in for the company in cached decisions, which read only roles, paths and stage.
_MEMBER = object()


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str | None


@dataclass(frozen=True)
class NavMenu:
    label: str
    items: tuple[NavItem, ...]


def _menu(actor: Actor, menu: str) -> NavMenu | None:
    items = []
    for item in access_model().menus[menu]:
        if menu_decision(actor, item):
            url_name = PAGES.get(item.key)
            items.append(NavItem(item.item, reverse(url_name) if url_name else None))
    return NavMenu(menu, tuple(items)) if items else None


def navigation(actor: Actor) -> dict[str, tuple[NavMenu, ...]]:
    """The menus a member sees: built once per (roles, paths, stage), since nothing
    else decides them."""
    return _navigation(actor.roles, actor.paths, actor.stage)


@lru_cache(maxsize=4096)
def _navigation(
    roles: frozenset[str], paths: frozenset[str], stage: str | None
) -> dict[str, tuple[NavMenu, ...]]:
    actor = Actor(kind="user", company=_MEMBER, roles=roles, paths=paths, stage=stage)  # type: ignore[arg-type]
    bar = tuple(menu for name in BAR_MENUS if (menu := _menu(actor, name)))
    dropdowns = tuple(menu for name in DROPDOWN_MENUS if (menu := _menu(actor, name)))
    return {"bar": bar, "dropdowns": dropdowns}


@lru_cache(maxsize=4096)
def _rendered(
    roles: frozenset[str], paths: frozenset[str], stage: str | None, language: str
) -> tuple[str, str]:
    nav = _navigation(roles, paths, stage)
    with translation.override(language):
        return (
            render_to_string("core/_menus.html", {"menus": nav["bar"]}),
            render_to_string("core/_menus.html", {"menus": nav["dropdowns"]}),
        )


def navigation_html(actor: Actor) -> tuple[str, str]:
    """The rendered bar menus and dropdown menus, cached per role set, paths, stage and
    language: they hold no per-request value (Logout submits a form outside them)."""
    html = _rendered(actor.roles, actor.paths, actor.stage, translation.get_language())
    return mark_safe(html[0]), mark_safe(html[1])  # noqa: S308 - our own rendered templates

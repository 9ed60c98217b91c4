"""The navigation bar: the menu items an actor may see, linked to built pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

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


def navigation(actor: Actor) -> dict[str, list[NavMenu]]:
    bar = [menu for name in BAR_MENUS if (menu := _menu(actor, name))]
    dropdowns = [menu for name in DROPDOWN_MENUS if (menu := _menu(actor, name))]
    return {"bar": bar, "dropdowns": dropdowns}

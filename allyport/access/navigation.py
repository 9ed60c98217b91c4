"""The navigation bar: the menu items an actor may see, linked to built pages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_noop

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import menu_decision
from allyport.access.descriptions import menu_description
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
    "My Profile/My Certifications": "programs:my_certifications",
    "My Profile/Logout": "account_logout",
    "Sell/Opportunity Management": "pipeline:opportunities",
    "Build/Offerings": "pipeline:offerings",
    "Market/Offerings": "pipeline:offerings",
    "Market/Leads Management": "leads:list",
    "Learn/Partner Training": "programs:learn_partner_training",
    "Learn/Self-Paced Training": "programs:learn_self_paced",
    "Learn/Instructor-Led Training": "programs:learn_instructor_led",
    "Learn/Certification": "programs:learn_certification",
    "Programs/Partner Programs": "programs:programs",
    "Programs/Program Application": "programs:applications",
    "Programs/Solution Provider Resources": "programs:resources",
    "My Company/Partner Scorecard": "programs:scorecard",
    "My Company/View all Training and Certification": "programs:training",
    "Build/Case Studies": "content:case_studies",
    "Build/Device Listing": "content:devices",
    "Build/Well-Architected workloads": "content:workloads",
    "Market/Sponsorships": "content:sponsorships",
    "Market/Marketing Toolkit": "content:toolkit",
    "Market/Public Reference": "content:references",
    "Market/Badge Manager": "content:badges",
    "Resources/Navigate": "content:navigate",
    "Resources/Documents": "content:documents",
    "Resources/Videos": "content:videos",
    "Resources/FAQs": "content:faqs",
    "Resources/View all": "content:view_all",
    "My Company/Job Board": "content:jobs",
    "Funding/Funding Benefits": "funding:benefits",
    "Funding/Funding Portal": "funding:portal",
    "My Company/Company Profile": "profiles:company",
    "My Profile/Partner Terms and Conditions": "profiles:terms",
    "Market/Find Partners": "profiles:find_partners",
    "Market/My Solutions Finder Listing": "profiles:my_listing",
    "Channel/Channel Management": "channel:accounts",
    "Market/Marketing Central": "marketing:home",
}
# Allyport's own pages listed under a menu item of the guide, for whoever sees that
# item (the access model has no item of their own): label, URL name. Labels are
# translated where the menu is drawn (core/_menu.html), as the access model's are.
ALSO_UNDER: dict[str, tuple[tuple[str, str], ...]] = {
    "Sell/Opportunity Management": ((gettext_noop("Customer accounts"), "customers:list"),),
    "Market/Find Partners": ((gettext_noop("Connections"), "connections:list"),),
    "My Company/Partner Scorecard": ((gettext_noop("Program fee"), "profiles:fee"),),
}


# Allyport's own menus on the bar for every member (the access model's menus have no
# entry for them): label, then (item label, URL name, query). The guide's "My tasks"
# opens the tasks assigned to the member; counts are not drawn here, since the bar is
# cached per role set and holds nothing per person.
OWN_MENUS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    (gettext_noop("My tasks"), (
        (gettext_noop("Account tasks"), "worklist:list", "?type=account&scope=mine"),
        (gettext_noop("Solution tasks"), "worklist:list", "?type=solution&scope=mine"),
        (gettext_noop("Program tasks"), "worklist:list", "?type=program&scope=mine"),
    )),
)  # fmt: skip


def _own_menus() -> tuple[NavMenu, ...]:
    return tuple(
        NavMenu(
            label,
            tuple(
                NavItem(item, reverse(name) + query, menu_description(f"{label}/{item}"))
                for item, name, query in items
            ),
        )
        for label, items in OWN_MENUS
    )


# Stands in for the company in cached decisions, which read only roles, paths and stage.
_MEMBER = object()


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str | None
    # The guide's words for what the item is for, untranslated (the bar translates
    # them); shown on hover and keyboard focus.
    description: str = ""


@dataclass(frozen=True)
class NavMenu:
    label: str
    items: tuple[NavItem, ...]


def _menu(actor: Actor, menu: str) -> NavMenu | None:
    items = []
    for item in access_model().menus[menu]:
        if menu_decision(actor, item):
            url_name = PAGES.get(item.key)
            url = reverse(url_name) if url_name else None
            items.append(NavItem(item.item, url, menu_description(item.key)))
            items += [NavItem(label, reverse(name)) for label, name in ALSO_UNDER.get(item.key, ())]
    return NavMenu(menu, tuple(items)) if items else None


def navigation(actor: Actor) -> dict[str, tuple]:  # type: ignore[type-arg]
    """The menus a member sees: built once per (roles, paths, stage), since nothing
    else decides them."""
    return _navigation(actor.roles, actor.paths, actor.stage)


@lru_cache(maxsize=4096)
def _navigation(
    roles: frozenset[str], paths: frozenset[str], stage: str | None
) -> dict[str, tuple]:  # type: ignore[type-arg]
    actor = Actor(kind=ActorKind.MEMBER, company=_MEMBER, roles=roles, paths=paths, stage=stage)  # type: ignore[arg-type]
    bar = tuple(menu for name in BAR_MENUS if (menu := _menu(actor, name))) + _own_menus()
    dropdowns = tuple(menu for name in DROPDOWN_MENUS if (menu := _menu(actor, name)))
    # The built pages the member may open, for the home page (Logout is no page).
    pages = tuple(
        (menu.label, item.label, item.url)
        for menu in bar + dropdowns
        for item in menu.items
        if item.url and item.label != "Logout"
    )
    return {"bar": bar, "dropdowns": dropdowns, "pages": pages}


@lru_cache(maxsize=4096)
def _header(roles: frozenset[str], paths: frozenset[str], stage: str | None, language: str) -> str:
    with translation.override(language):
        context = {
            "nav": _navigation(roles, paths, stage),
            "languages": settings.LANGUAGES,
            "current": language,
        }
        return render_to_string("core/_member_header.html", context)


def header_html(actor: Actor) -> SafeString:
    """The member's top bar, rendered once per role set, paths, stage and language: it
    holds no per-request value (Logout and Language submit forms outside it)."""
    html = _header(actor.roles, actor.paths, actor.stage, translation.get_language())
    return mark_safe(html)  # noqa: S308 - our own rendered template

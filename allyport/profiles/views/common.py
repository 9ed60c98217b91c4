"""What the Company Profile pages share: the tab bar, the stage limit of tabs, the
right to edit."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.decisions import Decision, authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden
from allyport.accounts.models import Company
from allyport.profiles.permissions import MANAGE_PROFILE
from allyport.profiles.selectors.company import visible_tabs

COMPANY_PROFILE = "My Company/Company Profile"
TABS = (
    ("company", gettext_lazy("Company"), "profiles:company"),
    ("solutions", gettext_lazy("Solutions/Practices"), "profiles:solutions"),
    ("qualifications", gettext_lazy("Qualifications"), "profiles:qualifications"),
    ("locations", gettext_lazy("Locations"), "profiles:locations"),
    ("case_studies", gettext_lazy("Case Studies"), "profiles:case_studies"),
    ("products", gettext_lazy("Products & Services"), "profiles:products"),
    ("domains", gettext_lazy("My Domains"), "profiles:domains"),
)


def company_of(request: ActorRequest) -> Company:
    company = request.actor.company
    assert company is not None  # member_page lets only members through
    return company


def tab_refusal(request: ActorRequest, tab: str) -> HttpResponseBase | None:
    """Registered, Enrolled and Confirmed companies see only three tabs."""
    if tab in visible_tabs(company_of(request)):
        return None
    return forbidden(request, Decision(False, _("your company must be Validated or higher")))


def tab_context(request: ActorRequest, tab: str) -> dict[str, Any]:
    """What every tab's page draws besides its own content: the tab bar (by the
    company's stage) and whether the member may edit (by their roles)."""
    shown = visible_tabs(company_of(request))
    tabs = [(key, label, url) for key, label, url in TABS if key in shown]
    can_edit = bool(authorize(request.actor, MANAGE_PROFILE))
    return {"tab": tab, "tabs": tabs, "can_edit": can_edit}


def render_tab(
    request: ActorRequest, tab: str, template: str, context: dict[str, Any]
) -> HttpResponse:
    return render(request, template, {**tab_context(request, tab), **context})

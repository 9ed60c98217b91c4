"""The Partner Solutions Finder: public search and partner pages (no sign-in, indexable:
title, description, canonical address), the logo files, Market > Find Partners (the
same search, signed in) and Market > My Solutions Finder Listing (own listing and its
visibility)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.accounts.choices import INDUSTRY_SEGMENT_LABELS as INDUSTRY_LABELS
from allyport.core import contributions, fragments
from allyport.core.errors import QuotaExceeded, RuleViolation
from allyport.profiles.enums import SolutionArea
from allyport.profiles.forms import FinderSearchForm, VisibilityForm, show_refusal
from allyport.profiles.models import FinderListing, ProfileLogo
from allyport.profiles.permissions import MANAGE_LISTING
from allyport.profiles.selectors import finder
from allyport.profiles.selectors.company import case_studies, profile
from allyport.profiles.services import finder as finder_services
from allyport.profiles.services.profile import put_profile_visibility
from allyport.profiles.views.common import company_of

AREA_LABELS = dict(SolutionArea.choices)
FIND_PARTNERS = "Market/Find Partners"
MY_LISTING = "Market/My Solutions Finder Listing"


@lru_cache(maxsize=16)
def _search_fields(language: str) -> tuple[tuple[str, str, str | None, frozenset[str]], ...]:
    """Per language, once: each filter's name, label, the HTML of its options (a select;
    None for a text box) and the values it accepts. A search page shows hundreds of
    options (every country): rendering them through form widgets on every request would
    cost more than the search."""
    fields: list[tuple[str, str, str | None, frozenset[str]]] = []
    for name, field in FinderSearchForm().fields.items():
        choices = getattr(field, "choices", None)
        if choices is None:
            fields.append((name, str(field.label), None, frozenset()))
            continue
        html = "".join(
            f'<option value="{escape(str(value))}">{escape(str(label))}</option>'
            for value, label in choices
        )
        fields.append((name, str(field.label), html, frozenset(str(v) for v, _l in choices)))
    return tuple(fields)


def _parse(params: QueryDict) -> tuple[finder.FinderQuery, list[dict[str, object]]]:
    """The query and the filter bar as submitted; a value no filter offers is ignored."""
    values: dict[str, str] = {}
    shown: list[dict[str, object]] = []
    for name, label, options, accepted in _search_fields(get_language() or ""):
        value = params.get(name, "").strip()[:80]
        if options is None:
            values[name] = value
            shown.append({"name": name, "label": label, "value": value})
            continue
        value = value if value in accepted else ""
        selected = f'<option value="{escape(value)}">'
        html = options.replace(selected, f'<option value="{escape(value)}" selected>', 1)
        values[name] = value
        shown.append({"name": name, "label": label, "options": mark_safe(html)})  # noqa: S308
    return finder.FinderQuery(**values), shown


def _search_context(request: ActorRequest, page_name: str) -> dict[str, object]:
    query, filters = _parse(request.GET)
    page = finder.search(query, request.GET.get("after"))
    prefix = reverse("profiles:finder")
    for item in page.listings:
        item["url"] = f"{prefix}{item['public_id']}/{item['slug']}/"
    params = {k: v for k, v in request.GET.items() if k != "after" and v}
    next_url = None
    if page.next_cursor:
        next_url = reverse(page_name) + "?" + urlencode({**params, "after": page.next_cursor})
    return {
        "filters": filters,
        "page": page,
        "next_url": next_url,
        "searched": not query.is_empty(),
    }


def _partner_context(listing: FinderListing) -> dict[str, object]:
    """What a listing page shows: the published data with labels, and the validated case
    studies the content app contributes."""
    data = listing.data
    return {
        "listing": listing,
        "data": data,
        "industries": [INDUSTRY_LABELS.get(v, v) for v in data.get("industries", [])],
        "areas": [AREA_LABELS.get(v, v) for v in data.get("solution_areas", [])],
        "case_studies": case_studies(listing.company, validated_only=True),
    }


@require_GET
def public_search(request: ActorRequest) -> HttpResponse:
    """Kept rendered per language and query string (core.fragments) until a listing is
    published, changed or removed (services/finder.py `LISTINGS`). The page is the same
    for every visitor, signed in or not: its header names nobody and it has no form
    that posts, so it holds nothing of the visitor's (no member data, no CSRF token)."""
    fragment = fragments.Fragment(
        f"finder:search:{get_language()}", (fragments.generation_key(*finder_services.LISTINGS),)
    )
    return fragments.kept_page(
        request, fragment, "profiles/finder/search.html", lambda: _public_context(request),
        by_query=True,
    )  # fmt: skip


def _public_context(request: ActorRequest) -> dict[str, Any]:
    context = _search_context(request, "profiles:finder")
    # Searches are not separate documents: the canonical address is the finder itself.
    context["canonical"] = settings.ALLYPORT_PUBLIC_URL + reverse("profiles:finder")
    context["public"] = True
    return context


@require_GET
def public_partner(request: ActorRequest, public_id: str, slug: str = "") -> HttpResponseBase:
    listing = finder.listing(public_id)
    if listing is None:
        raise Http404
    canonical_path = reverse("profiles:finder_partner", args=[listing.public_id, listing.slug])
    if request.path != canonical_path:
        return redirect(canonical_path, permanent=True)
    context = {
        **_partner_context(listing),
        "canonical": settings.ALLYPORT_PUBLIC_URL + canonical_path,
    }
    return render(request, "profiles/finder/partner.html", context)


@require_GET
@cache_control(public=True, max_age=86400)
def logo(request: ActorRequest, token: str) -> HttpResponse:
    """A logo with the type its bytes were checked to be, never sniffed or run."""
    found = get_object_or_404(ProfileLogo.objects.only("content_type", "data"), token=token)
    response = HttpResponse(bytes(found.data), content_type=found.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Content-Disposition"] = "inline"
    return response


@member_page(FIND_PARTNERS)
@require_GET
def find_partners(request: ActorRequest) -> HttpResponse:
    context = _search_context(request, "profiles:find_partners")
    page = context["page"]
    assert isinstance(page, finder.FinderPage)
    _add_connect(request, page.listings)
    return render(request, "profiles/finder/find_partners.html", context)


def _add_connect(request: ActorRequest, listings: list[dict[str, Any]]) -> None:
    """Slot `finder.connect` (the connections app): fn(actor, company keys) -> {key:
    {"state", "label", "connect_url"}}; each result gets its entry as `connect` (none
    for one's own company)."""
    ids = [item["company_id"] for item in listings]
    for source in contributions.contributed("finder.connect"):
        options = source(request.actor, ids)
        for item in listings:
            if item["company_id"] in options:
                item["connect"] = options[item["company_id"]]


@member_page(MY_LISTING)
@require_http_methods(["GET", "POST"])
@service_refusals
def my_listing(request: ActorRequest) -> HttpResponseBase:
    company = company_of(request)
    shown = profile(company)
    form = VisibilityForm(request.POST or None, initial={"visibility": shown.visibility})
    if request.method == "POST" and form.is_valid():
        try:
            put_profile_visibility(request.actor, company, form.cleaned_data["visibility"])
        except RuleViolation as refused:
            show_refusal(form, refused)
        except QuotaExceeded as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Your listing visibility was saved."))
            return redirect("profiles:my_listing")
    listing = finder.listing_of(company.pk)
    context = {
        **(_partner_context(listing) if listing else {}),
        "form": form,
        "listing": listing,
        "visibility": shown.visibility,
        "can_edit": bool(authorize(request.actor, MANAGE_LISTING)),
        "public_url": reverse("profiles:finder_partner", args=[listing.public_id, listing.slug])
        if listing
        else None,
    }
    return render(request, "profiles/finder/my_listing.html", context)

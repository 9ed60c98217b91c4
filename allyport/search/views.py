"""The results page of the search box in the navigation bar."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from allyport.access.decisions import Decision
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page
from allyport.search import kinds, selectors

MAX_QUERY = 200
MAX_PAGE = 50


@require_GET
@member_page()
def results(request: ActorRequest) -> HttpResponse:
    """`q` searched in every kind the member may see (or the ticked `kind`s), five of
    each with View all; `all=<kind>` lists one kind a page at a time."""
    actor = request.actor
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    visible = selectors.visible_kinds(actor)
    if one := request.GET.get("all"):
        return _one_kind(request, text, one)
    ticked = set(request.GET.getlist("kind"))
    chosen = [kind for kind in visible if kind.name in ticked] or visible
    context: dict[str, Any] = {
        "q": text,
        "kinds": visible,
        "ticked": ticked,
        "results": selectors.search(actor, text, chosen) if text else [],
    }
    return render(request, "search/results.html", context)


def _one_kind(request: ActorRequest, text: str, name: str) -> HttpResponse:
    kind = kinds.get(name)
    if kind is None:
        return forbidden(request, Decision(False, _("there is no such kind of record")))
    if not kind.visible_to(request.actor):
        return forbidden(
            request, Decision(False, _("your roles do not include this kind of record"))
        )
    page = _page(request.GET.get("page", "1"))
    hits, more = selectors.search_kind(request.actor, text, kind, page) if text else ([], False)
    base = {"q": text, "all": kind.name}
    context = {
        "q": text,
        "kind": kind,
        "hits": hits,
        "page": page,
        "next_url": "?" + urlencode({**base, "page": page + 1}) if more and page < MAX_PAGE else "",
        "previous_url": "?" + urlencode({**base, "page": page - 1}) if page > 1 else "",
        "back_url": "?" + urlencode({"q": text}),
    }
    return render(request, "search/kind.html", context)


def _page(value: str) -> int:
    return min(max(int(value), 1), MAX_PAGE) if value.isdigit() else 1

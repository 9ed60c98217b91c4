"""The results page of the search box in the navigation bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from allyport.access.decisions import Decision
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page
from allyport.audit import kept
from allyport.core import fragments
from allyport.search import index, kinds, selectors

MAX_QUERY = 200
MAX_PAGE = 50


@require_GET
@member_page()
def results(request: ActorRequest) -> HttpResponse:
    """`q` searched in every kind the member may see (or the ticked `kind`s), five of
    each with View all; `all=<kind>` lists one kind a page at a time. Kept whole per
    member and query string (`_kept`)."""
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    if one := request.GET.get("all"):
        return _one_kind(request, text, one)
    return _kept(request, "search:results", "search/results.html", lambda: _results(request, text))


def _kept(
    request: ActorRequest, name: str, template: str, context: Callable[[], dict[str, Any]]
) -> HttpResponse:
    """The page kept for this member (their rights choose the kinds and rows) and query
    string, until an index write touches their company's entries or the shared content
    (index.generations), or any audited change of the company. Refusals are decided
    before this."""
    actor = request.actor
    page = kept.member_fragment(name, actor, *index.generations(actor.company.pk))  # type: ignore[union-attr]
    return fragments.kept_page(request, page, template, context, by_query=True)


def _results(request: ActorRequest, text: str) -> dict[str, Any]:
    actor = request.actor
    visible = selectors.visible_kinds(actor)
    ticked = set(request.GET.getlist("kind"))
    chosen = [kind for kind in visible if kind.name in ticked] or visible
    return {
        "q": text,
        "kinds": visible,
        "ticked": ticked,
        "results": selectors.search(actor, text, chosen) if text else [],
    }


def _one_kind(request: ActorRequest, text: str, name: str) -> HttpResponse:
    kind = kinds.get(name)
    if kind is None:
        return forbidden(request, Decision(False, _("there is no such kind of record")))
    if not kind.visible_to(request.actor):
        return forbidden(
            request, Decision(False, _("your roles do not include this kind of record"))
        )
    return _kept(
        request, "search:kind", "search/kind.html", lambda: _kind_page(request, text, kind)
    )


def _kind_page(request: ActorRequest, text: str, kind: kinds.Kind) -> dict[str, Any]:
    page = _page(request.GET.get("page", "1"))
    hits, more = selectors.search_kind(request.actor, text, kind, page) if text else ([], False)
    base = {"q": text, "all": kind.name}
    return {
        "q": text,
        "kind": kind,
        "hits": hits,
        "page": page,
        "next_url": "?" + urlencode({**base, "page": page + 1}) if more and page < MAX_PAGE else "",
        "previous_url": "?" + urlencode({**base, "page": page - 1}) if page > 1 else "",
        "back_url": "?" + urlencode({"q": text}),
    }


def _page(value: str) -> int:
    return min(max(int(value), 1), MAX_PAGE) if value.isdigit() else 1

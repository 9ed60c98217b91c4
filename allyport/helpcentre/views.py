"""The help centre's pages: the list of articles by topic and each article, with an
anchor on every section so the assistant's citations land on it. Public: the
articles describe the portal, not any company."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from allyport.helpcentre import selectors


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "helpcentre/index.html", {"topics": selectors.topics()})


def article(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.published(slug)
    if found is None:
        raise Http404
    context = {"article": found, "sections": selectors.rendered_sections(found)}
    return render(request, "helpcentre/article.html", context)

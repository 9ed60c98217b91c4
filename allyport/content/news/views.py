"""View all partner news (the last six months, searchable, filterable by topic) and
one news item."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page
from allyport.content.news import selectors
from allyport.content.news.models import NewsTopic
from allyport.content.shared.pages import choice, page_of, words


@member_page()
@require_GET
def news_list(request: ActorRequest) -> HttpResponse:
    query, topic = words(request), choice(request, "topic", NewsTopic)
    context = {
        "page": page_of(request, selectors.recent_news(query, topic)),
        "q": query,
        "topic": topic,
        "topics": NewsTopic.choices,
    }
    return render(request, "content/news/list.html", context)


@member_page()
@require_GET
def news_item(request: ActorRequest, public_id: str) -> HttpResponse:
    item = selectors.news_item(public_id)
    if item is None:
        raise Http404
    return render(request, "content/news/item.html", {"item": item})

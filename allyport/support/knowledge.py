"""The published help articles as documents for the slots "assistant.knowledge" and
"search.documents": fn() -> iterable of {type, company_id, id, title, body, url}."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse

from allyport.support.markdown import plain
from allyport.support.models import Article


def articles() -> Iterator[dict[str, Any]]:
    for article in Article.objects.filter(published=True).order_by("id").iterator():
        yield {
            "type": "support.article",
            "company_id": None,
            "id": article.slug,
            "title": article.title,
            "body": plain(article.body),
            "url": reverse("support:article", args=[article.slug]),
        }

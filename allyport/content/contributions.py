"""What the content app contributes to the slots lower apps read (core.contributions):
case studies and public references for profiles and programs, facts for the worklist
and scorecard, and documents for the later search and assistant."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from allyport.content.build.models import CaseStudy, Device
from allyport.content.build.selectors import case_studies_of
from allyport.content.events.models import PartnerEvent
from allyport.content.market.references import validated_count
from allyport.content.news.models import NewsItem
from allyport.content.resources.models import Resource
from allyport.content.shared.models import ReviewStatus
from allyport.core import contributions


def facts(company: Any) -> dict[str, int]:
    validated = ReviewStatus.VALIDATED
    return {
        "content.validated_case_studies": CaseStudy.objects.filter(
            company=company, status=validated
        ).count(),
        "content.public_references": validated_count(company),
        "content.devices_qualified": Device.objects.filter(
            company=company, status=validated
        ).count(),
    }


def _document(kind: str, public_id: str, title: str, body: str, url: str) -> dict[str, Any]:
    return {
        "type": kind,
        "company_id": None,
        "id": public_id,
        "title": title,
        "body": body,
        "url": url,
    }


def documents() -> Iterator[dict[str, Any]]:
    """News, events, resources and FAQs: {type, company_id, id, title, body, url}."""
    for item in NewsItem.objects.filter(is_published=True).iterator():
        url = reverse("content:news_item", args=[item.public_id])
        yield _document("news", item.public_id, item.title, f"{item.summary}\n{item.body}", url)
    for event in PartnerEvent.objects.filter(is_published=True).iterator():
        url = reverse("content:event", args=[event.public_id])
        body = f"{event.summary}\n{event.description}"
        yield _document("event", event.public_id, event.title, body, url)
    for found in Resource.objects.filter(is_published=True).iterator():
        kind = "faq" if found.kind == "faq" else "resource"
        url = reverse("content:view_all") + "?" + urlencode({"q": found.title[:60]})
        yield _document(kind, found.public_id, found.title, f"{found.summary}\n{found.body}", url)


def connect() -> None:
    contributions.contribute("company.case_studies", case_studies_of)
    contributions.contribute("company.public_references", validated_count)
    contributions.contribute("company.facts", facts)
    contributions.contribute("search.documents", documents)
    contributions.contribute("assistant.knowledge", documents)

"""Content test data: published news and events, resources, tracks, walkthroughs, and
the partners' records made through the services."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from allyport.access import actor as actors
from allyport.accounts.models import Company, User
from allyport.content.build import case_studies, devices
from allyport.content.events.models import PartnerEvent
from allyport.content.jobs import services as jobs
from allyport.content.market import references
from allyport.content.market.models import SponsorshipOpportunity, ToolkitItem
from allyport.content.news.models import NewsItem
from allyport.content.resources.models import Resource, Track, TrackItem
from allyport.content.shared.models import StoredFile
from allyport.content.walkthroughs.models import Walkthrough, WalkthroughStep

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello partners\n"
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def stored(name: str, data: bytes, content_type: str) -> StoredFile:
    return StoredFile.objects.create(
        name=name, content_type=content_type, size=len(data), data=data
    )


def news(title: str = "Program update", *, days_ago: int = 1, **fields: Any) -> NewsItem:
    values = {"summary": f"{title} summary", "topic": "programs", "body": "Details."}
    return NewsItem.objects.create(
        title=title, published_at=timezone.now() - timedelta(days=days_ago), **(values | fields)
    )


def event(title: str = "Partner summit", *, days: int = 10, **fields: Any) -> PartnerEvent:
    start = timezone.now() + timedelta(days=days)
    values = {
        "kind": "summit", "delivery_format": "in_person", "summary": f"{title} summary",
        "starts_at": start, "ends_at": start + timedelta(hours=2), "location": "Seattle",
    }  # fmt: skip
    return PartnerEvent.objects.create(title=title, **(values | fields))


def resource(title: str, kind: str = "document", **fields: Any) -> Resource:
    return Resource.objects.create(title=title, kind=kind, summary=f"{title} summary", **fields)


def track(title: str = "Get started", items: int = 3) -> Track:
    made = Track.objects.create(title=title, summary=f"{title} summary")
    for position in range(1, items + 1):
        TrackItem.objects.create(track=made, position=position, title=f"{title} item {position}")
    return made


def walkthrough(steps: list[tuple[str, str, str]] | None = None) -> Walkthrough:
    tour = Walkthrough.objects.create(title="Find news and events", summary="A short tour.")
    steps = steps or [
        ("/", "#home-news", "Partner news"),
        ("/", "#home-events", "Partner events"),
        ("/news/", "#id_q", "Search the news"),
    ]
    for position, (page, selector, title) in enumerate(steps):
        WalkthroughStep.objects.create(
            walkthrough=tour, position=position, page=page, selector=selector, title=title,
            text=f"{title}: look here.",
        )  # fmt: skip
    return tour


def opportunity(title: str = "Sponsor the summit", slots: int = 1) -> SponsorshipOpportunity:
    return SponsorshipOpportunity.objects.create(
        title=title, event_name="Partner summit", event_date=timezone.now().date(),
        description="Booth and keynote mention.", package="Booth", slots=slots,
    )  # fmt: skip


def toolkit_item(title: str = "Logo pack") -> ToolkitItem:
    return ToolkitItem.objects.create(
        kind="asset", title=title, body="Use on light backgrounds.",
        file=stored("logos.pdf", PDF, "application/pdf"),
    )  # fmt: skip


CASE_STUDY = {
    "title": "Retail analytics", "customer": "Octank Retail", "summary": "Faster reports.",
    "challenge": "Slow reports.", "solution": "A data lake.", "results": "Reports in minutes.",
    "url": "",
}  # fmt: skip
REFERENCE = {
    "customer": "Octank Retail", "use_case": "Analytics", "customer_contact": "Ana Diaz",
    "customer_email": "ana@octankretail.example", "quote": "They delivered.", "url": "",
    "consent": True,
}  # fmt: skip
JOB = {
    "title": "Solutions architect", "location": "Remote (EU)", "description": "Design systems.",
    "certifications": "AWS Certified Solutions Architect – Associate", "apply_url": "",
}  # fmt: skip
DEVICE = {
    "name": "Edge gateway", "model_number": "EG-100", "category": "gateway",
    "description": "An industrial gateway.", "specifications": "Power: 12 V DC\nPorts: 4x Ethernet",
}  # fmt: skip


def case_study(user: User, **fields: Any) -> Any:
    return case_studies.create_case_study(actors.for_user(user), CASE_STUDY | fields)


def reference(user: User, **fields: Any) -> Any:
    return references.submit_reference(actors.for_user(user), REFERENCE | fields)


def job(user: User, **fields: Any) -> Any:
    return jobs.create_job_posting(actors.for_user(user), JOB | fields)


def device(user: User, **fields: Any) -> Any:
    return devices.create_device(actors.for_user(user), DEVICE | fields)


def lead_of(company: Company) -> User:
    return User.objects.get(email=f"lead@{company.domains.first().domain}")  # type: ignore[union-attr]

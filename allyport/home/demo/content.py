"""Demo content (`manage.py load_demo`): partner news and events, resources and tracks,
a walkthrough, sponsorships, toolkit items, and Octank's case studies, reference, job
and qualified device, so every content page has something to show."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from allyport.access import actor as actors
from allyport.accounts.models import Company, User
from allyport.content.build import case_studies, devices
from allyport.content.build.models import CaseStudy, Device
from allyport.content.events.models import PartnerEvent
from allyport.content.jobs import services as jobs
from allyport.content.market import references
from allyport.content.market.models import (
    PublicReference,
    SponsorshipOpportunity,
    ToolkitItem,
)
from allyport.content.news.models import NewsItem
from allyport.content.resources.models import Resource, Track, TrackItem
from allyport.content.shared.models import ReviewStatus, StoredFile
from allyport.content.walkthroughs.models import Walkthrough, WalkthroughStep

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NEWS = (
    ("New co-sell benefits for Validated partners", "selling", 2),
    ("Marketing Development Funds open for the new quarter", "funding", 6),
    ("Software Path: what changed this year", "programs", 15),
    ("Security reviews now take five days", "technical", 40),
    ("Partner summit recordings are online", "announcements", 70),
    ("Brand guidelines refreshed", "marketing", 120),
)
EVENTS = (
    ("Partner keynote: the year ahead", "keynote", "both", 12, True),
    ("Co-selling webinar: your first opportunity", "webinar", "virtual", 5, False),
    ("Well-Architected workshop", "workshop", "in_person", 20, False),
    ("Partner summit Europe", "summit", "in_person", 45, False),
    ("Marketing office hours", "webinar", "virtual", 9, False),
)
RESOURCES = (
    ("document", "Co-sell playbook", "Selling", "How to register and co-sell opportunities."),
    ("document", "Partner program guide", "Programs", "Paths, stages and benefits."),
    ("video", "Welcome to the partner portal", "Getting started", "A short tour of the portal."),
    (
        "faq",
        "How do I register an opportunity?",
        "Selling",
        "Open Sell > Opportunity Management and choose Create opportunity.",
    ),
    (
        "faq",
        "Who can see the Badge Manager?",
        "Marketing",
        "The alliance lead, alliance team and marketing staff of Validated partners.",
    ),
    (
        "faq",
        "How long does case study validation take?",
        "Build",
        "Staff review submitted case studies within five working days.",
    ),
)
TOUR = (
    ("/", "#home-news", "Partner news", "News for partners appears here; open one to read it."),
    (
        "/",
        "#home-events",
        "Partner events",
        "Upcoming webinars, workshops and summits; pinned ones first.",
    ),
    (
        "/news/",
        "#id_q",
        "Search the news",
        "Search the last six months of news, or filter by topic.",
    ),
    (
        "/resources/navigate/",
        "main h1",
        "Navigate",
        "Enablement tracks keep your progress item by item.",
    ),
)


def _pdf(name: str) -> StoredFile:
    return StoredFile.objects.create(
        name=name, content_type="application/pdf", size=len(PDF), data=PDF
    )


def _published_content() -> None:
    now = timezone.now()
    for title, topic, days in NEWS:
        NewsItem.objects.create(
            title=title, topic=topic, summary=f"{title}.", body=f"{title}. Details for partners.",
            published_at=now - timedelta(days=days),
        )  # fmt: skip
    for title, kind, delivery, days, pinned in EVENTS:
        start = (now + timedelta(days=days)).replace(hour=16, minute=0, second=0, microsecond=0)
        PartnerEvent.objects.create(
            title=title, kind=kind, delivery_format=delivery, summary=f"{title}.",
            starts_at=start, ends_at=start + timedelta(hours=2), pinned=pinned,
            location="" if delivery == "virtual" else "Seattle, WA",
            join_url="" if delivery == "in_person" else "https://events.example/join",
        )  # fmt: skip


def _resources() -> None:
    made = []
    for kind, title, category, text in RESOURCES:
        file = None
        if kind == "document":
            file = StoredFile.objects.create(
                name=f"{title.lower().replace(' ', '-')}.pdf", content_type="application/pdf",
                size=len(PDF), data=PDF,
            )  # fmt: skip
        made.append(Resource.objects.create(
            kind=kind, title=title, category=category, summary=text if kind != "faq" else "",
            body=text if kind == "faq" else "", file=file,
            link="https://videos.example/welcome" if kind == "video" else "",
        ))  # fmt: skip
    track = Track.objects.create(
        title="Co-sell basics", summary="From first opportunity to launch."
    )
    for position, resource in enumerate(made[:3], start=1):
        TrackItem.objects.create(
            track=track, position=position, title=resource.title, resource=resource
        )
    tour = Walkthrough.objects.create(
        title="Find news, events and enablement", summary="Four steps."
    )
    for position, (page, selector, title, text) in enumerate(TOUR):
        WalkthroughStep.objects.create(
            walkthrough=tour,
            position=position,
            page=page,
            selector=selector,
            title=title,
            text=text,
        )


def _market() -> None:
    today = timezone.now().date()
    SponsorshipOpportunity.objects.create(
        title="Summit Europe booth", event_name="Partner summit Europe",
        event_date=today + timedelta(days=45), location="Berlin", package="Booth and logo",
        description="A booth on the expo floor.", price="EUR 8,000", slots=3,
    )  # fmt: skip
    SponsorshipOpportunity.objects.create(
        title="Keynote webinar sponsor", event_name="Partner keynote",
        event_date=today + timedelta(days=12), package="Logo and 2-minute mention",
        description="Your logo in the keynote stream.", slots=1,
    )  # fmt: skip
    ToolkitItem.objects.create(
        kind="brand", title="Logo use", body="Keep clear space around the logo."
    )
    ToolkitItem.objects.create(
        kind="messaging",
        title="Describing your partnership",
        body="Say 'AWS Partner', never 'AWS certified company'.",
    )
    ToolkitItem.objects.create(
        kind="asset", title="Co-branded slide template",
        file=_pdf("slides.pdf"),
    )  # fmt: skip


def _octank(company: Company) -> None:
    lead = actors.for_user(User.objects.get(email="alliance_lead@octank.example"))
    study = {
        "title": "Retail analytics in weeks", "customer": "AnyCompany Retail",
        "summary": "Daily reports in minutes.", "challenge": "Reports took a day.",
        "solution": "A data lake on AWS.", "results": "Reports in minutes.", "url": "",
    }  # fmt: skip
    done = case_studies.create_case_study(lead, study)
    case_studies.create_case_study(
        lead, study | {"title": "Claims processing", "customer": "Example Health"}
    )
    reference = references.submit_reference(lead, {
        "customer": "AnyCompany Retail", "use_case": "Analytics", "customer_contact": "Ana Diaz",
        "customer_email": "ana@anycompany.example", "quote": "Octank delivered on time.",
        "url": "", "consent": True,
    })  # fmt: skip
    device = devices.create_device(lead, {
        "name": "Octank Edge Gateway", "model_number": "OEG-1", "category": "gateway",
        "description": "An industrial IoT gateway.",
        "specifications": "Power: 12 V DC\nPorts: 4x Ethernet",
    })  # fmt: skip
    jobs.create_job_posting(lead, {
        "title": "Cloud solutions architect", "location": "Seattle or remote",
        "description": "Design customer solutions on AWS.",
        "certifications": "AWS Certified Solutions Architect – Associate", "apply_url": "",
    })  # fmt: skip
    # Staff's decisions (the admin's review actions) for the demo's validated records.
    validated = {
        "status": ReviewStatus.VALIDATED,
        "reviewed_at": timezone.now(),
        "submitted_at": timezone.now(),
    }
    CaseStudy.objects.filter(pk=done.pk).update(**validated)
    PublicReference.objects.filter(pk=reference.pk).update(**validated)
    Device.objects.filter(pk=device.pk).update(**validated)


def load_content_demo() -> list[str]:
    """The content, and Octank's records; the lines to print."""
    _published_content()
    _resources()
    _market()
    octank = Company.objects.filter(domains__domain="octank.example").first()
    if octank is not None:
        _octank(octank)
    return [
        "Content: partner news and events on the home page, Resources, a walkthrough (the ? "
        "icon), Octank's case studies, reference, job and device; staff review them under "
        "Content in the admin"
    ]

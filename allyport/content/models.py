"""Every part's tables, imported so Django registers them with this app."""

from allyport.content.build.models import CaseStudy, Device, WorkloadReview
from allyport.content.events.models import EventRegistration, PartnerEvent
from allyport.content.jobs.models import JobPosting
from allyport.content.market.models import (
    BadgeDownload,
    PublicReference,
    SponsorshipOpportunity,
    SponsorshipRequest,
    ToolkitItem,
)
from allyport.content.news.models import NewsItem
from allyport.content.resources.models import Resource, Track, TrackItem, TrackProgress
from allyport.content.shared.models import StoredFile
from allyport.content.walkthroughs.models import Walkthrough, WalkthroughProgress, WalkthroughStep

__all__ = [
    "BadgeDownload", "CaseStudy", "Device", "EventRegistration", "JobPosting", "NewsItem",
    "PartnerEvent", "PublicReference", "Resource", "SponsorshipOpportunity",
    "SponsorshipRequest", "StoredFile", "ToolkitItem", "Track", "TrackItem", "TrackProgress",
    "Walkthrough", "WalkthroughProgress", "WalkthroughStep", "WorkloadReview",
]  # fmt: skip

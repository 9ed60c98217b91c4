"""The home page (a summary from several apps), the baseline pages of the benchmarks
and the development mailbox."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render

from allyport.access.actor import Actor
from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.model import access_model
from allyport.audit import kept
from allyport.content.events.selectors import home_feed as events_feed
from allyport.content.news.selectors import home_feed as news_feed
from allyport.content.shared import feeds
from allyport.core import fragments
from allyport.core.models import DevMail
from allyport.marketplace.selectors import home_summary
from allyport.worklist.selectors import page_period as worklist_page_period
from allyport.worklist.selectors import page_versions as worklist_page_versions
from allyport.worklist.selectors import summary as task_summary
from allyport.worklist.services.tasks import sees_all as sees_all_tasks


def home(request: ActorRequest) -> HttpResponse:
    """Signed out: the landing page. Signed in: the home page for the user's roles."""
    actor = request.actor
    if not actor.is_member:
        return render(request, "home/landing.html")
    return fragments.kept_page(request, _page(actor), "home/home.html", lambda: _content(actor))


def _page(actor: Actor) -> fragments.Fragment:
    """The member's home page, kept while nothing it shows moves on: the company's data
    (every audited change of it: profile, people, roles, Marketplace link, cases), its
    tasks (drawn again each re-check period, which re-checks them) and the feeds. It
    also expires with the feeds (a minute), since events leave the feed when they end."""
    company_id = actor.company.pk  # type: ignore[union-attr]
    return kept.member_fragment(
        f"home:page:{worklist_page_period()}",
        actor,
        *worklist_page_versions(company_id),
        fragments.generation_key(*feeds.GENERATION),
    )


def _content(actor: Actor) -> dict[str, Any]:
    # Both feeds in one cache round trip.
    found = feeds.cached_many({feeds.NEWS_KEY: news_feed, feeds.EVENTS_KEY: events_feed})
    roles = [access_model().role_name(key) for key in access_model().roles if key in actor.roles]
    return {
        "role_names": roles,
        "marketplace": home_summary(actor),
        "can_manage_webhooks": bool(authorize(actor, "manage_webhooks")),
        "news": found[feeds.NEWS_KEY],
        "events": found[feeds.EVENTS_KEY],
        # The guide's Tasks section is for the alliance lead and alliance team.
        "tasks": task_summary(actor) if sees_all_tasks(actor) else None,
    }


def ping(request: ActorRequest) -> HttpResponse:
    """The minimal view: the baseline the benchmarks compare pages against."""
    return HttpResponse("ok", content_type="text/plain")


def ping_session(request: ActorRequest) -> HttpResponse:
    """The minimal signed-in view: reads the session and the member, renders nothing.
    The benchmarks' second baseline, which tells what a page adds to being signed in."""
    if not request.user.is_authenticated:
        return HttpResponse("anonymous", content_type="text/plain", status=401)
    return HttpResponse(request.user.public_id, content_type="text/plain")


def dev_mailbox(request: ActorRequest) -> HttpResponse:
    """Mail sent in development without SMTP (only when DEBUG)."""
    if not settings.DEBUG:
        raise Http404
    # Not "messages": base.html shows the messages framework's under that name.
    mails = DevMail.objects.all()[:50]
    return render(request, "core/dev_mailbox.html", {"mails": mails})

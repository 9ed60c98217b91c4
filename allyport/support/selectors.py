"""Reads of the support centre, scoped to the actor: a company's cases (own or all),
the staff queue, a case's correspondence and audit trail, articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import PermissionDenied
from allyport.audit.models import AuditEvent
from allyport.core.errors import NotFound
from allyport.support import permissions
from allyport.support.models import Article, CaseMessage, SupportCase, Topic
from allyport.support.permissions import sees_all_cases

PAGE = 20


def as_id(raw: Any) -> int | None:
    """A database id from a request value, or None: digits only, and short enough for a
    64-bit column (a longer number would be a database error, not "not found")."""
    text = str(raw or "")
    return int(text) if text.isdigit() and len(text) <= 18 else None


LIST_FIELDS = ("id", "case_id", "subject", "status", "kind", "created_at", "updated_at")


@dataclass(frozen=True)
class CasePage:
    cases: list[dict[str, Any]]
    next_before: int | None


def company_cases(actor: Actor) -> QuerySet[SupportCase]:
    """The cases a member may see: the company's (alliance lead and team) or their own."""
    assert actor.company is not None
    cases = SupportCase.objects.filter(company=actor.company)
    if not sees_all_cases(actor):
        cases = cases.filter(opened_by=actor.user)
    return cases


def case_page(actor: Actor, *, active: bool, before: Any = None) -> CasePage:
    """One page of open (or previous) cases, newest first: one range of the index
    (company, [opened_by,] closed, id DESC), by keyset (no COUNT, no OFFSET), so a
    company with many cases pages at the same cost."""
    # `closed__in`, not `closed=`: Django writes a boolean equality as `NOT closed`,
    # which no index serves; `closed IN (false)` is an equality on the index.
    cases = company_cases(actor).filter(closed__in=[not active])
    if (start := as_id(before)) is not None:
        cases = cases.filter(id__lt=start)
    rows = list(cases.order_by("-id").values(*LIST_FIELDS)[: PAGE + 1])
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    return CasePage(rows, rows[-1]["id"] if more and rows else None)


def find_case(actor: Actor, case_id: str) -> SupportCase:
    """The case the actor may see: another company's (or none) is not found; a
    colleague's, for a member without the team roles, is refused."""
    case = SupportCase.objects.filter(case_id=str(case_id)[:10]).first()
    if case is None:
        raise NotFound("Case", case_id)
    decision = permissions.case_decision(actor, case)
    if not decision:
        if actor.kind == ActorKind.MEMBER and case.company_id != getattr(actor.company, "pk", 0):
            raise NotFound("Case", case_id)
        if actor.kind == ActorKind.IAM:
            raise NotFound("Case", case_id)
        raise PermissionDenied(decision)
    return case


def thread(case: SupportCase, *, staff: bool) -> QuerySet[CaseMessage]:
    """The correspondence in order, with its files; internal notes for staff only."""
    messages = case.messages.select_related("author").prefetch_related("attachments")
    return messages if staff else messages.filter(internal=False)


# Staff's own work on a case that partners do not see in its trail.
STAFF_ONLY_EVENTS = ("AddInternalNoteToCase", "AssignCase")


@dataclass(frozen=True)
class TrailRow:
    time: Any
    name: str
    who: str


def audit_trail(case: SupportCase, *, staff: bool) -> list[TrailRow]:
    """The case's audit events in order. Partners see who acted on their side and
    "Partner support" for staff, never staff's notes or assignments."""
    events = AuditEvent.objects.filter(company=case.company_id, resource_name=case.arn)
    if not staff:
        events = events.exclude(event_name__in=STAFF_ONLY_EVENTS)
    rows = []
    for event in events.order_by("event_time", "id")[:500]:
        identity = event.record.get("userIdentity") or {}
        partner_side = case.company is not None and identity.get("accountId") == (
            case.company.public_id
        )
        who = event.username or identity.get("type", "")
        if not staff and not partner_side:
            who = str(_("Partner support"))
        rows.append(TrailRow(event.event_time, event.event_name, who))
    return rows


def type_choices() -> list[Topic]:
    return list(Topic.objects.filter(parent=None, active=True))


def children_of(raw: Any) -> list[Topic]:
    parent = as_id(raw)
    return [] if parent is None else list(Topic.objects.filter(parent_id=parent, active=True))


# --- staff ----------------------------------------------------------------------


AGES = {"1d": timedelta(days=1), "3d": timedelta(days=3), "7d": timedelta(days=7)}


def queue(
    *, status: str = "", kind: str = "", age: str = "", assignee: Any = None, mine: Any = None
) -> QuerySet[SupportCase]:
    """The staff queue, oldest first: by status (active by default), type of case,
    age (older than), and assignment ("unassigned", or the staff member's own)."""
    cases = SupportCase.objects.select_related("company", "assignee", "case_type")
    if status in dict(SupportCase.STATUSES):
        cases = cases.filter(status=status)
    elif status != "all":
        cases = cases.filter(status__in=SupportCase.ACTIVE)
    if kind in dict(SupportCase.KINDS):
        cases = cases.filter(kind=kind)
    if age in AGES:
        cases = cases.filter(created_at__lte=timezone.now() - AGES[age])
    if assignee == "unassigned":
        cases = cases.filter(assignee=None)
    elif mine is not None:
        cases = cases.filter(assignee=mine)
    return cases.order_by("created_at", "id")


# --- articles -------------------------------------------------------------------


def published_articles() -> QuerySet[Article]:
    return Article.objects.filter(published=True)


ARTICLE_LINKS_KEY = "support:article-links"
# core.fragments generation of the articles: the kept Partner Support page lists them,
# and staff's edits carry no company, so no company's generation moves with them.
ARTICLES_GENERATION = ("support-articles", 0)


def article_links(limit: int = 8) -> list[tuple[str, str]]:
    """(slug, title) of the first published articles, for the Partner Support page:
    kept in the shared cache until an article is saved (services.save_article)."""
    links = cache.get(ARTICLE_LINKS_KEY)
    if links is None:
        links = list(published_articles().values_list("slug", "title")[:limit])
        cache.set(ARTICLE_LINKS_KEY, links, 3600)
    return list(links)


def search_articles(query: str, limit: int = 20) -> list[Article]:
    """Articles whose title or body holds every word of the query (titles first)."""
    words = [w for w in query.split() if len(w) > 1][:8]
    if not words:
        return []
    match = Q()
    for word in words:
        match &= Q(title__icontains=word) | Q(body__icontains=word)
    found = list(published_articles().filter(match)[: limit * 2])
    found.sort(key=lambda a: (-sum(w.lower() in a.title.lower() for w in words), a.title))
    return found[:limit]


def suggest_articles(subject: str, limit: int = 5) -> list[Article]:
    """Articles for a case's subject: any word of it (of three letters or more) in the
    title or body, the most matching first."""
    words = {w.lower().strip(".,;:!?()\"'") for w in subject.split()}
    words = {w for w in words if len(w) >= 3}
    if not words:
        return []
    match = Q()
    for word in list(words)[:8]:
        match |= Q(title__icontains=word) | Q(body__icontains=word)
    found = list(published_articles().filter(match)[:50])
    found.sort(key=lambda a: (-sum(w in f"{a.title} {a.body}".lower() for w in words), a.title))
    return found[:limit]


def votes(article: Article) -> dict[str, int]:
    counts = article.votes.aggregate(
        yes=Count("id", filter=Q(helpful=True)), no=Count("id", filter=Q(helpful=False))
    )
    return {"yes": counts["yes"] or 0, "no": counts["no"] or 0}

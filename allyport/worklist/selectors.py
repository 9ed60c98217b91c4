"""The read side: task counts for the home page, a page of one tab of the Tasks page,
one task, and the users a task may be assigned to. Every read starts from the actor's
company; members without the summary right see only their own tasks."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.core import fragments
from allyport.core.errors import NotFound
from allyport.worklist import counts
from allyport.worklist.models import OfferingStage, Task, TaskStatus, TaskType
from allyport.worklist.services.recommend import (
    CHECK_EVERY,
    checked_key,
    refresh_company,
    refresh_if_changed,
)
from allyport.worklist.services.tasks import sees_all

PAGE_SIZE = 50
# What a row of the Tasks page shows: a page loads nothing else.
ROW_COLUMNS = (
    "id", "public_id", "status", "solution_id", "updated_at", "dismissed_reason",
    "definition__title", "solution__name", "assignee__first_name", "assignee__last_name",
    "assignee__email",
)  # fmt: skip
STATUS_FILTERS = {"open": (TaskStatus.OPEN, TaskStatus.WORK_DONE), **{
    status.value: (status.value,) for status in TaskStatus
}}  # fmt: skip


def _company_tasks(actor: Actor) -> QuerySet[Task]:
    if not actor.is_member:
        raise NotFound("Task", "*")
    return Task.objects.filter(company=actor.company)


def _visible(actor: Actor, mine: bool) -> QuerySet[Task]:
    tasks = _company_tasks(actor)
    if mine or not sees_all(actor):
        tasks = tasks.filter(assignee=actor.user)
    return tasks


def page_versions(company_id: int) -> tuple[str, ...]:
    """What a kept page showing the company's tasks depends on (core.fragments): the
    tasks' generation, moved on by every change of them (counts.changed)."""
    return (fragments.generation_key(counts.SCOPE, company_id),)


def page_period() -> str:
    """The re-check period a kept page showing tasks belongs to: it is drawn again in
    the next one, which re-checks the company's tasks (`refresh_if_changed`) first."""
    return str(int(time.time() // CHECK_EVERY))


@dataclass
class Summary:
    """Counts by type: `mine` (open tasks assigned to the actor) and `by_status`
    (the company's, for lead and team)."""

    mine: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, dict[str, int]] = field(default_factory=dict)
    recent: list[Task] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[Any, dict[str, int]]]:
        return [(kind.label, self.by_status[kind.value]) for kind in TaskType]


def summary(actor: Actor) -> Summary:
    """Two grouped counts and the five newest open tasks assigned to the actor."""
    company_id = actor.company.pk  # type: ignore[union-attr]
    # The refresh mark and the counts' generation in one cache round trip.
    marks = cache.get_many([checked_key(company_id), counts.generation_key(company_id)])
    checked = bool(marks.get(checked_key(company_id)))
    refreshed = refresh_if_changed(actor.company, checked=checked)  # type: ignore[arg-type]
    generation = None if refreshed else marks.get(counts.generation_key(company_id))
    found = Summary(
        mine={kind.value: 0 for kind in TaskType},
        by_status={kind.value: {s.value: 0 for s in TaskStatus} for kind in TaskType},
    )
    mine = _visible(actor, mine=True).filter(status__in=STATUS_FILTERS["open"])
    mine_key = f"mine:{actor.user.pk}"  # type: ignore[union-attr]
    computes = {mine_key: lambda: list(mine.values_list("type").annotate(n=Count("id")).order_by())}
    if sees_all(actor):
        computes["all"] = lambda: list(
            _company_tasks(actor).values_list("type", "status").annotate(n=Count("id")).order_by()
        )
    cached = counts.cached_many(company_id, computes, generation)  # one round trip for both
    found.mine.update(dict(cached[mine_key]))
    for task_type, status, n in cached.get("all", []):
        found.by_status[task_type][status] = n
    found.recent = list(mine.select_related("definition", "solution").order_by("-id")[:5])
    return found


@dataclass
class TaskPage:
    rows: list[dict[str, Any]]  # ROW_COLUMNS and "stage", newest first
    next_after: int | None


def task_page(
    actor: Actor, task_type: str, *, mine: bool, status: str = "", after: int | None = None,
    query: str = "",
) -> TaskPage:  # fmt: skip
    """One page of a tab, newest first, by keyset on the id (no COUNT, no OFFSET); rows
    are plain values (a page builds no model objects)."""
    refresh_if_changed(actor.company)  # type: ignore[arg-type]
    tasks = _visible(actor, mine).filter(type=task_type)
    if status in STATUS_FILTERS:
        tasks = tasks.filter(status__in=STATUS_FILTERS[status])
    if query:
        tasks = tasks.filter(
            Q(definition__title__icontains=query) | Q(solution__name__icontains=query)
        )
    if after is not None:
        tasks = tasks.filter(id__lt=after)
    stage = OfferingStage.objects.filter(solution_id=OuterRef("solution_id")).values("stage")[:1]
    rows = list(
        tasks.annotate(stage=Subquery(stage))
        .order_by("-id")
        .values(*ROW_COLUMNS, "stage")[: PAGE_SIZE + 1]
    )
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return TaskPage(rows, rows[-1]["id"] if more else None)


def get_task(actor: Actor, public_id: str) -> Task:
    task = (
        _visible(actor, mine=False)
        .select_related("definition", "solution", "assignee", "dismissed_by", "company")
        .filter(public_id=public_id)
        .first()
    )
    if task is None:
        raise NotFound("Task", public_id)
    if task.status == TaskStatus.OPEN and task.definition.done_rule:
        # Linked work may have been done a moment ago: look now (a fingerprint check).
        refresh_company(Actor.system(), task.company)
        task.refresh_from_db(fields=["status", "updated_at"])
    return task


def offering_stage(task: Task) -> str:
    if task.solution_id is None:
        return ""
    found = OfferingStage.objects.filter(solution_id=task.solution_id).first()
    return found.stage if found else "Build"


def assignable_users(actor: Actor, name: str = "", limit: int = 25) -> list[User]:
    """Active users of the company, searched by name or email."""
    users = User.objects.filter(company=actor.company, status=User.Status.ACTIVE)
    for word in name.split()[:3]:
        users = users.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
        )
    return list(users.order_by("first_name", "last_name", "email")[:limit])


def selected_tasks(actor: Actor, public_ids: list[str]) -> list[Task]:
    found = _company_tasks(actor).filter(public_id__in=public_ids[:100])
    return list(found.select_related("definition", "solution", "assignee"))


def type_label(task_type: str) -> Any:
    return TaskType(task_type).label

"""Working on tasks: submit a task's form, confirm completion, dismiss with a reason,
and (the alliance lead) change the assignee. Each service decides access for any
caller, changes rows under a lock and records the change in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, Target, authorize, require
from allyport.accounts.models import User
from allyport.audit import services as audit
from allyport.core import mail
from allyport.core.errors import BAD_STATE, REQUIRED, FieldError, NotFound, RuleViolation, refuse
from allyport.worklist import counts
from allyport.worklist.models import Task, TaskStatus
from allyport.worklist.permissions import (
    ASSIGN_TASKS,
    DISMISS_TASK,
    VIEW_ALL_TASKS,
    WORK_ON_TASK,
)
from allyport.worklist.services import recommend
from allyport.worklist.services.forms import clean_answers

REASON_MAX = 1000
MAX_SELECTED = 100


def sees_all(actor: Actor) -> bool:
    """Lead and team (and staff) see and work on every task of the company."""
    return bool(authorize(actor, VIEW_ALL_TASKS, Target(company=actor.company)))


def _locked(actor: Actor, public_id: str, permission: Permission) -> Task:
    """The task under a row lock, if the actor may act on it: another company's task,
    or (for members without the summary right) someone else's, is not found."""
    require(actor, permission, Target(company=actor.company) if actor.company else None)
    found = Task.objects.select_for_update(of=("self",)).select_related("definition", "solution")
    task = found.filter(public_id=public_id).first()
    if task is None or (actor.company is not None and task.company_id != actor.company.pk):
        raise NotFound("Task", public_id)
    if actor.is_member and task.assignee_id != actor.user.pk and not sees_all(actor):  # type: ignore[union-attr]
        raise NotFound("Task", public_id)
    return task


def _record(actor: Actor, name: str, task: Task, request: Mapping[str, Any]) -> None:
    audit.record_change(
        actor,
        name,
        event_source=recommend.TASKS_SOURCE,
        company=task.company,
        request_parameters={"task": task.public_id, **request},
        resources=[{"ARN": task.public_id, "type": "Allyport::Tasks::Task"}],
    )


def _touch(task: Task, status: str) -> None:
    task.status, task.updated_at = status, timezone.now()
    counts.changed(task.company_id)


def submit_task(actor: Actor, public_id: str, given: Mapping[str, Any]) -> Task:
    """Store the answers to a task's form; the task is then ready to confirm."""
    with transaction.atomic():
        task = _locked(actor, public_id, WORK_ON_TASK)
        if not task.is_open:
            raise refuse("Task", _("This task is no longer open."), BAD_STATE)
        if not task.definition.form_fields:
            raise refuse("Task", _("This task has no form."), BAD_STATE)
        task.answers = clean_answers(task.definition.form_fields, given)
        _touch(task, TaskStatus.WORK_DONE)
        task.save()
        _record(actor, "SubmitTask", task, {"answers": task.answers})
    return task


def _work_done(task: Task) -> bool:
    """A form must be submitted, and linked work with a check be seen done; a plain
    link is done when its assignee says so."""
    if task.definition.form_fields or task.definition.done_rule:
        return task.status == TaskStatus.WORK_DONE
    return True


def confirm_task(actor: Actor, public_id: str) -> Task:
    """Confirm completion once the task's work is done (linked work is looked at again)."""
    if actor.company is not None:  # not throttled: the work may have been done just now
        recommend.refresh_company(Actor.system(), actor.company)
    with transaction.atomic():
        task = _locked(actor, public_id, WORK_ON_TASK)
        if not task.is_open:
            raise refuse("Task", _("This task is no longer open."), BAD_STATE)
        if not _work_done(task):
            message = (
                _("Submit the form first.")
                if task.definition.form_fields
                else _("The linked work is not done yet.")
            )
            raise refuse("Task", message, BAD_STATE)
        _touch(task, TaskStatus.COMPLETED)
        task.completed_at = task.updated_at
        task.save()
        _record(actor, "ConfirmTask", task, {})
    return task


def dismiss_task(actor: Actor, public_id: str, reason: str) -> Task:
    """Take the task off the person's list and give it back to the alliance lead, with
    the reason for the lead to read."""
    reason = (reason or "").strip()
    if not reason or len(reason) > REASON_MAX:
        message = _("Give a reason of up to %(n)d characters.") % {"n": REASON_MAX}
        raise RuleViolation([FieldError("reason", message, REQUIRED)])
    with transaction.atomic():
        task = _locked(actor, public_id, DISMISS_TASK)
        if not task.is_open:
            raise refuse("Task", _("This task is no longer open."), BAD_STATE)
        previous = task.assignee
        task.assignee = recommend.alliance_lead_of(task.company)
        task.dismissed_reason, task.dismissed_by = reason, actor.user
        _touch(task, TaskStatus.DISMISSED)
        task.save()
        _record(actor, "DismissTask", task, {
            "reason": reason, "previousAssignee": previous.public_id if previous else None,
        })  # fmt: skip
    return task


def _assignee(company: Any, user_id: str) -> User:
    user = User.objects.filter(
        public_id=user_id, company=company, status=User.Status.ACTIVE
    ).first()
    if user is None:
        raise RuleViolation([FieldError("assignee", _("Choose a user of your company."), REQUIRED)])
    return user


def assign_tasks(actor: Actor, public_ids: Iterable[str], user_id: str) -> list[Task]:
    """Give the selected tasks to one user of the company, who is emailed the list.
    A dismissed task assigned again is open again."""
    require(actor, ASSIGN_TASKS, Target(company=actor.company))
    ids = list(dict.fromkeys(public_ids))
    if not ids or len(ids) > MAX_SELECTED:
        message = _("Select between 1 and %(n)d tasks.") % {"n": MAX_SELECTED}
        raise RuleViolation([FieldError("tasks", message, REQUIRED)])
    with transaction.atomic():
        found = Task.objects.select_for_update(of=("self",)).filter(public_id__in=ids)
        if actor.company is not None:  # staff act for any company, one at a time
            found = found.filter(company=actor.company)
        tasks = list(found.select_related("definition", "solution", "company", "assignee"))
        companies = {task.company_id for task in tasks}
        if len(tasks) != len(ids) or len(companies) != 1:
            raise NotFound("Task", ", ".join(sorted(set(ids) - {t.public_id for t in tasks})))
        user = _assignee(tasks[0].company, user_id)
        for task in tasks:
            previous = task.assignee.public_id if task.assignee else None
            task.assignee = user
            _touch(task, TaskStatus.OPEN if task.status == TaskStatus.DISMISSED else task.status)
            task.save()
            _record(actor, "AssignTask", task, {"assignee": user.public_id, "previous": previous})
        open_tasks = [task for task in tasks if task.is_open]
        if open_tasks:
            mail.send(
                "worklist/email/task_assigned", user.email, {"user": user, "tasks": open_tasks}
            )
    return tasks

"""Audit-per-caller cases of the worklist's tasks (joined by
home/tests/test_audit_per_caller.py)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from allyport.access.actor import Actor
from allyport.worklist.catalogue import load as load_task_catalogue
from allyport.worklist.models import GrowthRule, TaskDefinition
from allyport.worklist.services import recommend as worklist_recommend
from allyport.worklist.services import tasks as worklist_tasks

MEMBER, STAFF, SYSTEM = "member", "staff", "system"

SCANNED: dict[str, ModuleType] = {
    "worklist.tasks": worklist_tasks,
}
NOT_CHANGES: dict[str, str] = {}


def _task(world: Any) -> str:
    load_task_catalogue(TaskDefinition, GrowthRule)  # a live-server test may have emptied it
    worklist_recommend.refresh_company(Actor.system(), world.company, force=True)
    return worklist_tasks.Task.objects.get(
        company=world.company, definition__key="describe-company"
    ).public_id


def _submit_task(world: Any, actor: Actor) -> None:
    worklist_tasks.submit_task(actor, _task(world), {"description": "We build data lakes."})


def _confirm_task(world: Any, actor: Actor) -> None:
    task = _task(world)
    worklist_tasks.submit_task(world.actors[MEMBER], task, {"description": "Data lakes."})
    worklist_tasks.confirm_task(actor, task)


def _dismiss_task(world: Any, actor: Actor) -> None:
    worklist_tasks.dismiss_task(actor, _task(world), "Not mine")


def _assign_task(world: Any, actor: Actor) -> None:
    lead = worklist_recommend.alliance_lead_of(world.company)
    actor = Actor.for_member(lead) if actor.is_member else actor
    worklist_tasks.assign_tasks(actor, [_task(world)], lead.public_id)


SERVICES = [
    ("worklist.tasks.submit_task", "SubmitTask", (MEMBER, STAFF), _submit_task),
    ("worklist.tasks.confirm_task", "ConfirmTask", (MEMBER, STAFF), _confirm_task),
    ("worklist.tasks.dismiss_task", "DismissTask", (MEMBER, STAFF), _dismiss_task),
    ("worklist.tasks.assign_tasks", "AssignTask", (MEMBER, STAFF), _assign_task),
    ("worklist.recommend.refresh_company", "RecommendTasks", (SYSTEM,),
     lambda world, actor: worklist_recommend.refresh_company(actor, world.company)),
]  # fmt: skip

"""Demo tasks (`manage.py load_demo`): Octank's offerings of three kinds, the tasks
recommended for them, some assigned to teammates, one completed, one dismissed."""

from __future__ import annotations

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.pipeline import services as pipeline
from allyport.worklist.models import Task
from allyport.worklist.services import tasks
from allyport.worklist.services.recommend import alliance_lead_of, refresh_company

OFFERINGS = (
    {"name": "Octank Data Lake", "category": "Software Product", "status": "Active"},
    {"name": "Octank Migration Services", "category": "Consulting Service", "status": "Draft"},
    {"name": "Octank Managed Analytics", "category": "Managed Service", "status": "Active"},
)


def _task(company: Company, key: str) -> str:
    return Task.objects.filter(company=company, definition__key=key).order_by("pk")[0].public_id


def load_tasks_demo(company: Company) -> list[str]:
    lead = actors.for_user(alliance_lead_of(company))
    for values in OFFERINGS:
        pipeline.create_solution(lead, "AWS", values)
    refresh_company(Actor.system(), company, force=True)
    team = User.objects.get(email="alliance_team@octank.example")
    standard = User.objects.get(email="standard_user@octank.example")
    tasks.assign_tasks(lead, [_task(company, "invite-team"), _task(company, "create-offering")],
                       team.public_id)  # fmt: skip
    tasks.assign_tasks(lead, [_task(company, "build-cloud-foundations")], standard.public_id)
    tasks.assign_tasks(lead, [_task(company, "build-sandbox-credits")], standard.public_id)
    tasks.dismiss_task(actors.for_user(standard), _task(company, "build-sandbox-credits"),
                       "Our finance team requests credits, not me.")  # fmt: skip
    described = _task(company, "describe-company")
    tasks.submit_task(lead, described, {"description": "Octank builds data lakes on AWS."})
    tasks.confirm_task(lead, described)
    return ["Tasks: Octank has tasks of every type; see Home > Tasks and the My tasks menu."]

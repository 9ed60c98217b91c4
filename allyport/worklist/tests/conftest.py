"""Worklist personas: a Software-path company with its lead, a teammate and a standard
user, and helpers that move a company along with real pipeline records."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.pipeline import services as pipeline
from allyport.pipeline.models import Opportunity, Solution
from allyport.pipeline.tests.conftest import complete, make_solution
from allyport.testing import make_company, make_user
from allyport.worklist.catalogue import load
from allyport.worklist.models import GrowthRule, Task, TaskDefinition
from allyport.worklist.services.recommend import refresh_company


@pytest.fixture(autouse=True)
def catalogue(db: None) -> None:
    """The data migration's catalogue, again when a transactional test (live server,
    threads) emptied the tables before this one."""
    load(TaskDefinition, GrowthRule)


@pytest.fixture
def octank(db: None) -> Company:
    return make_company("Octank", domain="octank.example", paths=["Software"], stage="Validated")[0]


@pytest.fixture
def lead(octank: Company) -> User:
    return User.objects.get(email="lead@octank.example")


@pytest.fixture
def team(octank: Company) -> User:
    return make_user(octank, "alliance_team", email="team@octank.example")


@pytest.fixture
def standard(octank: Company) -> User:
    return make_user(octank, "standard_user", email="sam@octank.example")


def refresh(company: Company) -> int:
    return refresh_company(Actor.system(), company, force=True)


def task_of(company: Company, key: str, solution: Solution | None = None) -> Task:
    return Task.objects.select_related("definition").get(
        company=company, definition__key=key, solution=solution
    )


def seller(company: Company) -> Actor:
    return actors.for_user(make_user(company, "alliance_team"))


def validated_opportunity(company: Company, actor: Actor, **changes: Any) -> Opportunity:
    """A partner-originated opportunity submitted and approved by AWS (staff)."""
    made = pipeline.create_opportunity(actor, "AWS", complete(**changes))
    solution = make_solution(company)
    pipeline.associate_opportunity(actor, "AWS", made.public_id, "Solutions", solution.public_id)
    submitted = pipeline.submit_opportunity(actor, "AWS", made.public_id, "Co-Sell", "Full")
    staff = Actor.for_staff(make_user(company))
    return pipeline.set_review_status(staff, submitted, "Approved")


def launched_with(actor: Actor, solution: Solution) -> Opportunity:
    """An opportunity with `solution` attached, moved to the Launched stage."""
    made = pipeline.create_opportunity(actor, "AWS", complete())
    pipeline.associate_opportunity(actor, "AWS", made.public_id, "Solutions", solution.public_id)
    made.refresh_from_db()
    payload = complete()
    payload["LifeCycle"]["Stage"] = "Launched"
    return pipeline.update_opportunity(
        actor, "AWS", made.public_id, payload, last_modified_date=made.last_modified_date
    )

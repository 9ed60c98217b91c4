"""Audit whatever the caller: every writing service records its domain event for
each kind of caller that may use it (a portal member, an IAM principal, staff, the
system, and the jobs acting as either), with the event's name, the caller's
userIdentity type and the company.

Each app lists its cases in `<app>/tests/audit_cases.py` (joined in `CASE_MODULES`);
`SERVICES` holds every public writing function of the service modules in `SCANNED`,
and `test_every_writing_service_is_listed` fails when one is added without an entry,
so a new change cannot skip its record unnoticed. This file keeps the machinery: the
world the cases run in, the scan and the checks.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.assistant.tests import audit_cases as assistant_cases
from allyport.audit.models import AuditEvent
from allyport.bulk.tests import audit_cases as bulk_cases
from allyport.channel.tests import audit_cases as channel_cases
from allyport.cloud.principals import IamPrincipal
from allyport.connections.tests import audit_cases as connection_cases
from allyport.content.tests import audit_cases as content_cases
from allyport.customers.tests import audit_cases as customer_cases
from allyport.funding.tests import audit_cases as funding_cases
from allyport.marketing.tests import audit_cases as marketing_cases
from allyport.pipeline import services
from allyport.pipeline.tests import audit_cases as pipeline_cases
from allyport.pipeline.tests.conftest import complete, make_solution
from allyport.profiles.tests import audit_cases as profile_cases
from allyport.programs.tests import audit_cases as program_cases
from allyport.support.tests import audit_cases as support_cases
from allyport.testing import make_credentials, make_user
from allyport.worklist.tests import audit_cases as worklist_cases

pytestmark = pytest.mark.django_db

MEMBER, IAM, STAFF, SYSTEM = "member", "iam", "staff", "system"
IDENTITY = {MEMBER: "Unknown", IAM: "IAMUser", STAFF: "Unknown", SYSTEM: "AWSService"}
WRITING = re.compile(
    r"^(create|update|delete|submit|assign|start|accept|reject|associate|disassociate|put|tag|"
    r"untag|stop|set|import|transfer|share|send|cancel)_"
)
# Each app's `<app>/tests/audit_cases.py`: its SCANNED service modules, its NOT_CHANGES
# (writing-looking functions that change nothing themselves, and why) and its SERVICES
# cases (scanned name, event, callers, run(world, actor)). One line per app, new ones
# at the end: pytest numbers repeated ids (start_job-member0, -member1) in this order.
CASE_MODULES: tuple[ModuleType, ...] = (
    customer_cases,
    bulk_cases,
    pipeline_cases,
    program_cases,
    funding_cases,
    support_cases,
    connection_cases,
    worklist_cases,
    channel_cases,
    content_cases,
    profile_cases,
    marketing_cases,
    assistant_cases,
)
SCANNED: dict[str, ModuleType] = {
    key: module for cases in CASE_MODULES for key, module in cases.SCANNED.items()
}
NOT_CHANGES: dict[str, str] = {
    name: why for cases in CASE_MODULES for name, why in cases.NOT_CHANGES.items()
}


@dataclass
class World:
    company: Company
    actors: dict[str, Actor]

    def opportunity(self, **changes: Any) -> Any:
        return services.create_opportunity(self.actors[MEMBER], "AWS", complete(**changes))

    def with_solution(self) -> Any:
        opportunity = self.opportunity()
        solution = make_solution(self.company)
        services.associate_opportunity(
            self.actors[MEMBER], "AWS", opportunity.public_id, "Solutions", solution.public_id
        )
        return opportunity, solution


@pytest.fixture
def world(db: None) -> World:
    creds = make_credentials()
    assert creds.company is not None
    principal = IamPrincipal.for_user(creds.user, access_key_id=creds.key_id)
    staff_user = make_user(creds.company)
    return World(
        creds.company,
        {
            MEMBER: Actor.for_member(make_user(creds.company, "alliance_team")),
            IAM: Actor.for_iam(principal, creds.company, source_ip="192.0.2.1"),
            STAFF: Actor.for_staff(staff_user),
            SYSTEM: Actor.system(),
        },
    )


@dataclass(frozen=True)
class Service:
    name: str  # <scanned module key>.<function>
    event: str
    callers: tuple[str, ...]
    run: Callable[[World, Actor], None]


SERVICES = [Service(*case) for cases in CASE_MODULES for case in cases.SERVICES]
CASES = [(service, caller) for service in SERVICES for caller in service.callers]


@pytest.mark.parametrize(
    ("service", "caller"), CASES, ids=[f"{s.name.rsplit('.', 1)[1]}-{c}" for s, c in CASES]
)
def test_each_writing_service_records_its_event_for_each_caller(
    world: World, service: Service, caller: str
) -> None:
    actor = world.actors[caller]
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    service.run(world, actor)
    new = AuditEvent.objects.exclude(pk__in=before).filter(event_name=service.event)
    theirs = [e for e in new if e.record["userIdentity"]["type"] == IDENTITY[caller]]
    assert theirs, f"{service.name} wrote no {service.event} record for a {caller}"
    assert {event.company_id for event in theirs} == {world.company.pk}


def _writing_functions() -> set[str]:
    found = set()
    for key, module in SCANNED.items():
        public = getattr(module, "__all__", None) or [
            name for name, value in vars(module).items()
            if inspect.isfunction(value) and value.__module__ == module.__name__
        ]  # fmt: skip
        found |= {f"{key}.{name}" for name in public if WRITING.match(name)}
    return found - set(NOT_CHANGES)


def test_every_writing_service_is_listed() -> None:
    listed = {service.name for service in SERVICES}
    missing = _writing_functions() - listed
    assert not missing, f"add these writing services to SERVICES: {sorted(missing)}"

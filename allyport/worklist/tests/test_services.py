"""Working on tasks through the services: every caller kind is decided, every change
recorded, every problem reported at once."""

from __future__ import annotations

import pytest
from django.core import mail

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.audit.models import AuditEvent
from allyport.core.errors import NotFound, RuleViolation
from allyport.testing import AllowingPrincipal, make_company
from allyport.worklist.models import Task, TaskStatus
from allyport.worklist.services import tasks

from .conftest import refresh, task_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def describe(octank) -> Task:
    refresh(octank)
    return task_of(octank, "describe-company")


def test_it_assigns_new_tasks_to_the_alliance_lead(octank, lead, describe):
    assert describe.assignee == lead
    assert describe.status == TaskStatus.OPEN


def test_submit_reports_every_field_at_once_then_confirm_completes(octank, lead, describe):
    actor = actors.for_user(lead)
    with pytest.raises(RuleViolation) as refused:
        tasks.submit_task(actor, describe.public_id, {"website": "not a site"})
    assert {e.field for e in refused.value.errors} == {"description", "website"}
    with pytest.raises(RuleViolation, match="Submit the form first"):
        tasks.confirm_task(actor, describe.public_id)
    done = tasks.submit_task(
        actor,
        describe.public_id,
        {"description": "We build data lakes.", "website": "https://octank.example"},
    )
    assert done.status == TaskStatus.WORK_DONE
    assert done.answers["description"] == "We build data lakes."
    tasks.confirm_task(actor, describe.public_id)
    describe.refresh_from_db()
    assert describe.status == TaskStatus.COMPLETED and describe.completed_at
    names = list(AuditEvent.objects.filter(company=octank).values_list("event_name", flat=True))
    assert "SubmitTask" in names and "ConfirmTask" in names


def test_a_standard_user_dismisses_their_task_back_to_the_lead(octank, lead, standard, describe):
    tasks.assign_tasks(actors.for_user(lead), [describe.public_id], standard.public_id)
    actor = actors.for_user(standard)
    with pytest.raises(RuleViolation):
        tasks.dismiss_task(actor, describe.public_id, "  ")
    tasks.dismiss_task(actor, describe.public_id, "Marketing writes our description")
    describe.refresh_from_db()
    assert describe.status == TaskStatus.DISMISSED
    assert describe.assignee == lead and describe.dismissed_by == standard
    record = AuditEvent.objects.get(event_name="DismissTask")
    assert record.record["requestParameters"]["reason"] == "Marketing writes our description"
    # Off their list: the task is now someone else's, so not found for them.
    with pytest.raises(NotFound):
        tasks.confirm_task(actor, describe.public_id)


def test_the_lead_reassigns_and_the_new_assignee_is_emailed(octank, lead, team, describe):
    tasks.dismiss_task(actors.for_user(lead), describe.public_id, "Not mine")
    mail.outbox.clear()
    tasks.assign_tasks(actors.for_user(lead), [describe.public_id], team.public_id)
    describe.refresh_from_db()
    assert describe.assignee == team and describe.status == TaskStatus.OPEN
    sent = [m for m in mail.outbox if team.email in m.to]
    assert sent and "Add a company description" in sent[0].body
    assert AuditEvent.objects.filter(event_name="AssignTask", company=octank).count() == 1


def test_only_the_lead_assigns(octank, team, standard, describe):
    with pytest.raises(PermissionDenied, match="alliance lead"):
        tasks.assign_tasks(actors.for_user(team), [describe.public_id], standard.public_id)


def test_assigning_to_a_user_of_another_company_is_refused(octank, lead, describe):
    stranger = make_company()[1]
    with pytest.raises(RuleViolation, match="user of your company"):
        tasks.assign_tasks(actors.for_user(lead), [describe.public_id], stranger.public_id)


def test_another_companys_task_is_not_found(octank, describe):
    other_lead = make_company()[1]
    with pytest.raises(NotFound):
        tasks.dismiss_task(actors.for_user(other_lead), describe.public_id, "no")


def test_a_standard_user_cannot_touch_tasks_not_assigned_to_them(standard, describe):
    with pytest.raises(NotFound):
        tasks.submit_task(actors.for_user(standard), describe.public_id, {"description": "x"})


@pytest.mark.parametrize("caller", ["iam", "system"])
def test_callers_without_the_right_are_refused(octank, describe, caller):
    actor = (
        Actor.for_iam(AllowingPrincipal(), octank) if caller == "iam" else Actor.system()  # type: ignore[arg-type]
    )
    with pytest.raises(PermissionDenied):
        tasks.dismiss_task(actor, describe.public_id, "no")
    assert Task.objects.get(pk=describe.pk).status == TaskStatus.OPEN


def test_staff_may_confirm_a_plain_link_task(octank, lead):
    refresh(octank)
    found = task_of(octank, "link-marketplace") if Task.objects.filter(
        definition__key="link-marketplace").exists() else None  # fmt: skip
    assert found is None  # applies only once the company has an offering
    staff = Actor.for_staff(lead)
    task = task_of(octank, "invite-team")
    with pytest.raises(RuleViolation, match="linked work is not done"):
        tasks.confirm_task(staff, task.public_id)

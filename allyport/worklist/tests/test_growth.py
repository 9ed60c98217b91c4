"""The growth rules with real records: a company becomes eligible for referrals after
10 validated partner-originated opportunities; an offering moves to Grow after two
launched opportunities with it attached. Moves are audited and bring new tasks."""

from __future__ import annotations

import pytest

from allyport.audit.models import AuditEvent
from allyport.pipeline import services as pipeline
from allyport.pipeline.tests.conftest import make_solution
from allyport.worklist.models import CompanyGrowth, OfferingStage, Task, TaskStatus

from .conftest import launched_with, refresh, seller, task_of, validated_opportunity

pytestmark = pytest.mark.django_db


def test_it_makes_a_company_eligible_for_referrals_after_ten_validated_opportunities(
    octank, django_capture_on_commit_callbacks
):
    actor = seller(octank)
    refresh(octank)
    referral = task_of(octank, "referral-eligibility")
    for _n in range(9):
        validated_opportunity(octank, actor)
    refresh(octank)
    assert CompanyGrowth.objects.get(company=octank).referral_eligible_at is None
    assert not Task.objects.filter(company=octank, definition__key="specialization-program")
    with django_capture_on_commit_callbacks(execute=True):
        validated_opportunity(octank, actor)  # the tenth; the pipeline's signal refreshes
    assert CompanyGrowth.objects.get(company=octank).referral_eligible_at is not None
    moves = AuditEvent.objects.filter(company=octank, event_name="BecomeReferralEligible")
    assert moves.count() == 1
    assert moves.get().record["requestParameters"]["validatedPartnerOpportunities"] == 10
    referral.refresh_from_db()
    assert referral.status == TaskStatus.WORK_DONE
    # A new task appears: the specialization program (Validated and eligible).
    assert task_of(octank, "specialization-program").status == TaskStatus.OPEN


def test_it_moves_an_offering_through_the_stages_to_grow(
    octank, django_capture_on_commit_callbacks
):
    actor = seller(octank)
    solution = make_solution(octank, status="Draft", category="Software Product")
    refresh(octank)
    assert OfferingStage.objects.get(solution=solution).stage == "Build"
    build_task = task_of(octank, "build-publish-offering", solution)
    assert build_task.status == TaskStatus.OPEN
    pipeline.update_solution(actor, "AWS", solution.public_id, {"status": "Active"})
    refresh(octank)
    assert OfferingStage.objects.get(solution=solution).stage == "Market"
    build_task.refresh_from_db()
    assert build_task.status == TaskStatus.WORK_DONE
    assert task_of(octank, "market-free-tier", solution).status == TaskStatus.OPEN
    with django_capture_on_commit_callbacks(execute=True):
        launched_with(actor, solution)
    assert OfferingStage.objects.get(solution=solution).stage == "Sell"
    launch = task_of(octank, "sell-launch-opportunities", solution)
    assert launch.status == TaskStatus.OPEN
    assert not Task.objects.filter(solution=solution, definition__stage="Grow")
    with django_capture_on_commit_callbacks(execute=True):
        launched_with(actor, solution)  # the second launched opportunity: Grow
    assert OfferingStage.objects.get(solution=solution).stage == "Grow"
    launch.refresh_from_db()
    assert launch.status == TaskStatus.WORK_DONE
    grow = Task.objects.filter(solution=solution, definition__stage="Grow")
    assert {t.definition.key for t in grow.select_related("definition")} >= {
        "grow-specialization",
        "grow-pilots",
        "grow-private-offers",
        "grow-channel-partners",
    }
    moves = AuditEvent.objects.filter(company=octank, event_name="MoveOfferingStage")
    assert [m.record["requestParameters"]["to"] for m in moves.order_by("event_time", "id")] == [
        "Market",
        "Sell",
        "Grow",
    ]


def test_an_offering_of_another_kind_gets_its_own_tasks(octank):
    software = make_solution(octank, category="Software Product", status="Draft")
    msp = make_solution(octank, name="Run", category="Managed Service", status="Draft")
    refresh(octank)
    keys = lambda s: set(Task.objects.filter(solution=s).values_list("definition__key", flat=True))  # noqa: E731
    assert "build-msp-workshops" in keys(msp) and "build-msp-workshops" not in keys(software)
    # A company with a managed service is recommended the MSP program.
    assert task_of(octank, "managed-service-program").status == TaskStatus.OPEN

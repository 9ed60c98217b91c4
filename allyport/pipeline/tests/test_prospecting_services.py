"""Prospecting tasks, engagement groups and the engagement search, as services."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from allyport.core.errors import RuleViolation
from allyport.pipeline.engagements.contexts import create_context
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.engagements.services import add_member, new_engagement
from allyport.pipeline.prospecting import groups as engagement_groups
from allyport.pipeline.prospecting import selectors as prospecting_selectors
from allyport.pipeline.prospecting import services as prospecting
from allyport.pipeline.prospecting.engagement_search import search_engagements
from allyport.pipeline.prospecting.models import EngagementGroup, ProspectingTask
from allyport.pipeline.prospecting.runner import prospecting_payload
from allyport.pipeline.tests.conftest import iam_actor
from allyport.pipeline.tests.test_contexts import PROJECT, lead_context
from allyport.testing import make_company

pytestmark = pytest.mark.django_db
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
MISSING = "eng-00000000000000"


def _engagement(company: Any, *payloads: dict[str, Any], catalog: str = "AWS") -> Engagement:
    engagement = new_engagement(catalog, creator=company, title="Joint work")
    for payload in payloads:
        create_context(iam_actor(company), catalog, engagement.public_id, next(iter(payload)),
                       payload)  # fmt: skip
    engagement.refresh_from_db()
    return engagement


def _field(error: pytest.ExceptionInfo[RuleViolation]) -> str:
    return error.value.errors[0].field


def test_a_task_converts_each_engagement_on_its_own() -> None:
    company, other = make_company()[0], make_company()[0]
    actor = iam_actor(company)
    lead_one = _engagement(company, lead_context())
    project_only = _engagement(company, PROJECT)
    empty = _engagement(company)
    foreign = _engagement(other, lead_context())
    sandbox = _engagement(company, lead_context(), catalog="Sandbox")
    ids = [lead_one.public_id, project_only.public_id, empty.public_id, foreign.public_id,
           sandbox.public_id, lead_one.public_id]  # fmt: skip
    task = prospecting.start_prospecting(actor, "AWS", ids, "Q3 prospects")
    assert task.public_id.startswith("task-") and len(task.public_id) == 19
    assert task.status == "PENDING" and task.identifiers == ids  # as it was answered
    task.refresh_from_db()  # the immediate backend ran the worker already
    assert task.status == "COMPLETED" and task.end_time is not None
    assert (task.total_count, task.completed_count, task.failed_count) == (5, 2, 3)
    view = prospecting_selectors.get_view(
        prospecting_selectors.find_prospecting(actor, "AWS", task.public_id)
    )
    results = {r["EngagementIdentifier"]: r for r in view["Engagements"]}
    assert [r["EngagementIdentifier"] for r in view["Engagements"]] == ids[:5]
    done = results[lead_one.public_id]
    assert done["Status"] == "COMPLETED" and done["EngagementContextId"].startswith("ctx-")
    assert results[empty.public_id]["ReasonCode"] == "NoCustomerContext"
    # Another company's and the other catalog's engagements fail alike, telling nothing.
    for missing in (foreign, sandbox):
        result = results[missing.public_id]
        assert result["Status"] == "FAILED" and result["ReasonCode"] == "EngagementNotFound"
        assert "Lead Corp" not in result["Message"] and "EngagementContextId" not in result
    foreign.refresh_from_db()
    assert "ProspectingResult" not in foreign.context_types
    lead_one.refresh_from_db()
    context = lead_one.contexts[-1]
    assert context["Id"] == done["EngagementContextId"] and context["Type"] == "ProspectingResult"
    aws = context["Payload"]["ProspectingResult"]["Aws"]
    assert aws["Customer"] == {"AccountName": "Lead Corp", "Country": "DE", "Industry": "Retail"}
    assert aws["TaskId"] == task.public_id and aws["TaskName"] == "Q3 prospects"
    assert ",ProspectingResult," in lead_one.context_types


def test_prospecting_again_refreshes_the_same_context_and_all_failing_fails_the_task() -> None:
    company = make_company()[0]
    actor = iam_actor(company)
    engagement = _engagement(company, PROJECT)
    first = prospecting.start_prospecting(actor, "AWS", [engagement.public_id], "one")
    second = prospecting.start_prospecting(actor, "AWS", [engagement.public_id], "two")
    ids = [
        prospecting_selectors.get_view(t)["Engagements"][0]["EngagementContextId"]
        for t in (first, second)
    ]
    assert ids[0] == ids[1]
    engagement.refresh_from_db()
    assert [c["Type"] for c in engagement.contexts].count("ProspectingResult") == 1
    failed = prospecting.start_prospecting(actor, "AWS", [MISSING], "none")
    failed.refresh_from_db()
    assert failed.status == "FAILED" and failed.reason_code == "AllEngagementsFailed"
    with pytest.raises(RuleViolation) as refused:
        prospecting.start_prospecting(actor, "AWS", [], "empty")
    assert _field(refused) == "Identifiers"


def test_a_full_engagement_fails_with_the_context_limit() -> None:
    company = make_company()[0]
    engagement = _engagement(company, *[lead_context()] * 5)
    task = prospecting.start_prospecting(iam_actor(company), "AWS", [engagement.public_id], "x")
    result = task.results.get()
    assert (result.status, result.reason_code) == ("FAILED", "ContextLimitExceeded")


def test_the_payload_keeps_the_models_enums() -> None:
    task = ProspectingTask(public_id="task-x", name="n", start_time=timezone.now())
    customer = {"CompanyName": "Odd", "Industry": "Space mining", "Address": {"CountryCode": "XX"}}
    odd = {"Type": "Lead", "Payload": {"Lead": {"Customer": customer}}}
    payload = prospecting_payload([odd], task, "arn:x", timezone.now())
    assert payload is not None
    assert payload["Aws"]["Customer"] == {"AccountName": "Odd", "Industry": "Other"}
    assert prospecting_payload([{"Type": "Lead", "Payload": {}}], task, "a", timezone.now()) is None


def test_the_list_filters_sorts_and_pages() -> None:
    company, other = make_company()[0], make_company()[0]
    actor = iam_actor(company)
    engagement = _engagement(company, PROJECT)
    made = [
        prospecting.start_prospecting(actor, "AWS", [engagement.public_id, *[MISSING] * n], f"t{n}")
        for n in range(3)
    ]  # fmt: skip
    prospecting.start_prospecting(iam_actor(other), "AWS", [engagement.public_id], "theirs")
    page = prospecting_selectors.list_prospecting(actor, "AWS", {})
    assert [t.public_id for t in page.items] == [t.public_id for t in reversed(made)]
    by_failed = prospecting_selectors.list_prospecting(
        actor, "AWS", {"Sort": {"SortBy": "FailedEngagementCount", "SortOrder": "DESCENDING"}}
    )
    assert [t.failed_count for t in by_failed.items] == [1, 1, 0]
    named = prospecting_selectors.list_prospecting(actor, "AWS", {"TaskName": ["t0", "t2"]})
    assert {t.name for t in named.items} == {"t0", "t2"}
    after = prospecting_selectors.list_prospecting(
        actor, "AWS", {"StartAfter": made[0].start_time, "StartBefore": made[2].start_time}
    )
    assert [t.public_id for t in after.items] == [made[1].public_id]
    by_name = {"MaxResults": 2, "Sort": {"SortBy": "TaskName", "SortOrder": "ASCENDING"}}
    first = prospecting_selectors.list_prospecting(actor, "AWS", by_name)
    assert [t.name for t in first.items] == ["t0", "t1"] and first.next_token
    rest = prospecting_selectors.list_prospecting(
        actor, "AWS", {**by_name, "NextToken": first.next_token}
    )
    assert [t.name for t in rest.items] == ["t2"] and rest.next_token is None
    assert prospecting_selectors.list_prospecting(actor, "Sandbox", {}).items == []


def test_groups_count_only_what_the_company_sees() -> None:
    company, other = make_company()[0], make_company()[0]
    mine, shared, theirs = (_engagement(company), _engagement(company), _engagement(other))
    add_member(shared, other, None)
    group = EngagementGroup.objects.create(
        catalog="AWS", name="Retail EU", readiness_level="SalesReady"
    )
    group.engagements.set([mine, shared, theirs])
    quiet = EngagementGroup.objects.create(
        catalog="AWS", name="Quiet", readiness_level="LowPotential"
    )
    EngagementGroup.objects.create(
        catalog="AWS", name="Off", readiness_level="SalesReady", active=False
    )
    EngagementGroup.objects.create(catalog="Sandbox", name="Sbx", readiness_level="SalesReady")
    EngagementGroup.objects.filter(pk=quiet.pk).update(
        updated_at=timezone.now() - timedelta(days=1)
    )
    page = engagement_groups.list_groups(iam_actor(company), "AWS", {})
    assert [(g.name, g.visible_count) for g in page.items] == [("Retail EU", 2), ("Quiet", 0)]
    theirs_view = engagement_groups.list_groups(iam_actor(other), "AWS", {})
    assert [g.visible_count for g in theirs_view.items] == [2, 0]
    by_count = engagement_groups.list_groups(iam_actor(company), "AWS", {
        "Sort": {"SortBy": "Count", "SortOrder": "ASCENDING"}, "MaxResults": 1})  # fmt: skip
    assert [g.name for g in by_count.items] == ["Quiet"]
    rest = engagement_groups.list_groups(iam_actor(company), "AWS", {
        "Sort": {"SortBy": "Count", "SortOrder": "ASCENDING"}, "MaxResults": 1,
        "NextToken": by_count.next_token})  # fmt: skip
    assert [g.name for g in rest.items] == ["Retail EU"] and rest.next_token is None
    ready = engagement_groups.list_groups(
        iam_actor(company), "AWS", {"ReadinessLevel": "LowPotential"}
    )
    assert [g.name for g in ready.items] == ["Quiet"]
    summary = engagement_groups.group_summary(page.items[0])
    assert summary["Id"].startswith("eng-grp-") and summary["Count"] == 2
    assert summary["Arn"].endswith(f"::catalog/AWS/engagement-group/{group.public_id}")


def _search(company: Any, **request: Any) -> list[str]:
    return [e.public_id for e in search_engagements(iam_actor(company), "AWS", request).items]


def test_search_by_keyword_filter_group_and_sort() -> None:
    company, other = make_company()[0], make_company()[0]
    lead_one = _engagement(company, lead_context())
    project = _engagement(company, PROJECT)
    hidden = _engagement(other, lead_context())
    assert set(_search(company)) == {lead_one.public_id, project.public_id}
    assert _search(other, Keyword="lead corp") == [hidden.public_id]
    assert _search(company, Keyword="LEAD CORP") == [lead_one.public_id]
    assert _search(company, Keyword="shop") == [project.public_id]
    kim = {
        "ContainsAny": {"Key": "LeadInteractionsContactFirstName", "Value": {"StringValue": "ki"}}
    }
    assert _search(company, Filter=kim) == [lead_one.public_id]
    assert _search(company, Filter={"NotFilter": kim}) == [project.public_id]
    typed = {"EqualsTo": {"Key": "ContextType", "Value": {"StringValue": "CustomerProject"}}}
    assert _search(company, Filter=typed) == [project.public_id]
    members = {"GreaterThanOrEquals": {"Key": "MemberCount", "Value": {"LongValue": 1}}}
    assert len(_search(company, Filter=members)) == 2
    group = EngagementGroup.objects.create(catalog="AWS", name="G", readiness_level="SalesReady")
    group.engagements.set([project, hidden])
    assert _search(company, GroupId=group.public_id) == [project.public_id]
    by_name = _search(company, Sort={"SortBy": "LeadCustomerCompanyName", "SortOrder": "ASCENDING"})
    assert by_name == [lead_one.public_id, project.public_id]  # no lead name sorts last
    for bad, field in (
        ({"GroupId": "eng-grp-00000000000000"}, "GroupId"),
        ({"Filter": {"EqualsTo": {"Key": "ProspectingCustomerGeo", "Value": {"StringValue": "x"}}}},
         "Filter.EqualsTo.Key"),
        ({"Sort": {"SortBy": "ProspectingCustomerRegion", "SortOrder": "ASCENDING"}},
         "Sort.SortBy"),
    ):  # fmt: skip
        with pytest.raises(RuleViolation) as refused:
            _search(company, **bad)
        assert _field(refused) == field


def test_search_pages_with_keyset_tokens() -> None:
    company = make_company()[0]
    made = {_engagement(company, lead_context()).public_id for _ in range(5)}
    actor = iam_actor(company)
    seen: list[str] = []
    token = None
    for _ in range(3):
        request = {
            "MaxResults": 2,
            "Sort": {"SortBy": "LeadCustomerIndustry", "SortOrder": "DESCENDING"},
        }
        page = search_engagements(
            actor, "AWS", {**request, **({"NextToken": token} if token else {})}
        )
        seen += [e.public_id for e in page.items]
        token = page.next_token
    assert token is None and set(seen) == made and len(seen) == 5


def _left_pending(company: Any) -> ProspectingTask:
    """A started task whose queue entry went nowhere."""
    engagement = _engagement(company, lead_context())
    with override_settings(TASKS=DUMMY_TASKS):
        return prospecting.start_prospecting(
            iam_actor(company), "AWS", [engagement.public_id], "Lost"
        )


def test_the_sweep_runs_a_task_whose_worker_never_came() -> None:
    from allyport.pipeline.prospecting.runner import QUEUED_GRACE, recover_stalled

    company = make_company()[0]
    task = _left_pending(company)
    assert recover_stalled() == 0  # within its grace: the worker may be busy
    ProspectingTask.objects.filter(pk=task.pk).update(
        start_time=timezone.now() - QUEUED_GRACE - timedelta(minutes=1)
    )
    assert recover_stalled() == 1
    task.refresh_from_db()
    assert (task.status, task.completed_count) == ("COMPLETED", 1)


def test_the_sweep_resumes_a_task_whose_worker_stopped() -> None:
    from allyport.pipeline.prospecting.runner import STALLED_AFTER, recover_stalled

    company = make_company()[0]
    task = _left_pending(company)
    ProspectingTask.objects.filter(pk=task.pk).update(
        status="IN_PROGRESS", start_time=timezone.now() - STALLED_AFTER - timedelta(minutes=1)
    )
    assert recover_stalled() == 1
    task.refresh_from_db()
    assert (task.status, task.completed_count, task.failed_count) == ("COMPLETED", 1, 0)

"""Build > Offerings: list, create, edit, activate and deactivate, through the
solution services; what the page makes is what ListSolutions returns."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.audit.models import AuditEvent
from allyport.pipeline import services
from allyport.pipeline.models import Solution
from allyport.pipeline.tests.conftest import iam_actor, make_solution
from allyport.pipeline.tests.test_portal_support import field_errors, member, signed_in, text

pytestmark = pytest.mark.django_db
OFFERINGS = "/sell/offerings/"
NEW = "/sell/offerings/new/"


@pytest.fixture
def builder(company: Any) -> Any:
    return signed_in(member(company, "marketing_staff"))


def listed(company: Any, catalog: str = "AWS") -> list[dict[str, Any]]:
    page = services.list_solutions(iam_actor(company), catalog, {})
    return [services.solution_summary(solution) for solution in page.items]


def test_it_creates_an_offering_that_list_solutions_returns(company: Any, builder: Any) -> None:
    response = builder.post(
        NEW,
        {"catalog": "AWS", "name": "Octank Analytics", "category": "Software Product",
         "status": "Active"},
    )  # fmt: skip
    assert response["Location"] == OFFERINGS
    [summary] = listed(company)
    assert (summary["Name"], summary["Category"], summary["Status"]) == (
        "Octank Analytics", "Software Product", "Active",
    )  # fmt: skip
    assert summary["Id"] in text(builder.get(OFFERINGS))
    assert AuditEvent.objects.filter(event_name="CreateSolution").exists()


def test_it_creates_in_the_sandbox_catalog(company: Any, builder: Any) -> None:
    builder.post(
        NEW + "?catalog=Sandbox",
        {"catalog": "Sandbox", "name": "Trial", "category": "Consulting Service",
         "status": "Draft"},
    )  # fmt: skip
    assert listed(company) == []
    assert [s["Name"] for s in listed(company, "Sandbox")] == ["Trial"]
    assert "Trial" in text(builder.get(OFFERINGS, {"catalog": "Sandbox"}))
    assert "Trial" not in text(builder.get(OFFERINGS))


def test_it_shows_every_error_at_once_and_writes_nothing(builder: Any) -> None:
    response = builder.post(NEW, {"catalog": "AWS", "name": "", "category": "", "status": "Live"})
    assert set(field_errors(response)) == {"name", "category", "status"}
    assert not Solution.objects.exists()


def test_it_shows_the_services_refusal_next_to_the_field(builder: Any) -> None:
    response = builder.post(
        NEW,
        {"catalog": "AWS", "name": "X", "category": "Software Product", "status": "Draft",
         "aws_marketplace_solution_arn": "not-an-arn"},
    )  # fmt: skip
    assert field_errors(response) == {"aws_marketplace_solution_arn": ["This is not an ARN."]}
    assert not Solution.objects.exists()


def test_it_edits_an_offering(company: Any, builder: Any) -> None:
    solution = make_solution(company, status="Draft")
    edit = reverse("pipeline:offering_edit", args=[solution.public_id])
    page = builder.get(edit)
    assert page.context["form"]["name"].value() == "Analytics"
    response = builder.post(
        edit, {"name": "Analytics Pro", "category": "Managed Service", "status": "Active"}
    )
    assert response.status_code == 302
    [summary] = listed(company)
    assert (summary["Name"], summary["Category"], summary["Status"]) == (
        "Analytics Pro", "Managed Service", "Active",
    )  # fmt: skip


def test_it_activates_and_deactivates(company: Any, builder: Any) -> None:
    solution = make_solution(company, status="Draft")
    status = reverse("pipeline:offering_status", args=[solution.public_id])
    page = builder.get(OFFERINGS).content.decode()
    assert f"Activate {solution.name}" in page
    builder.post(status, {"status": "Active"})
    assert listed(company)[0]["Status"] == "Active"
    assert f"Deactivate {solution.name}" in builder.get(OFFERINGS).content.decode()
    response = builder.post(status, {"status": "Inactive"}, follow=True)
    assert listed(company)[0]["Status"] == "Inactive"
    assert f"{solution.name} is inactive." in text(response)
    assert builder.post(status, {"status": "Deleted"}).status_code == 404


def test_it_filters_offerings_by_status(company: Any, builder: Any) -> None:
    active = make_solution(company, name="Shown")
    make_solution(company, status="Draft", name="Hidden")
    response = builder.get(OFFERINGS, {"status": "Active"})
    assert [s.public_id for s in response.context["solutions"]] == [active.public_id]

"""The Tasks page is kept rendered per member and query string (core.fragments): it
must never show one company's or member's tasks to another, nor keep showing tasks
that changed, whoever changed them (a colleague, staff, the system's re-check)."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.services.roles import RoleChange, apply_role_changes
from allyport.core.fragments import CSRF_HOLE
from allyport.pipeline.tests.conftest import make_solution
from allyport.testing import csrf_browsers, kept_page_text, make_company, make_user, page_text
from allyport.worklist import selectors
from allyport.worklist.models import TaskDefinition
from allyport.worklist.services import catalogue
from allyport.worklist.services.recommend import checked_key
from allyport.worklist.services.tasks import assign_tasks, confirm_task, dismiss_task, submit_task

from .conftest import refresh, task_of

pytestmark = pytest.mark.django_db
SOLUTION_TAB = reverse("worklist:list") + "?type=solution&scope=all"
ACCOUNT_TAB = reverse("worklist:list") + "?type=account&scope=all"


def _page(client: Client, url: str = SOLUTION_TAB) -> str:
    return page_text(client, url)


def _warm(client: Client, url: str = SOLUTION_TAB) -> str:
    return kept_page_text(client, url)  # drawn (the re-check mark set) and kept by now


def _row(page: str, public_id: str) -> str:
    """The table row of one task."""
    found = re.search(rf"<tr>(?:(?!</tr>).)*{public_id}(?:(?!</tr>).)*</tr>", page)
    assert found is not None, public_id
    return found.group(0)


def _unmasked(page: str) -> str:
    """The page without its CSRF tokens (masked afresh on every request)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


@pytest.fixture
def offering(octank):  # type: ignore[no-untyped-def]
    solution = make_solution(octank, name="Lakehouse")
    refresh(octank)
    return solution


def test_a_repeat_view_draws_nothing(client_for, lead, offering, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    first = _warm(client)

    def drawn(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the kept page was drawn again")

    monkeypatch.setattr(selectors, "task_page", drawn)
    assert _unmasked(_page(client)) == _unmasked(first) and "Lakehouse" in first


def test_each_company_sees_its_own_tasks(client_for, lead, octank, offering) -> None:  # type: ignore[no-untyped-def]
    """Same roles, paths, stage and language: the page is still per company."""
    other_company, other_lead = make_company(
        "Northwind", domain="northwind.example", paths=["Software"], stage="Validated"
    )
    make_solution(other_company, name="Windmill")
    refresh(other_company)
    mine = task_of(octank, "market-gtm-plan", offering)
    assert "Lakehouse" in _warm(client_for(lead))
    other = client_for(other_lead)
    page = _warm(other)
    assert "Windmill" in page and "Lakehouse" not in page and mine.public_id not in page
    again = _page(client_for(lead))
    assert "Lakehouse" in again and "Windmill" not in again
    assert other.get(reverse("worklist:detail", args=[mine.public_id])).status_code == 404


def test_each_member_sees_their_own_tasks(client_for, lead, team, octank, offering) -> None:  # type: ignore[no-untyped-def]
    task = task_of(octank, "market-gtm-plan", offering)
    mine_url = reverse("worklist:list") + "?type=solution&scope=mine"
    assign_tasks(actors.for_user(lead), [task.public_id], team.public_id)
    assert task.public_id in _warm(client_for(team), mine_url)
    assert task.public_id not in _page(client_for(lead), mine_url)


def test_a_colleague_completing_a_task_shows_at_once(client_for, lead, team, octank, offering):  # type: ignore[no-untyped-def]
    task = task_of(octank, "market-gtm-plan", offering)
    client = client_for(lead)
    assert "Not started" in _row(_warm(client), task.public_id)
    colleague = actors.for_user(team)
    submit_task(colleague, task.public_id, {"plan": "https://octank.example/plan"})
    assert "Ready to confirm" in _row(_page(client), task.public_id)
    confirm_task(colleague, task.public_id)
    assert "Completed" in _row(_page(client), task.public_id)


def test_a_colleague_dismissing_a_task_shows_at_once(client_for, lead, team, octank, offering):  # type: ignore[no-untyped-def]
    task = task_of(octank, "market-badges", offering)
    assign_tasks(actors.for_user(lead), [task.public_id], team.public_id)
    client = client_for(lead)
    assert "Not started" in _row(_warm(client), task.public_id)
    dismiss_task(actors.for_user(team), task.public_id, "Another team builds this")
    row = _row(_page(client), task.public_id)
    assert "Dismissed" in row and "Another team builds this" in row


def test_a_new_assignee_shows_at_once(client_for, lead, team, octank, offering) -> None:  # type: ignore[no-untyped-def]
    team.first_name, team.last_name = "Tess", "Ramirez"
    team.save()
    task = task_of(octank, "market-gtm-plan", offering)
    client = client_for(lead)
    assert "Tess Ramirez" not in _row(_warm(client), task.public_id)
    assign_tasks(actors.for_user(lead), [task.public_id], team.public_id)
    assert "Tess Ramirez" in _row(_page(client), task.public_id)


def test_staffs_new_title_shows_at_once(client_for, lead, octank, offering) -> None:  # type: ignore[no-untyped-def]
    """Staff's catalogue edits carry no company: the catalogue has its own generation."""
    staff = Actor.for_staff(make_user(make_company()[0]))
    client = client_for(lead)
    assert "Write your go-to-market plan" in _warm(client)
    definition = TaskDefinition.objects.get(key="market-gtm-plan")
    definition.title = "Write the go-to-market plan"
    catalogue.save_definition(staff, definition)
    page = _page(client)
    assert "Write the go-to-market plan" in page and "Write your go-to-market plan" not in page


def test_the_systems_recheck_still_happens_and_shows(
    client_for, lead, octank, offering, monkeypatch
):  # type: ignore[no-untyped-def]
    """An offering added without an audited change of the company (here straight in the
    table) is found by the periodic re-check; in the next period the page is drawn
    again, which re-checks, and shows the new offering's tasks."""
    client = client_for(lead)
    assert "Lakehouse" in _warm(client)
    make_solution(octank, name="Streamline")
    assert "Streamline" not in _page(client)  # within the re-check period: as before
    # The period is over: its mark has lapsed and kept pages belong to the next one.
    cache.delete(checked_key(octank.pk))
    monkeypatch.setattr(selectors, "page_period", lambda: "next")
    assert "Streamline" in _page(client)
    assert cache.get(checked_key(octank.pk))


def test_a_system_recomputation_shows_at_once(client_for, lead, octank, offering) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    assert "Streamline" not in _warm(client)
    make_solution(octank, name="Streamline")
    refresh(octank)  # the maintenance sweep, or an opportunity's signal
    assert "Streamline" in _page(client)


def test_linked_work_the_system_sees_done_shows_at_once(client_for, lead, octank, offering):  # type: ignore[no-untyped-def]
    """The system marks linked work done without an audited change of the company: the
    worklist's own generation moves on."""
    task = task_of(octank, "market-free-tier", offering)
    client = client_for(lead)
    assert "Not started" in _row(_warm(client), task.public_id)
    type(offering).objects.filter(pk=offering.pk).update(
        aws_marketplace_solution_arn="arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/SaaSProduct/prod-1"
    )
    refresh(octank)
    assert "Ready to confirm" in _row(_page(client), task.public_id)


def test_a_member_who_loses_the_right_is_refused_as_before(client_for, lead, team, offering):  # type: ignore[no-untyped-def]
    client = client_for(team)
    assert "Lakehouse" in _warm(client)
    results = apply_role_changes(
        actors.for_user(lead),
        [RoleChange(team.public_id, add=("standard_user",), remove=("alliance_team",))],
    )
    assert all(result.ok for result in results)
    response = client.get(SOLUTION_TAB)
    assert response.status_code == 403
    assert "needs the alliance lead or alliance team role" in response.content.decode()
    own = _page(client, reverse("worklist:list") + "?type=solution")
    assert "Lakehouse" not in own and "Show all of the company" not in own


def test_each_filter_is_kept_apart(client_for, lead, team, octank, offering) -> None:  # type: ignore[no-untyped-def]
    task = task_of(octank, "market-badges", offering)
    client = client_for(lead)
    dismissed_url = SOLUTION_TAB + "&status=dismissed"
    assert task.public_id in _warm(client)
    assert "No tasks here." in _warm(client, dismissed_url)
    assign_tasks(actors.for_user(lead), [task.public_id], team.public_id)
    dismiss_task(actors.for_user(team), task.public_id, "Not ours")
    assert task.public_id in _page(client, dismissed_url)
    assert "Not started" not in _row(_page(client), task.public_id)


def test_a_kept_page_carries_each_browsers_own_csrf_token(lead, offering) -> None:  # type: ignore[no-untyped-def]
    first, second = csrf_browsers(lead)
    _warm(first, ACCOUNT_TAB)
    page = _page(second, ACCOUNT_TAB)
    assert CSRF_HOLE not in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    answer = second.post("/i18n/setlang/", {"language": "de", "csrfmiddlewaretoken": token})
    assert answer.status_code == 302
    refused = first.post("/i18n/setlang/", {"language": "de", "csrfmiddlewaretoken": token})
    assert refused.status_code == 403

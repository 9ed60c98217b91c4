"""The pages: the trio (sign-in required, another company's task is 404, a missing
role is 403 with its reason) and what people see. Every role may open its own tasks
and dismiss them (the access model's dismiss_task is "all"), so the 403s are the
company-wide view for roles without the summary right and the Assign task dialog for
anyone but the alliance lead."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from allyport.audit.services import COMPANY_SCOPE
from allyport.core import fragments
from allyport.core.models import Generation
from allyport.testing import make_company
from allyport.worklist import counts
from allyport.worklist.models import Task, TaskStatus

from .conftest import refresh, task_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def describe(octank) -> Task:
    refresh(octank)
    return task_of(octank, "describe-company")


def _text(response) -> str:
    return response.content.decode()


def test_pages_require_sign_in(client, describe):
    for url in (
        reverse("worklist:list"),
        reverse("worklist:detail", args=[describe.public_id]),
        reverse("worklist:dismiss", args=[describe.public_id]),
        reverse("worklist:assign"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    for name in ("worklist:submit", "worklist:confirm"):
        response = client.post(reverse(name, args=[describe.public_id]))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_companys_task_is_not_found(client_for, describe):
    other = client_for(make_company()[1])
    for name in ("worklist:detail", "worklist:dismiss"):
        response = other.get(reverse(name, args=[describe.public_id]))
        assert response.status_code == 404
    response = other.post(
        reverse("worklist:dismiss", args=[describe.public_id]), {"reason": "not ours"}
    )
    assert response.status_code == 404
    for name in ("worklist:submit", "worklist:confirm"):
        response = other.post(reverse(name, args=[describe.public_id]), {"description": "x"})
        assert response.status_code == 404
    response = other.post(reverse("worklist:assign"), {"task": describe.public_id, "assignee": "x"})
    assert response.status_code == 404
    assert Task.objects.get(pk=describe.pk).status == TaskStatus.OPEN


def test_company_view_needs_the_summary_right(client_for, standard, describe):
    response = client_for(standard).get(reverse("worklist:list") + "?scope=all")
    assert response.status_code == 403
    assert "needs the alliance lead or alliance team role" in _text(response)


def test_assign_dialog_needs_the_alliance_lead(client_for, team, describe):
    response = client_for(team).get(reverse("worklist:assign") + f"?task={describe.public_id}")
    assert response.status_code == 403
    assert "needs the alliance lead role" in _text(response)


def test_the_tasks_page_has_a_tab_per_type_and_lists_tasks(client_for, lead, describe):
    response = client_for(lead).get(reverse("worklist:list"))
    text = _text(response)
    for tab in ("Account tasks", "Solution tasks", "Program tasks"):
        assert tab in text
    assert "Add a company description" in text and "Change assignee" in text
    program = client_for(lead).get(reverse("worklist:list") + "?type=program")
    assert "Join the co-selling program (ACE)" in _text(program)


def test_a_standard_user_sees_only_their_tasks_and_no_assign_button(client_for, standard, describe):
    text = _text(client_for(standard).get(reverse("worklist:list")))
    assert "Add a company description" not in text and "No tasks here." in text
    assert "Change assignee" not in text


def test_complete_a_form_task_then_confirm(client_for, lead, describe):
    client = client_for(lead)
    url = reverse("worklist:detail", args=[describe.public_id])
    page = _text(client.get(url))
    assert "Company description" in page and "Submit" in page and "Dismiss task" in page
    refused = client.post(reverse("worklist:submit", args=[describe.public_id]), {"website": "bad"})
    assert refused.status_code == 400
    assert "Fill in this field." in _text(refused) and "Enter an address" in _text(refused)
    client.post(reverse("worklist:submit", args=[describe.public_id]),
                {"description": "We build data lakes."})  # fmt: skip
    page = _text(client.get(url))
    assert "Ready to confirm" in page and "We build data lakes." in page
    done = client.post(reverse("worklist:confirm", args=[describe.public_id]), follow=True)
    assert "The task is completed." in _text(done) and "Completed on" in _text(done)


def test_dismiss_with_a_reason_without_javascript(client_for, lead, standard, describe):
    from allyport.access import actor as actors
    from allyport.worklist.services.tasks import assign_tasks

    assign_tasks(actors.for_user(lead), [describe.public_id], standard.public_id)
    client = client_for(standard)
    url = reverse("worklist:dismiss", args=[describe.public_id])
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400 and "This field is required." in _text(refused)
    done = client.post(url, {"reason": "Not my area"}, follow=True)
    assert "The task went back to your alliance lead." in _text(done)
    assert "Add a company description" not in _text(done)
    lead_view = _text(client_for(lead).get(reverse("worklist:list") + "?status=dismissed"))
    assert "Not my area" in lead_view


def test_change_assignee_searches_users_by_name_and_confirms(client_for, lead, team, describe):
    team.first_name, team.last_name = "Tess", "Ramirez"
    team.save()
    client = client_for(lead)
    dialog = _text(client.get(reverse("worklist:assign") + f"?task={describe.public_id}&q=ramirez"))
    assert "Tess Ramirez" in dialog and f'value="{lead.public_id}"' not in dialog
    mail.outbox.clear()
    chosen = {"task": describe.public_id, "assignee": team.public_id}
    done = client.post(reverse("worklist:assign"), chosen, follow=True)
    assert "1 tasks assigned." in _text(done)
    assert Task.objects.get(pk=describe.pk).assignee == team
    assert any(team.email in m.to for m in mail.outbox)


def test_home_shows_the_tasks_section_to_lead_and_team_only(client_for, lead, standard, octank):
    text = _text(client_for(lead).get("/"))
    assert "View tasks" in text and "Account tasks" in text
    assert "View tasks" not in _text(client_for(standard).get("/"))


def test_every_member_has_the_my_tasks_menu(client_for, standard, octank):
    text = _text(client_for(standard).get(reverse("accounts:profile")))
    assert "My tasks" in text
    assert reverse("worklist:list") + "?type=solution&amp;scope=mine" in text


def test_home_counts_the_tasks_assigned_to_the_member(client_for, lead, team, describe):
    from allyport.access import actor as actors
    from allyport.worklist.services.tasks import assign_tasks

    assign_tasks(actors.for_user(lead), [describe.public_id], team.public_id)
    text = _text(client_for(team).get("/"))
    assert 'aria-label="1 account tasks"' in text and "Add a company description" in text


def test_home_counts_follow_changes_though_cached(client_for, lead, team, describe):
    from allyport.access import actor as actors
    from allyport.worklist.services.tasks import assign_tasks, dismiss_task

    client = client_for(team)
    assert 'aria-label="0 account tasks"' in _text(client.get("/"))
    assign_tasks(actors.for_user(lead), [describe.public_id], team.public_id)
    assert 'aria-label="1 account tasks"' in _text(client.get("/"))
    dismiss_task(actors.for_user(team), describe.public_id, "Not mine")
    assert 'aria-label="0 account tasks"' in _text(client.get("/"))


def test_a_linked_task_sees_its_work_done_then_is_confirmed(client_for, lead, octank, describe):
    from allyport.access import actor as actors
    from allyport.pipeline import services as pipeline

    client = client_for(lead)
    task = task_of(octank, "create-offering")
    url = reverse("worklist:detail", args=[task.public_id])
    page = _text(client.get(url))
    assert "Not started" in page and 'href="/sell/offerings/new/"' in page
    assert ">Confirm<" not in page
    pipeline.create_solution(
        actors.for_user(lead), "AWS", {"name": "Lake", "category": "Software Product"}
    )
    page = _text(client.get(url))
    assert "Ready to confirm" in page and ">Confirm<" in page
    done = client.post(reverse("worklist:confirm", args=[task.public_id]), follow=True)
    assert "The task is completed." in _text(done)


def _spy_cache_reads(monkeypatch) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """The keys of each outer cache read from now on (one entry per round trip)."""
    from django.core.cache import cache

    reads: list[tuple[str, ...]] = []
    inside = []  # the local-memory cache answers get_many with get: count the outer call

    for method in ("get", "get_many", "get_or_set"):
        real = getattr(cache, method)

        def spy(key, *args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            if not inside:
                reads.append(tuple(key) if isinstance(key, list) else (key,))
            inside.append(1)
            try:
                return _real(key, *args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(cache, method, spy)
    return reads


def test_home_reads_tasks_and_feeds_in_few_cache_round_trips(
    client_for, lead, describe, monkeypatch
):
    """Rendering the home content: each round trip to the shared cache costs the page
    as much as a panel: the task mark and generation in one, both counts in one, both
    feeds in one."""
    from django.core.cache import cache

    client = client_for(lead)
    client.get("/")  # fills the counts and feeds
    # The local-memory cache's own keys are ":<version>:<key>".
    kept = [key.split(":", 2)[2] for key in cache._cache if "home:page:" in key]  # type: ignore[attr-defined]
    assert kept
    cache.delete_many(kept)
    fragments.forget_kept()
    reads = _spy_cache_reads(monkeypatch)
    text = _text(client.get("/"))
    assert 'aria-label="Task counts by status"' in text and "Partner news" in text
    touched = [keys for keys in reads if any("worklist:" in k or "feed" in k for k in keys)]
    assert len(touched) == 3, touched


def test_home_content_once_rendered_costs_no_round_trip_of_its_own(client_for, lead, monkeypatch):
    """Every generation the kept home page depends on (the company's, its tasks', the
    feeds') comes with the session in the one query of being signed in, and the page
    from this process's memory: no cache read, no other query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(lead)
    client.get("/")
    client.get("/")  # the first view re-checks the tasks, which may move them on
    for scope in (COMPANY_SCOPE, counts.SCOPE):  # rows read with the session
        assert Generation.objects.filter(key=fragments.generation_key(scope, lead.company_id),
                                         company_id=lead.company_id).exists()  # fmt: skip
    reads = _spy_cache_reads(monkeypatch)
    with CaptureQueriesContext(connection) as queries:
        text = _text(client.get("/"))
    assert 'aria-label="Task counts by status"' in text and "Partner news" in text
    assert reads == []
    assert len(queries) == 1, [query["sql"] for query in queries]

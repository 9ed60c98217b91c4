"""Tasks in the browser, as the guide's procedures go: the lead views the summary on
the home page, completes a task's form and confirms it, reassigns a task to a
teammate found by name; the teammate opens it from My tasks and dismisses it with a
reason, and it is back with the lead."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.testing import make_company, make_user
from allyport.worklist.catalogue import load
from allyport.worklist.models import GrowthRule, Task, TaskDefinition, TaskStatus
from allyport.worklist.services.recommend import refresh_company
from e2e.helpers import sign_in

pytestmark = pytest.mark.browser


def test_lead_completes_confirms_and_reassigns_and_the_teammate_dismisses(new_page) -> None:  # type: ignore[no-untyped-def]
    load(TaskDefinition, GrowthRule)  # an earlier live-server test may have emptied it
    company = make_company("Octank", domain="octank.example", paths=["Software"])[0]
    teammate = make_user(company, "alliance_team", email="tess@octank.example")
    User.objects.filter(pk=teammate.pk).update(first_name="Tess", last_name="Ramirez")
    refresh_company(Actor.system(), company, force=True)

    page: Page = new_page()
    sign_in(page, "lead@octank.example")
    tasks = page.get_by_role("region", name="Tasks")
    expect(tasks.get_by_role("link", name="account tasks")).to_be_visible()
    # Complete: the form, Submit, then Confirm.
    tasks.get_by_role("link", name="View tasks").click()
    page.get_by_role("link", name="Add a company description").click()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("alert")).to_contain_text("Correct the field")
    page.get_by_label("Company description").fill("We build data lakes on AWS.")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Ready to confirm")).to_be_visible()
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("The task is completed.")).to_be_visible()
    # Reassign: select a task, Change assignee, search by name, Confirm.
    page.get_by_role("link", name="Tasks", exact=True).first.click()
    page.get_by_role("checkbox", name="Select Invite your team").check()
    page.get_by_role("button", name="Change assignee").click()
    page.get_by_label("Search for a user by name").fill("Ramirez")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Tess Ramirez · tess@octank.example").check()
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("1 tasks assigned.")).to_be_visible()

    # The teammate: My tasks > Account tasks, the task, Dismiss task with a reason.
    other: Page = new_page()
    sign_in(other, "tess@octank.example")
    other.get_by_text("My tasks", exact=True).click()
    other.get_by_role("link", name="Account tasks", exact=True).click()
    other.get_by_role("link", name="Invite your team").click()
    other.locator("summary", has_text="Dismiss task").click()
    other.get_by_label("Reason for your alliance lead").fill("Our lead invites people")
    other.get_by_role("button", name="Dismiss task").click()
    expect(other.get_by_text("The task went back to your alliance lead.")).to_be_visible()
    expect(other.get_by_role("link", name="Invite your team")).to_have_count(0)
    task = Task.objects.get(company=company, definition__key="invite-team")
    assert task.status == TaskStatus.DISMISSED and task.assignee.email == "lead@octank.example"

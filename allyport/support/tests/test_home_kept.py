"""The Partner Support page is kept rendered per member and query string
(core.fragments): it must never show one company's or member's cases to another, nor
keep showing cases or articles that changed, whoever changed them (a colleague, staff)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.accounts.services.roles import RoleChange, apply_role_changes
from allyport.core.fragments import CSRF_HOLE
from allyport.support import selectors, services
from allyport.support.models import Article, SupportCase
from allyport.support.tests.conftest import open_case
from allyport.testing import csrf_browsers, kept_page_text, make_user, page_text

pytestmark = pytest.mark.django_db
HOME = reverse("support:home")


def _page(client: Client, url: str = HOME) -> str:
    return page_text(client, url)


def _warm(client: Client, url: str = HOME) -> str:
    return kept_page_text(client, url)


def _section(page: str, heading_id: str) -> str:
    """One section of the page: open-cases, previous-cases or articles-heading."""
    return page.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def _row(page: str, case: SupportCase) -> str:
    found = re.search(rf"<tr>(?:(?!</tr>).)*{case.case_id}(?:(?!</tr>).)*</tr>", page)
    assert found is not None, case.case_id
    return found.group(0)


@pytest.fixture
def staff(db: None) -> Actor:
    user = User.objects.create_user(email="agent@allyport.example", password="x", is_staff=True)
    return Actor.for_staff(user)


def test_a_repeat_view_draws_nothing(lead, client_for, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    open_case(lead, subject="Billing question")
    client = client_for(lead)
    first = _warm(client)

    def drawn(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the kept page was drawn again")

    monkeypatch.setattr(selectors, "case_page", drawn)
    unmasked = r'name="csrfmiddlewaretoken" value="[^"]+"'
    assert re.sub(unmasked, "", _page(client)) == re.sub(unmasked, "", first)
    assert "Billing question" in first


def test_each_company_sees_its_own_cases(lead, outsider, client_for) -> None:  # type: ignore[no-untyped-def]
    """Same roles (each an alliance lead) and language: the page is still per company."""
    ours = open_case(lead, subject="Octank billing")
    open_case(outsider, subject="Northwind billing")
    assert "Octank billing" in _warm(client_for(lead))
    other = client_for(outsider)
    page = _warm(other)
    assert "Northwind billing" in page and "Octank billing" not in page
    assert ours.case_id not in page
    again = _page(client_for(lead))
    assert "Octank billing" in again and "Northwind billing" not in again
    assert other.get(reverse("support:case", args=[ours.case_id])).status_code == 404


def test_each_member_sees_their_own_cases(member, lead, client_for) -> None:  # type: ignore[no-untyped-def]
    open_case(lead, subject="Lead question")
    open_case(member, subject="Member question")
    assert "Lead question" in _warm(client_for(lead))
    page = _warm(client_for(member))
    assert "Member question" in page and "Lead question" not in page


def test_a_colleagues_new_case_shows_at_once(member, lead, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    assert "Renewal date" not in _warm(client)
    open_case(member, subject="Renewal date")
    assert "Renewal date" in _section(_page(client), "open-cases")


def test_a_staff_reply_and_resolution_show_at_once(member, client_for, staff) -> None:  # type: ignore[no-untyped-def]
    case = open_case(member, subject="Invoice copy")
    client = client_for(member)
    assert ">Open<" in _row(_warm(client), case)
    services.add_message(staff, case, "Here is the copy.")
    assert "Pending partner action" in _row(_page(client), case)
    services.resolve_case(staff, case)
    page = _page(client)
    assert case.case_id not in _section(page, "open-cases")
    assert "Resolved" in _row(_section(page, "previous-cases"), case)


def test_the_members_own_reply_resolve_and_reopen_show_at_once(member, client_for) -> None:  # type: ignore[no-untyped-def]
    case = open_case(member, subject="Invoice copy")
    client = client_for(member)
    _warm(client)
    case_url = reverse("support:case", args=[case.case_id])
    client.post(reverse("support:resolve", args=[case.case_id]))
    _page(client, case_url)  # shows the message, once
    assert case.case_id in _section(_page(client), "previous-cases")
    client.post(reverse("support:reopen", args=[case.case_id]))
    _page(client, case_url)
    assert case.case_id in _section(_page(client), "open-cases")


def test_a_published_article_shows_at_once(
    member, client_for, staff, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    """Staff's articles carry no company: the articles have their own generation."""
    client = client_for(member)
    assert "Reading your invoice" not in _warm(client)
    article = Article(slug="reading-invoices", title="Reading your invoice", body="Lines.")
    article.published = True
    with django_capture_on_commit_callbacks(execute=True):  # as committed
        services.save_article(staff, article)
    assert "Reading your invoice" in _section(_page(client), "articles-heading")


def test_each_page_of_a_list_is_kept_apart(member, client_for) -> None:  # type: ignore[no-untyped-def]
    cases = [open_case(member, subject=f"Question {n}") for n in range(selectors.PAGE + 1)]
    client = client_for(member)
    first = _warm(client)
    second = _warm(client, HOME + f"?open_before={cases[1].id}")
    assert cases[0].case_id in second and cases[-1].case_id not in second
    assert cases[-1].case_id in first and cases[0].case_id not in first


def test_a_member_who_loses_the_team_role_sees_only_their_cases(member, lead, client_for):  # type: ignore[no-untyped-def]
    colleague_case = open_case(member, subject="Colleague question")
    teammate = make_user(lead.company, "alliance_team")
    client = client_for(teammate)
    assert "Colleague question" in _warm(client)
    results = apply_role_changes(
        actors.for_user(lead),
        [RoleChange(teammate.public_id, add=("standard_user",), remove=("alliance_team",))],
    )
    assert all(result.ok for result in results)
    page = _page(client)
    assert "Colleague question" not in page and "You see the cases you opened." in page
    refused = client.get(reverse("support:case", args=[colleague_case.case_id]))
    assert refused.status_code == 403


def test_a_kept_page_carries_each_browsers_own_csrf_token(lead) -> None:  # type: ignore[no-untyped-def]
    first, second = csrf_browsers(lead)
    _warm(first)
    page = _page(second)
    assert CSRF_HOLE not in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    answer = second.post("/i18n/setlang/", {"language": "de", "csrfmiddlewaretoken": token})
    assert answer.status_code == 302
    refused = first.post("/i18n/setlang/", {"language": "de", "csrfmiddlewaretoken": token})
    assert refused.status_code == 403

"""The Users tab: filters, search, pages, query counts; the access review CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from allyport.accounts.models import Company, User
from allyport.accounts.views.users.listing import safe_cell
from allyport.testing import make_user


def _emails(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {row.user.email for row in response.context["rows"]}


def test_it_lists_users_with_roles_status_and_last_sign_in(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    ace = make_user(company, "ace_manager", "technical_staff", email="ace@octank.example")
    User.objects.filter(pk=ace.pk).update(
        last_login=timezone.now().replace(year=2024, month=3, day=5)
    )
    body = client_for(lead).get(reverse("users:list")).content.decode()
    assert "ace@octank.example" in body
    assert "Technical staff, ACE manager" in body  # the access model's order
    assert "2024-03-05" in body
    assert "Active" in body
    assert reverse("users:access_review") in body


def test_it_filters_by_role_status_and_search(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    make_user(company, "ace_manager", email="ana.ace@octank.example")
    gone = make_user(company, "ace_manager", email="bo@octank.example")
    User.objects.filter(pk=gone.pk).update(status=User.Status.DEACTIVATED)
    named = make_user(company, "standard_user", email="c@octank.example")
    User.objects.filter(pk=named.pk).update(first_name="Carmen", last_name="Diaz")
    client = client_for(lead)
    url = reverse("users:list")
    assert _emails(client.get(url, {"role": "ace_manager"})) == {
        "ana.ace@octank.example",
        "bo@octank.example",
    }
    assert _emails(client.get(url, {"role": "ace_manager", "status": "active"})) == {
        "ana.ace@octank.example"
    }
    assert _emails(client.get(url, {"q": "carmen diaz"})) == {"c@octank.example"}
    assert _emails(client.get(url, {"q": "ANA.ACE"})) == {"ana.ace@octank.example"}


def test_it_pages_by_50_keeping_the_filters(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    for n in range(55):
        make_user(company, "ace_user", email=f"p{n:02}@octank.example")
    client = client_for(lead)
    first = client.get(reverse("users:list"), {"role": "ace_user"})
    assert len(first.context["rows"]) == 50
    assert "role=ace_user&amp;page=2" in first.content.decode()
    second = client.get(reverse("users:list"), {"role": "ace_user", "page": 2})
    assert len(second.context["rows"]) == 5


def _grow(company: Company, n: int) -> None:
    for _ in range(n):
        make_user(company, "ace_user", "technical_staff")


def test_it_makes_the_same_number_of_queries_for_3_or_60_users(
    company: Company, lead: User, client_for, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    _grow(company, 3)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("users:list")).status_code == 200
    _grow(company, 57)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("users:list"))
    assert len(response.context["rows"]) == 50
    assert len(few.captured_queries) <= 12


def test_it_streams_the_access_review_with_idle_users_flagged(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    now = timezone.now()
    idle = make_user(company, "ace_user", email="idle@octank.example")
    never = make_user(company, "ace_user", email="never@octank.example")
    fresh = make_user(company, "ace_user", email="fresh@octank.example")
    User.objects.filter(pk=idle.pk).update(last_login=now - timedelta(days=91))
    User.objects.filter(pk=never.pk).update(last_login=None, date_joined=now - timedelta(days=120))
    User.objects.filter(pk=fresh.pk).update(
        last_login=now - timedelta(days=89), date_joined=now - timedelta(days=400)
    )
    response = client_for(lead).get(reverse("users:access_review"))
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    by_email = {row["email"]: row for row in rows}
    assert list(rows[0]) == [
        "email",
        "name",
        "roles",
        "status",
        "last_sign_in",
        "idle_over_90_days",
    ]
    assert by_email["idle@octank.example"]["idle_over_90_days"] == "yes"
    assert by_email["never@octank.example"]["idle_over_90_days"] == "yes"
    assert by_email["never@octank.example"]["last_sign_in"] == ""
    assert by_email["fresh@octank.example"]["idle_over_90_days"] == "no"
    assert by_email["lead@octank.example"]["roles"] == "Alliance lead"


def test_it_guards_the_access_review_against_formulas(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    evil = make_user(company, "ace_user")
    User.objects.filter(pk=evil.pk).update(first_name='=HYPERLINK("http://x")', last_name="")
    body = b"".join(client_for(lead).get(reverse("users:access_review")).streaming_content).decode(
        "utf-8-sig"
    )
    row = next(r for r in csv.DictReader(io.StringIO(body)) if r["email"] == evil.email)
    assert row["name"] == '\'=HYPERLINK("http://x")'


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"])
def test_it_quotes_cells_that_start_like_a_formula(value: str) -> None:
    assert safe_cell(value) == "'" + value


def test_it_leaves_ordinary_cells_alone() -> None:
    assert safe_cell("Ana Silva") == "Ana Silva"
    assert safe_cell(None) == ""

"""Role limits and the single alliance lead hold under simultaneous requests
(threads against PostgreSQL: the company row lock serialises them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, connection, transaction

from allyport.access import actor as actors
from allyport.access.decisions import PermissionDenied
from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, User
from allyport.accounts.services.roles import RoleChange, apply_role_changes, reassign_alliance_lead
from allyport.testing import PASSWORD, make_company, run_at_once

LIMIT_REASON = "Alliance team is limited to 20 users per company"


def _skip_unless_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


def bulk_users(company: Company, prefix: str, count: int, role: str) -> list[User]:
    """Users without a hash per user: one precomputed password hash for all."""
    domain = company.domains.get().domain
    password = make_password(PASSWORD)
    users = User.objects.bulk_create(
        [User(email=f"{prefix}{n}@{domain}", company=company, password=password)
         for n in range(count)]
    )  # fmt: skip
    users = list(User.objects.filter(email__startswith=prefix, company=company))
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(company=company, user=user, role=role) for user in users]
    )
    return users


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_keeps_20_alliance_team_members_under_40_simultaneous_additions() -> None:
    _skip_unless_postgres()
    company, lead = make_company(domain="crowded.example")
    bulk_users(company, "team", 15, "alliance_team")
    candidates = bulk_users(company, "std", 40, "standard_user")
    actor = actors.for_user(lead)

    def adder(user: User) -> Callable[[], Any]:
        return lambda: apply_role_changes(
            actor, [RoleChange(user.public_id, add=("alliance_team",))]
        )

    outcomes = run_at_once([adder(user) for user in candidates])
    results = [outcome[0] for outcome in outcomes]  # an exception here fails the test
    assert sum(result.ok for result in results) == 5
    refused = [result for result in results if not result.ok]
    assert len(refused) == 35
    assert {result.reason for result in refused} == {LIMIT_REASON}
    assert RoleAssignment.objects.filter(company=company, role="alliance_team").count() == 20


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_keeps_one_lead_under_two_simultaneous_reassignments() -> None:
    _skip_unless_postgres()
    company, lead = make_company(domain="handover.example")
    first, second = bulk_users(company, "heir", 2, "standard_user")
    actor = actors.for_user(lead)
    outcomes = run_at_once(
        [lambda u=u: reassign_alliance_lead(actor, u.public_id, "confirm") for u in (first, second)]
    )
    assert sorted(type(outcome).__name__ for outcome in outcomes) == [
        "NoneType",
        "PermissionDenied",
    ]
    refused = next(o for o in outcomes if isinstance(o, PermissionDenied))
    assert "alliance lead" in str(refused)
    leads = list(RoleAssignment.objects.filter(company=company, role="alliance_lead"))
    assert len(leads) == 1
    assert leads[0].user_id in {first.pk, second.pk}
    assert set(RoleAssignment.objects.filter(user=lead).values_list("role", flat=True)) == {
        "alliance_team"
    }


@pytest.mark.django_db
def test_it_refuses_a_second_lead_in_the_database(company, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(company=company, user=member, role="alliance_lead")
    assert RoleAssignment.objects.filter(company=company, role="alliance_lead").count() == 1

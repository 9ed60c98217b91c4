"""Two linking attempts at once leave one link (threads against PostgreSQL:
the company row lock and the unique constraints serialise them)."""

from __future__ import annotations

import pytest

from allyport.access.actor import for_user
from allyport.accounts.models import User
from allyport.accounts.tests.test_role_concurrency import _skip_unless_postgres
from allyport.cloud.models import IamRole
from allyport.core.errors import ChangeRefused
from allyport.marketplace import testing
from allyport.marketplace.models import AccountLink
from allyport.marketplace.services.linking import LinkChoices, link_account
from allyport.testing import make_company, run_at_once


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_leaves_one_link_when_a_company_links_two_accounts_at_once() -> None:
    _skip_unless_postgres()
    company, lead = make_company()
    accounts = [testing.seller_account(), testing.seller_account()]
    outcomes = run_at_once(
        [
            lambda user=user: link_account(
                for_user(User.objects.get(pk=lead.pk)), user, LinkChoices()
            )
            for user in accounts
        ]
    )
    assert AccountLink.objects.filter(company=company).count() == 1
    assert sum(isinstance(o, AccountLink) for o in outcomes) == 1
    assert sum(isinstance(o, ChangeRefused) for o in outcomes) == 1
    linked = AccountLink.objects.get().account
    # The refused attempt rolled back whole: no roles were left in its account.
    other = next(a.account for a in accounts if a.account != linked)
    assert not IamRole.objects.filter(account=other).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_leaves_one_link_when_two_companies_link_one_account_at_once() -> None:
    _skip_unless_postgres()
    leads = [make_company()[1], make_company()[1]]
    iam_user = testing.seller_account()
    outcomes = run_at_once(
        [
            lambda lead=lead: link_account(
                for_user(User.objects.get(pk=lead.pk)), iam_user, LinkChoices()
            )
            for lead in leads
        ]
    )
    assert AccountLink.objects.count() == 1
    assert sum(isinstance(o, ChangeRefused) for o in outcomes) == 1

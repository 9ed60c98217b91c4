"""Factories for marketplace tests: a seller account whose IAM user holds the
guide's PartnerAccountManagement policy, and a company linked to it."""

from __future__ import annotations

import itertools
import json

from allyport.access.actor import for_user, system
from allyport.accounts.models import Company, User
from allyport.cloud import services as cloud
from allyport.cloud.guide import guide_policy
from allyport.cloud.models import CloudAccount, IamUser
from allyport.marketplace.models import AccountLink
from allyport.marketplace.services.linking import LinkChoices, link_account
from allyport.testing import PASSWORD

_counter = itertools.count(1)


def seller_account(legal_name: str = "Octank Seller LLC", policy: str | None = None) -> IamUser:
    """A cloud account (a seller when legal_name is given) and its IAM user `linker`,
    allowed exactly what the guide's PartnerAccountManagement policy allows (or `policy`)."""
    n = next(_counter)
    account = CloudAccount.objects.create(alias=f"seller-{n}", seller_legal_name=legal_name)
    user = cloud.create_user(system(), account, "linker", PASSWORD)
    document = policy if policy is not None else guide_policy("partner-account-management")
    cloud.put_inline_policy(system(), user, "PartnerAccountManagement", document)
    return user


def link(lead: User, iam_user: IamUser | None = None, **choices: object) -> AccountLink:
    """Link the lead's company through the service, as the linking steps do."""
    iam_user = iam_user or seller_account()
    return link_account(for_user(lead, "192.0.2.10", "pytest"), iam_user, LinkChoices(**choices))  # type: ignore[arg-type]


def company_of(user: User) -> Company:
    assert user.company is not None
    return user.company


def policy_json(document: dict) -> str:
    return json.dumps(document)

"""Create an IAM user with an access key for a partner company's API client; prints JSON.

The company's cloud account is linked first when it is not (as an operator
would), then the user is created in it with the named managed policies, all as
the system actor, in one transaction.
"""

from __future__ import annotations

import secrets
import string
from typing import Any

from django.core.management.base import CommandParser
from django.db import transaction

from allyport.access.actor import system
from allyport.accounts.domains import company_for_domain
from allyport.cloud import managed, services
from allyport.cloud.models import CloudAccount, IamUser
from allyport.core.commands import JsonCommand
from allyport.core.errors import ChangeRefused
from allyport.marketplace.models import AccountLink
from allyport.marketplace.services.linking import link_for_operator

_NAME_ALPHABET = string.ascii_lowercase + string.digits


def _known(account: CloudAccount | None) -> dict[str, str]:
    """Policy name to ARN: the AWS managed catalogue and the account's own policies."""
    known = {name: policy.arn for name, policy in managed.managed_policies().items()}
    if account is not None:
        known.update({policy.name: policy.arn for policy in account.policies.all()})
    return known


def _policy_arns(account: CloudAccount | None, names: list[str]) -> list[str]:
    known = _known(account)
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ChangeRefused(
            f"unknown policy: {', '.join(unknown)}; known policies: {', '.join(sorted(known))}"
        )
    return [known[name] for name in names]


def _new_user_name(account: CloudAccount) -> str:
    while True:
        name = "api-" + "".join(secrets.choice(_NAME_ALPHABET) for _ in range(6))
        if not IamUser.objects.filter(account=account, name=name).exists():
            return name


class Command(JsonCommand):
    help = "Create an IAM user with managed policies and an access key for a company; prints JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--company", required=True, help="one of the company's domains")
        parser.add_argument(
            "--policy", action="append", required=True, help="a managed policy name; repeatable"
        )

    def answer(self, **opts: Any) -> dict[str, str]:
        company = company_for_domain(opts["company"])
        if company is None:
            raise ChangeRefused(f"no company is registered for {opts['company']}")
        existing = AccountLink.objects.filter(company=company).select_related("account").first()
        # Checked before linking, so a typo links nothing.
        _policy_arns(existing.account if existing else None, opts["policy"])
        with transaction.atomic():
            account = link_for_operator(company).account
            return self._create(account, _policy_arns(account, opts["policy"]))

    def _create(self, account: CloudAccount, arns: list[str]) -> dict[str, str]:
        actor = system()
        user = services.create_user(actor, account, _new_user_name(account))
        for arn in arns:
            services.attach_policy(actor, user, arn)
        key, secret = services.create_access_key(actor, user)
        return {
            "AccountId": account.account_id,
            "UserName": user.name,
            "AccessKeyId": key.access_key_id,
            "SecretAccessKey": secret,
        }

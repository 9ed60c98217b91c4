"""Create an IAM user with an access key for a partner company's API client; prints JSON.

The company's cloud account is linked first when it is not (as an operator
would), then the user is created in it with the named managed policies, all as
the system actor, in one transaction.
"""

from __future__ import annotations

import json
import secrets
import string
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from allyport.access.actor import system
from allyport.accounts.domains import company_for_domain
from allyport.cloud import managed, services
from allyport.cloud.models import CloudAccount, IamUser
from allyport.core.errors import ChangeRefused
from allyport.marketplace.models import AccountLink
from allyport.marketplace.services.linking import link_for_operator

BAD_INPUT = 2
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
        raise CommandError(
            f"unknown policy: {', '.join(unknown)}; known policies: {', '.join(sorted(known))}",
            returncode=BAD_INPUT,
        )
    return [known[name] for name in names]


def _new_user_name(account: CloudAccount) -> str:
    while True:
        name = "api-" + "".join(secrets.choice(_NAME_ALPHABET) for _ in range(6))
        if not IamUser.objects.filter(account=account, name=name).exists():
            return name


class Command(BaseCommand):
    help = "Create an IAM user with managed policies and an access key for a company; prints JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--company", required=True, help="one of the company's domains")
        parser.add_argument(
            "--policy", action="append", required=True, help="a managed policy name; repeatable"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        company = company_for_domain(opts["company"])
        if company is None:
            raise CommandError(
                f"no company is registered for {opts['company']}", returncode=BAD_INPUT
            )
        existing = AccountLink.objects.filter(company=company).select_related("account").first()
        # Checked before linking, so a typo links nothing.
        _policy_arns(existing.account if existing else None, opts["policy"])
        try:
            with transaction.atomic():
                account = link_for_operator(company).account
                arns = _policy_arns(account, opts["policy"])
                output = self._create(account, arns)
        except ChangeRefused as refused:
            raise CommandError(refused.reason, returncode=BAD_INPUT) from refused
        self.stdout.write(json.dumps(output, indent=2))

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

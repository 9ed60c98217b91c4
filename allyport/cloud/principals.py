"""IAM principals of the embedded cloud: their policies, their decisions, their identity.

`IamPrincipal` is what acts in the cloud account: an IAM user (console sign-in
or access key) or a session of an IAM role (what Allyport assumes to map users,
as the guide's log examples show). `check()` asks the policy evaluator.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from allyport.cloud import managed
from allyport.cloud.models import CloudAccount, CustomerPolicy, IamRole, IamUser
from allyport.cloud.policy import Policy, Request, Result, evaluate, parse_policy

SERVICE = "partnercentral-account-management.amazonaws.com"


@lru_cache(maxsize=2048)
def _compiled(document_json: str) -> Policy:
    return parse_policy(document_json)


def compile_document(document: Mapping[str, Any]) -> Policy:
    """Parse once per distinct document: documents are stored already validated."""
    return _compiled(json.dumps(document, sort_keys=True))


def _attached_documents(account: CloudAccount, arns: list[str]) -> list[tuple[str, dict]]:
    documents: list[tuple[str, dict]] = []
    customer_arns = []
    for arn in arns:
        try:
            documents.append((arn, managed.managed_policy(arn).default_document))
        except KeyError:
            customer_arns.append(arn)
    prefix = f"arn:aws:iam::{account.account_id}:policy/"
    names = [arn.removeprefix(prefix) for arn in customer_arns if arn.startswith(prefix)]
    for policy in CustomerPolicy.objects.filter(account=account, name__in=names):
        documents.append((policy.arn, policy.document))
    return documents


def policies_of(identity: IamUser | IamRole) -> list[tuple[str, Policy]]:
    """The identity's managed (AWS and customer) and inline policies, compiled."""
    arns = list(identity.attachments.values_list("policy_arn", flat=True))
    documents = _attached_documents(identity.account, arns)
    documents += [(p.name, p.document) for p in identity.inline_policies.all()]
    return [(name, compile_document(document)) for name, document in documents]


@dataclass(frozen=True)
class IamPrincipal:
    account: CloudAccount
    user: IamUser | None = None
    role: IamRole | None = None
    access_key_id: str = ""
    invoked_by: str = ""  # the service that assumed the role, e.g. account management
    policies: list[tuple[str, Policy]] = field(default_factory=list, compare=False)

    @classmethod
    def for_user(cls, user: IamUser, access_key_id: str = "") -> IamPrincipal:
        return cls(user.account, user=user, access_key_id=access_key_id, policies=policies_of(user))

    @classmethod
    def for_role(cls, role: IamRole, invoked_by: str = SERVICE) -> IamPrincipal:
        return cls(role.account, role=role, invoked_by=invoked_by, policies=policies_of(role))

    @property
    def identity(self) -> IamUser | IamRole:
        identity = self.user or self.role
        assert identity is not None
        return identity

    @property
    def account_id(self) -> str:
        return self.account.account_id

    @property
    def arn(self) -> str:
        return self.identity.arn

    @property
    def name(self) -> str:
        return self.identity.name

    @property
    def principal_id(self) -> str:
        if self.user is not None:
            return self.user.user_id
        assert self.role is not None
        return f"{self.role.role_id}:{self.invoked_by or 'session'}"

    def context(self, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The global condition keys IAM fills in for every request."""
        base: dict[str, Any] = {
            "aws:PrincipalArn": self.arn,
            "aws:PrincipalAccount": self.account_id,
            "aws:userid": self.principal_id,
            "aws:CurrentTime": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "aws:PrincipalType": "User" if self.user is not None else "AssumedRole",
        }
        if self.user is not None:
            base["aws:username"] = self.user.name
        return {**base, **(extra or {})}

    def check(
        self, action: str, resource: str = "*", context: Mapping[str, Any] | None = None
    ) -> Result:
        return evaluate(Request(action, resource, self.context(context)), self.policies)

    def refusal(self, action: str, resource: str, result: Result) -> str:
        """IAM's AccessDenied message, which names the principal, action and cause."""
        cause = (
            "with an explicit deny in an identity-based policy"
            if result.decision == "explicitDeny"
            else f"because no identity-based policy allows the {action} action"
        )
        return (
            f"User: {self.arn} is not authorized to perform: {action} "
            f"on resource: {resource} {cause}"
        )

    def user_identity(self) -> dict[str, Any]:
        """The CloudTrail `userIdentity` block (Appendix B, §5.2)."""
        identity: dict[str, Any] = {
            "type": "IAMUser" if self.user is not None else "AssumedRole",
            "principalId": self.principal_id,
            "arn": self.arn,
            "accountId": self.account_id,
            "accessKeyId": self.access_key_id,
        }
        if self.user is not None:
            identity["userName"] = self.user.name
            return identity
        identity["sessionContext"] = {
            "sessionIssuer": {
                "type": "Role",
                "principalId": self.identity.role_id,  # type: ignore[union-attr]
                "arn": self.arn,
                "accountId": self.account_id,
                "userName": self.name,
            }
        }
        if self.invoked_by:
            identity["invokedBy"] = self.invoked_by
        return identity

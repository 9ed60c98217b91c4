"""Changes in the embedded cloud account, each checked by the policy evaluator.

An IAM principal acts (`actor.iam`): the evaluator decides each call from its
policies, as IAM would, and every call is a CloudTrail record with eventSource
`iam.amazonaws.com`. Operator commands act as the system and skip the check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Decision, PermissionDenied
from allyport.audit import services as audit
from allyport.cloud import ids, managed
from allyport.cloud.models import (
    AccessKey,
    CloudAccount,
    CustomerPolicy,
    IamRole,
    IamUser,
    InlinePolicy,
    PolicyAttachment,
)
from allyport.cloud.policy import PolicyDocumentError, parse_policy
from allyport.core import encryption
from allyport.core.errors import ChangeRefused

IAM_SOURCE = "iam.amazonaws.com"
API_CALL = "AwsApiCall"
# IAM's rules for user, role and policy names.
NAME_RE = re.compile(r"^[\w+=,.@-]{1,64}$")
POLICY_NAME_RE = re.compile(r"^[\w+=,.@-]{1,128}$")
MAX_ACCESS_KEYS = 2  # IAM's limit per user


class InvalidDocument(ChangeRefused):
    """A policy document with problems; `errors` lists each one."""

    def __init__(self, errors: list[str], field: str) -> None:
        super().__init__(" ".join(errors), field)
        self.errors = errors


def account_company(account: CloudAccount) -> Any:
    """The partner company this account is linked to, if any (for event history)."""
    try:
        return account.link.company  # type: ignore[attr-defined]
    except ObjectDoesNotExist:
        return None


def authorize_iam(
    actor: Actor, action: str, resource: str, context: Mapping[str, Any] | None = None
) -> None:
    """Raise PermissionDenied unless the acting principal's policies allow the call."""
    if actor.kind == "system":
        return
    principal = actor.iam
    if principal is None:
        raise PermissionDenied(Decision(False, _("sign in to the cloud account first")))
    result = principal.check(action, resource, context)
    if not result.allowed:
        reason = principal.refusal(action, resource, result)
        _record_denied(actor, action, resource, reason)
        raise PermissionDenied(Decision(False, reason))


def _record_denied(actor: Actor, action: str, resource: str, reason: str) -> None:
    """CloudTrail records refused calls too, with errorCode AccessDenied. (Inside a
    caller's transaction that rolls back, the record goes with it.)"""
    assert actor.iam is not None
    service, _sep, name = action.partition(":")
    audit.record(
        actor,
        name,
        event_source=f"{service}.amazonaws.com",
        event_type=API_CALL,
        company=account_company(actor.iam.account),
        request_parameters={"resource": resource},
        error_code="AccessDenied",
        error_message=reason,
    )


def _record(
    actor: Actor, account: CloudAccount, name: str, params: Mapping[str, Any], arn: str
) -> None:
    audit.record(
        actor,
        name,
        event_source=IAM_SOURCE,
        event_type=API_CALL,
        company=account_company(account),
        request_parameters=params,
        resources=[{"ARN": arn, "accountId": account.account_id, "type": _resource_type(arn)}],
    )


def _resource_type(arn: str) -> str:
    kind = arn.split(":", 5)[-1].split("/", 1)[0]
    return f"AWS::IAM::{kind.capitalize()}"


def _check_name(name: str, field: str, pattern: re.Pattern[str] = NAME_RE) -> None:
    if not pattern.match(name):
        raise ChangeRefused(
            _("Use letters, digits and + = , . @ _ - only (at most %(n)s characters).")
            % {"n": 128 if pattern is POLICY_NAME_RE else 64},
            field,
        )


def validated_document(source: str | Mapping[str, Any], field: str, kind: str = "identity") -> dict:
    """Parse and validate a policy document; every problem is reported at once."""
    try:
        parse_policy(dict(source) if isinstance(source, Mapping) else source, kind=kind)
    except PolicyDocumentError as error:
        raise InvalidDocument(list(error.errors), field) from error
    document = json.loads(source) if isinstance(source, str) else dict(source)
    return document


# --- accounts and users ------------------------------------------------------


def create_account(alias: str, admin_user: str, admin_password: str) -> CloudAccount:
    """A new account with one administrator (AdministratorAccess), for operators."""
    _check_name(admin_user, "admin_user")
    if not alias or len(alias) > 63:
        raise ChangeRefused(_("Give an alias of 1 to 63 characters."), "alias")
    with transaction.atomic():
        if CloudAccount.objects.filter(alias=alias).exists():
            raise ChangeRefused(_("An account with this alias exists."), "alias")
        account = CloudAccount.objects.create(alias=alias)
        user = IamUser.objects.create(
            account=account, name=admin_user, password=make_password(admin_password)
        )
        PolicyAttachment.objects.create(
            account=account, user=user, policy_arn=managed.managed_policy("AdministratorAccess").arn
        )
    return account


def create_user(actor: Actor, account: CloudAccount, name: str, password: str = "") -> IamUser:
    _check_name(name, "name")
    arn = f"arn:aws:iam::{account.account_id}:user/{name}"
    authorize_iam(actor, "iam:CreateUser", arn)
    try:
        with transaction.atomic():
            user = IamUser.objects.create(
                account=account, name=name, password=make_password(password) if password else ""
            )
            _record(actor, account, "CreateUser", {"userName": name}, arn)
    except IntegrityError as error:
        raise ChangeRefused(_("A user with this name exists."), "name") from error
    return user


def create_access_key(actor: Actor, user: IamUser) -> tuple[AccessKey, str]:
    """A new key; the secret is returned here once and stored only encrypted."""
    authorize_iam(actor, "iam:CreateAccessKey", user.arn)
    with transaction.atomic():
        IamUser.objects.select_for_update().get(pk=user.pk)
        if user.access_keys.count() >= MAX_ACCESS_KEYS:
            raise ChangeRefused(
                _("A user has at most two access keys; delete or reuse one."), "user"
            )
        secret = ids.secret_access_key()
        key = AccessKey.objects.create(user=user, secret_encrypted=encryption.encrypt(secret))
        _record(actor, user.account, "CreateAccessKey", {"userName": user.name}, user.arn)
    return key, secret


def set_access_key_status(actor: Actor, key: AccessKey, status: str) -> None:
    if status not in (AccessKey.ACTIVE, AccessKey.INACTIVE):
        raise ChangeRefused(_("Choose Active or Inactive."), "status")
    user = key.user
    authorize_iam(actor, "iam:UpdateAccessKey", user.arn)
    with transaction.atomic():
        AccessKey.objects.filter(pk=key.pk).update(status=status)
        params = {"userName": user.name, "accessKeyId": key.access_key_id, "status": status}
        _record(actor, user.account, "UpdateAccessKey", params, user.arn)


def delete_access_key(actor: Actor, key: AccessKey) -> None:
    user = key.user
    authorize_iam(actor, "iam:DeleteAccessKey", user.arn)
    with transaction.atomic():
        params = {"userName": user.name, "accessKeyId": key.access_key_id}
        key.delete()
        _record(actor, user.account, "DeleteAccessKey", params, user.arn)


# --- policies and roles --------------------------------------------------------


def create_policy(
    actor: Actor, account: CloudAccount, name: str, document: str, description: str = ""
) -> CustomerPolicy:
    _check_name(name, "name", POLICY_NAME_RE)
    parsed = validated_document(document, "document")
    arn = f"arn:aws:iam::{account.account_id}:policy/{name}"
    authorize_iam(actor, "iam:CreatePolicy", arn)
    try:
        with transaction.atomic():
            policy = CustomerPolicy.objects.create(
                account=account, name=name, document=parsed, description=description[:1000]
            )
            _record(actor, account, "CreatePolicy", {"policyName": name}, arn)
    except IntegrityError as error:
        raise ChangeRefused(_("A policy with this name exists."), "name") from error
    return policy


def create_role(
    actor: Actor,
    account: CloudAccount,
    name: str,
    trust_policy: str | Mapping[str, Any],
    description: str = "",
) -> IamRole:
    _check_name(name, "name")
    trust = validated_document(trust_policy, "trust_policy", kind="trust")
    arn = f"arn:aws:iam::{account.account_id}:role/{name}"
    authorize_iam(actor, "iam:CreateRole", arn)
    try:
        with transaction.atomic():
            role = IamRole.objects.create(
                account=account, name=name, trust_policy=trust, description=description[:1000]
            )
            _record(actor, account, "CreateRole", {"roleName": name}, arn)
    except IntegrityError as error:
        raise ChangeRefused(_("A role with this name exists."), "name") from error
    return role


def known_policy_arn(account: CloudAccount, policy_arn: str) -> bool:
    try:
        managed.managed_policy(policy_arn)
        return True
    except KeyError:
        prefix = f"arn:aws:iam::{account.account_id}:policy/"
        name = policy_arn.removeprefix(prefix)
        return policy_arn.startswith(prefix) and account.policies.filter(name=name).exists()


def _identity_call(identity: IamUser | IamRole, verb: str) -> tuple[str, dict[str, Any], str]:
    """IAM's action for `verb` on this kind of identity (AttachRolePolicy or
    AttachUserPolicy…), the owner lookup, and the request key naming it."""
    if isinstance(identity, IamRole):
        return f"iam:{verb}RolePolicy", {"role": identity}, "roleName"
    return f"iam:{verb}UserPolicy", {"user": identity}, "userName"


def attach_policy(actor: Actor, identity: IamUser | IamRole, policy_arn: str) -> None:
    account = identity.account
    if not known_policy_arn(account, policy_arn):
        raise ChangeRefused(_("No such policy: %(arn)s") % {"arn": policy_arn}, "policy")
    _change_attachment(actor, identity, policy_arn, "Attach")


def detach_policy(actor: Actor, identity: IamUser | IamRole, policy_arn: str) -> None:
    _change_attachment(actor, identity, policy_arn, "Detach")


def _change_attachment(
    actor: Actor, identity: IamUser | IamRole, policy_arn: str, verb: str
) -> None:
    action, owner, key = _identity_call(identity, verb)
    authorize_iam(actor, action, identity.arn, {"iam:PolicyARN": policy_arn})
    with transaction.atomic():
        if verb == "Attach":
            PolicyAttachment.objects.get_or_create(
                account=identity.account, policy_arn=policy_arn, **owner
            )
        else:
            identity.attachments.filter(policy_arn=policy_arn).delete()
        params = {key: identity.name, "policyArn": policy_arn}
        _record(actor, identity.account, action.split(":")[1], params, identity.arn)


def put_inline_policy(
    actor: Actor, identity: IamUser | IamRole, name: str, document: str
) -> InlinePolicy:
    _check_name(name, "name", POLICY_NAME_RE)
    parsed = validated_document(document, "document")
    action, owner, key = _identity_call(identity, "Put")
    authorize_iam(actor, action, identity.arn)
    with transaction.atomic():
        policy, _created = InlinePolicy.objects.update_or_create(
            name=name, defaults={"document": parsed}, **owner
        )
        params = {key: identity.name, "policyName": name}
        _record(actor, identity.account, action.split(":")[1], params, identity.arn)
    return policy

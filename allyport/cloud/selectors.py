"""Reads of the cloud console, each scoped to one cloud account.

Every lookup filters by the signed-in user's account first, so another
account's user, role, policy or key is answered as missing (404), exactly
like one that does not exist.
"""

from __future__ import annotations

from django.contrib.auth.hashers import check_password, make_password
from django.db.models import Count, QuerySet
from django.http import Http404

from allyport.cloud import managed
from allyport.cloud.models import (
    AccessKey,
    CloudAccount,
    CustomerPolicy,
    IamRole,
    IamUser,
    InlinePolicy,
)

# Checked against when no user matches, so a wrong name costs as long as a wrong
# password and the timing does not tell which IAM user names exist.
_NO_USER_PASSWORD = make_password("allyport.cloud.no-such-user")


def console_user(account_id: str, user_name: str, password: str) -> IamUser | None:
    """The IAM user these console credentials name, or None for any wrong part."""
    user = (
        IamUser.objects.select_related("account")
        .filter(account__account_id=account_id.strip(), name=user_name.strip())
        .first()
    )
    if user is None or not user.password:
        check_password(password, _NO_USER_PASSWORD)
        return None
    return user if check_password(password, user.password) else None


def account_of_id(account_id: str) -> CloudAccount | None:
    return CloudAccount.objects.filter(account_id=account_id.strip()).first()


def users(account: CloudAccount) -> QuerySet[IamUser]:
    return account.users.annotate(key_count=Count("access_keys")).order_by("name")


def roles(account: CloudAccount) -> QuerySet[IamRole]:
    return account.roles.order_by("name")


def customer_policies(account: CloudAccount) -> QuerySet[CustomerPolicy]:
    return account.policies.order_by("name")


def user_or_404(account: CloudAccount, name: str) -> IamUser:
    user = IamUser.objects.select_related("account").filter(account=account, name=name).first()
    if user is None:
        raise Http404
    return user


def role_or_404(account: CloudAccount, name: str) -> IamRole:
    role = IamRole.objects.select_related("account").filter(account=account, name=name).first()
    if role is None:
        raise Http404
    return role


def identity_or_404(account: CloudAccount, kind: str, name: str) -> IamUser | IamRole:
    """`kind` is "user" or "role", as the console's URLs say."""
    return user_or_404(account, name) if kind == "user" else role_or_404(account, name)


def policy_or_404(account: CloudAccount, name: str) -> CustomerPolicy:
    policy = CustomerPolicy.objects.filter(account=account, name=name).first()
    if policy is None:
        raise Http404
    return policy


def access_key_or_404(account: CloudAccount, access_key_id: str) -> AccessKey:
    key = (
        AccessKey.objects.select_related("user__account")
        .filter(user__account=account, access_key_id=access_key_id)
        .first()
    )
    if key is None:
        raise Http404
    return key


def managed_or_404(name: str) -> managed.ManagedPolicy:
    try:
        return managed.managed_policy(name)
    except KeyError:
        raise Http404 from None


def attached_arns(identity: IamUser | IamRole) -> list[str]:
    return sorted(identity.attachments.values_list("policy_arn", flat=True))


def inline_policies(identity: IamUser | IamRole) -> QuerySet[InlinePolicy]:
    return identity.inline_policies.order_by("name")


def attachable_policies(account: CloudAccount) -> list[tuple[str, str]]:
    """(ARN, name) of the AWS managed catalogue, then the account's customer policies."""
    catalogue = sorted((policy.arn, name) for name, policy in managed.managed_policies().items())
    customer = [(policy.arn, policy.name) for policy in customer_policies(account)]
    return [*catalogue, *customer]


def principals(account: CloudAccount) -> list[IamUser | IamRole]:
    """The users and roles a simulation may run as."""
    return [*users(account), *roles(account)]


def principal_by_arn(account: CloudAccount, arn: str) -> IamUser | IamRole | None:
    prefix = f"arn:aws:iam::{account.account_id}:"
    kind, _slash, name = arn.removeprefix(prefix).partition("/")
    if not arn.startswith(prefix) or kind not in ("user", "role"):
        return None
    if kind == "user":
        return IamUser.objects.select_related("account").filter(account=account, name=name).first()
    return IamRole.objects.select_related("account").filter(account=account, name=name).first()

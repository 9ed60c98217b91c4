"""Linking a partner company to a cloud (marketplace seller) account.

The alliance lead or a cloud admin signs in as an IAM user of the account; the
evaluator checks that user's policies against everything linking will do, then
one transaction creates the three roles, links the account, makes the linker a
cloud admin mapped to the cloud admin role, and records AssociatePartnerAccount.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.actor import system as system_actor
from allyport.access.decisions import require
from allyport.accounts.models import Company, User
from allyport.accounts.services.roles import add_roles, lock_company
from allyport.cloud import services as cloud
from allyport.cloud.models import CloudAccount, IamRole, IamUser
from allyport.cloud.policy import parse_policy, trust_allows_service
from allyport.cloud.principals import SERVICE, IamPrincipal
from allyport.cloud.selectors import console_user
from allyport.core.errors import ChangeRefused
from allyport.marketplace import requirements
from allyport.marketplace.models import AccountLink, RoleMapping
from allyport.marketplace.services.common import (
    account_event,
    iam_actor,
    refuse_while_unlinking,
    role_session_actor,
    user_mapping_event,
)

MAX_LEGAL_NAME = 255


class MissingPermissions(ChangeRefused):
    """The IAM user may not do all that linking does; `missing` names each gap."""

    def __init__(self, principal: IamPrincipal, missing: list[str]) -> None:
        super().__init__(requirements.missing_message(principal, missing), None)
        self.missing = missing


def sign_in_iam_user(account_id: str, user_name: str, password: str) -> IamUser | None:
    """The IAM user for these console credentials, or None (one answer, one timing,
    for every wrong part)."""
    return console_user(account_id, user_name, password)


def check_linking(actor: Actor, iam_user: IamUser) -> IamPrincipal:
    """Refuse before any step if the company, the account or the IAM user can't link."""
    require(actor, "link_marketplace_account")
    assert actor.company is not None
    refuse_while_unlinking(actor.company)
    if AccountLink.objects.filter(company=actor.company).exists():
        raise ChangeRefused(_("Your company is already linked to an account."))
    if AccountLink.objects.filter(account=iam_user.account).exists():
        raise ChangeRefused(_("This account is linked to another partner company."))
    principal = IamPrincipal.for_user(iam_user)
    suffix = requirements.role_suffix(actor.company.public_id)
    gaps = requirements.missing(
        principal, requirements.linking_needs(iam_user.account.account_id, suffix)
    )
    if gaps:
        raise MissingPermissions(principal, gaps)
    return principal


@dataclass(frozen=True)
class LinkChoices:
    legal_name: str = ""  # for an account not yet registered as a seller
    map_alliance_team: bool = False
    map_ace_users: bool = False


def _register_seller(account: CloudAccount, legal_name: str) -> None:
    if account.is_seller:
        return
    legal_name = legal_name.strip()
    if not legal_name or len(legal_name) > MAX_LEGAL_NAME:
        raise ChangeRefused(
            _("Give your legal business name to register as a seller (at most 255 characters)."),
            "legal_name",
        )
    account.seller_legal_name = legal_name
    account.save(update_fields=["seller_legal_name"])


def _ensure_role(cloud_actor: Actor, account: CloudAccount, planned, suffix: str) -> IamRole:  # type: ignore[no-untyped-def]
    """Create the role, or reuse one left from an earlier link if it trusts the service."""
    name = planned.name(suffix)
    role = IamRole.objects.filter(account=account, name=name).first()
    if role is None:
        role = cloud.create_role(
            cloud_actor,
            account,
            name,
            requirements.TRUST_POLICY,
            _("Created by partner account linking"),
        )
    elif not trust_allows_service(parse_policy(role.trust_policy, kind="trust"), SERVICE):
        raise ChangeRefused(
            _("The role %(name)s exists and does not trust the partner service.") % {"name": name}
        )
    for arn in planned.policy_arns():
        cloud.attach_policy(cloud_actor, role, arn)
    return role


def _create_link(
    actor: Actor, company: Company, account: CloudAccount, roles: list[IamRole], iam_name: str
) -> AccountLink:
    """The link row and its AssociatePartnerAccount record (the guide's example hides
    the request's value)."""
    link = AccountLink.objects.create(
        company=company,
        account=account,
        linked_by=actor.user,
        linked_by_iam_user=iam_name,
        cloud_admin_role=roles[0],
        alliance_role=roles[1],
        ace_role=roles[2],
    )
    account_event(actor, "AssociatePartnerAccount", company)
    return link


def link_account(actor: Actor, iam_user: IamUser, choices: LinkChoices) -> AccountLink:
    principal = check_linking(actor, iam_user)
    assert actor.company is not None and actor.user is not None
    cloud_actor = iam_actor(actor, principal)
    account = iam_user.account
    suffix = requirements.role_suffix(actor.company.public_id)
    try:
        with transaction.atomic():
            lock_company(actor.company)
            check_linking(actor, iam_user)  # again, under the lock
            _register_seller(account, choices.legal_name)
            roles = [
                _ensure_role(cloud_actor, account, p, suffix) for p in requirements.PLANNED_ROLES
            ]
            link = _create_link(cloud_actor, actor.company, account, roles, iam_user.name)
            add_roles(actor.company, actor.user, ["cloud_admin"], granted_by=actor.user)
            _map_at_link(actor, link, actor.user, link.cloud_admin_role)
            _bulk_map(actor, link, choices)
    except IntegrityError as error:
        raise ChangeRefused(_("Your company or this account was linked meanwhile.")) from error
    return link


def _map_at_link(actor: Actor, link: AccountLink, user: User, role: IamRole) -> None:
    RoleMapping.objects.update_or_create(
        user=user, defaults={"company": link.company, "role": role}
    )
    user_mapping_event(
        role_session_actor(actor, link.cloud_admin_role), link, user.public_id, role, True
    )


def _bulk_map(actor: Actor, link: AccountLink, choices: LinkChoices) -> None:
    """The optional bulk mapping of step 2: alliance team to the Alliance role, ACE
    managers and users to the ACE role; cloud admins and mapped users are left alone."""
    plan: list[tuple[tuple[str, ...], IamRole]] = []
    if choices.map_alliance_team:
        plan.append((("alliance_team",), link.alliance_role))
    if choices.map_ace_users:
        plan.append((("ace_manager", "ace_user"), link.ace_role))
    for roles, iam_role in plan:
        users = (
            User.objects.filter(
                company=link.company,
                status=User.Status.ACTIVE,
                is_active=True,
                role_assignments__role__in=roles,
            )
            .exclude(role_assignments__role="cloud_admin")
            .exclude(iam_mapping__isnull=False)
            .distinct()
        )
        for user in users:
            _map_at_link(actor, link, user, iam_role)


def link_for_operator(company: Company, account: CloudAccount | None = None) -> AccountLink:
    """The company's link, made by an operator command when missing: a new cloud
    account (or `account`) with the three roles, as linking would leave them."""
    existing = AccountLink.objects.filter(company=company).select_related("account").first()
    if existing is not None:
        return existing
    operator = system_actor()
    with transaction.atomic():
        lock_company(company)
        if account is None:
            account = CloudAccount.objects.create(
                alias=f"{company.public_id}-seller", seller_legal_name=company.legal_name
            )
        suffix = requirements.role_suffix(company.public_id)
        roles = [_ensure_role(operator, account, p, suffix) for p in requirements.PLANNED_ROLES]
        return _create_link(operator, company, account, roles, "")

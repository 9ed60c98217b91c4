"""Mapping partner users (and the CRM integration user) to IAM roles of the
linked account, with the guide's rules:

- only roles named `PartnerCentralRoleFor…` whose trust policy lets the partner
  account management service assume them;
- cloud admin users only to the cloud admin role created at linking;
- the acting cloud admin role must allow iam:PassRole (to the service),
  iam:ListRoles and Associate/DisassociatePartnerUser — the evaluator decides;
- nothing while an unlinking request is open.
Each mapping records AssociatePartnerUser or DisassociatePartnerUser.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.accounts.models import Company, User
from allyport.accounts.services.roles import current_actor, lock_company
from allyport.cloud.models import IamRole
from allyport.cloud.policy import parse_policy, trust_allows_service
from allyport.cloud.principals import SERVICE, IamPrincipal
from allyport.core.errors import ChangeRefused
from allyport.marketplace import requirements
from allyport.marketplace.models import AccountLink, CrmIntegrationRole, RoleMapping
from allyport.marketplace.services.common import (
    refuse_while_unlinking,
    role_session_actor,
    user_mapping_event,
)

CRM_USER_ID = "CRMIntegrationUser"


@dataclass(frozen=True)
class MappingResult:
    user_id: str
    email: str
    ok: bool
    reason: str = ""


def link_company(actor: Actor) -> Company:
    assert actor.company is not None
    return actor.company


def company_link(actor: Actor) -> AccountLink:
    assert actor.company is not None
    link = (
        AccountLink.objects.select_related("account", "cloud_admin_role")
        .filter(company=actor.company)
        .first()
    )
    if link is None:
        raise ChangeRefused(_("Link an AWS Marketplace account first."))
    return link


def mappable_role_refusal(link: AccountLink, role: IamRole) -> str:
    """Why this role can't be mapped, or "" if it can."""
    if role.account_id != link.account_id:
        return _("The role is not in the linked account.")
    if not role.name.startswith(requirements.ROLE_PREFIX):
        return _("Only roles whose names start with %(prefix)s can be mapped.") % {
            "prefix": requirements.ROLE_PREFIX
        }
    if not trust_allows_service(parse_policy(role.trust_policy, kind="trust"), SERVICE):
        return _("The role's trust policy does not let %(service)s assume it.") % {
            "service": SERVICE
        }
    return ""


def mappable_roles(link: AccountLink) -> list[IamRole]:
    roles = IamRole.objects.filter(account=link.account).order_by("name")
    return [role for role in roles if not mappable_role_refusal(link, role)]


def acting_role(actor: Actor, link: AccountLink) -> IamRole:
    """The IAM role the mapping runs as: the actor's own mapped role when they are
    a cloud admin, otherwise the cloud admin role created at linking."""
    mapping = RoleMapping.objects.filter(user=actor.user).select_related("role").first()
    if mapping is not None and "cloud_admin" in actor.roles:
        return mapping.role
    return link.cloud_admin_role


def _check_acting_role(principal: IamPrincipal, role_arn: str, unmap: bool) -> None:
    gaps = requirements.missing(principal, requirements.mapping_needs(role_arn, unmap))
    if gaps:
        raise ChangeRefused(requirements.missing_message(principal, gaps))


def _target_refusal(link: AccountLink, user: User, role: IamRole | None) -> str:
    if user.company_id != link.company_id or user.status != User.Status.ACTIVE:
        return _("not found")
    held = set(user.role_assignments.values_list("role", flat=True))
    if role is not None and "cloud_admin" in held and role.pk != link.cloud_admin_role_id:
        return _("Cloud admin users can only be mapped to the cloud admin role created at linking.")
    return ""


def _members(actor: Actor, user_ids: Iterable[str]) -> dict[str, User | None]:
    ids = list(dict.fromkeys(user_ids))
    found = {u.public_id: u for u in User.objects.filter(company=actor.company, public_id__in=ids)}
    return {user_id: found.get(user_id) for user_id in ids}


def map_users(actor: Actor, user_ids: Iterable[str], role_id: str) -> list[MappingResult]:
    """Map each user to the role; returns one result per user (succeeded or why not)."""
    require(actor, "map_users_to_iam_roles")
    return _change(actor, user_ids, role_id, unmap=False)


def unmap_users(actor: Actor, user_ids: Iterable[str]) -> list[MappingResult]:
    require(actor, "map_users_to_iam_roles")
    return _change(actor, user_ids, None, unmap=True)


def _role(link: AccountLink, role_id: str | None) -> IamRole | None:
    if role_id is None:
        return None
    role = IamRole.objects.filter(account=link.account, role_id=role_id).first()
    if role is None:
        raise ChangeRefused(_("Choose an IAM role of the linked account."), "role")
    refusal = mappable_role_refusal(link, role)
    if refusal:
        raise ChangeRefused(refusal, "role")
    return role


def _change(
    actor: Actor, user_ids: Iterable[str], role_id: str | None, unmap: bool
) -> list[MappingResult]:
    assert actor.company is not None
    with transaction.atomic():
        lock_company(actor.company)
        actor = current_actor(actor)
        require(actor, "map_users_to_iam_roles")
        refuse_while_unlinking(link_company(actor))
        link = company_link(actor)
        role = _role(link, role_id)
        session = role_session_actor(actor, acting_role(actor, link))
        assert session.iam is not None
        _check_acting_role(session.iam, role.arn if role else "*", unmap)
        return [
            _change_one(session, link, user_id, user, role)
            for user_id, user in _members(actor, user_ids).items()
        ]


def _change_one(
    session: Actor, link: AccountLink, user_id: str, user: User | None, role: IamRole | None
) -> MappingResult:
    if user is None:
        return MappingResult(user_id, "", False, _("not found"))
    refusal = _target_refusal(link, user, role)
    if refusal:
        return MappingResult(user_id, user.email, False, refusal)
    if role is None:
        mapping = RoleMapping.objects.filter(user=user).select_related("role").first()
        if mapping is None:
            return MappingResult(user_id, user.email, False, _("The user is not mapped."))
        mapping.delete()
        user_mapping_event(session, link, user.public_id, mapping.role, False)
    else:
        RoleMapping.objects.update_or_create(
            user=user, defaults={"company": link.company, "role": role}
        )
        user_mapping_event(session, link, user.public_id, role, True)
    return MappingResult(user_id, user.email, True)


def map_crm_role(actor: Actor, role_id: str | None) -> None:
    """Map (role_id) or unmap (None) the IAM role of the CRM integration user."""
    require(actor, "map_crm_integration_role")
    assert actor.company is not None
    with transaction.atomic():
        lock_company(actor.company)
        refuse_while_unlinking(actor.company)
        link = company_link(actor)
        role = _role(link, role_id)
        current = CrmIntegrationRole.objects.filter(company=actor.company).first()
        session = role_session_actor(actor, acting_role(actor, link))
        assert session.iam is not None
        _check_acting_role(session.iam, role.arn if role else "*", unmap=role is None)
        if role is None:
            if current is None:
                raise ChangeRefused(_("No IAM role is mapped for CRM integration."))
            current.delete()
            user_mapping_event(session, link, CRM_USER_ID, current.role, False)
            return
        CrmIntegrationRole.objects.update_or_create(company=actor.company, defaults={"role": role})
        user_mapping_event(session, link, CRM_USER_ID, role, True)

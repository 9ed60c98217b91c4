"""Role assignment with the limits of the access model, safe under concurrency.

The identity layer owns it: it changes who holds which role in a company and records
the change, so it needs the companies, the users and the audit trail.

Every change of a company's roles first locks the company row
(`select_for_update`), so limits are counted by one transaction at a time; the
single alliance lead is also held by a database constraint.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.access.grants import CLOUD_ADMIN, LEAD, grant_refusal
from allyport.access.model import access_model
from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, User
from allyport.accounts.services.refusals import record_refusal, records_refusals
from allyport.audit import services as audit
from allyport.core.confirm import require_confirm
from allyport.core.errors import ChangeRefused

MAX_USERS_PER_UPDATE = 10
TEAM = "alliance_team"
DEFAULT_ROLE = "standard_user"


class RoleLimitReached(Exception):
    pass


@dataclass(frozen=True)
class RoleChange:
    user_id: str  # User.public_id
    add: tuple[str, ...] = ()  # role keys
    remove: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChangeResult:
    user_id: str
    email: str
    role: str
    op: str  # "add" | "remove"
    ok: bool
    reason: str = ""


def lock_company(company: Company) -> Company:
    """Lock the company row until the transaction ends: role changes of one company
    run one at a time, so limits and the single lead hold. Call inside atomic()."""
    return Company.objects.select_for_update().get(pk=company.pk)


def current_actor(actor: Actor) -> Actor:
    """The actor with the roles it holds now (read under the company lock): a right lost
    to a concurrent change is lost for this one too."""
    if actor.user is None:
        return actor
    roles = frozenset(RoleAssignment.objects.filter(user=actor.user).values_list("role", flat=True))
    # Built field by field rather than with dataclasses.replace: views pass the
    # request's lazy actor, which replace() does not accept.
    values = {field.name: getattr(actor, field.name) for field in fields(Actor)}
    return Actor(**{**values, "roles": roles})


def active_member(company: Company, user_id: str, field: str | None = None) -> User:
    user = User.objects.filter(
        company=company, public_id=user_id, status=User.Status.ACTIVE, is_active=True
    ).first()
    if user is None:
        raise ChangeRefused(_("not found"), field=field)
    return user


def _limit_message(role: str, limit: int) -> str:
    return ngettext(
        "%(role)s is limited to %(limit)d user per company",
        "%(role)s is limited to %(limit)d users per company",
        limit,
    ) % {
        "role": access_model().role_name(role),
        "limit": limit,
    }


def _limit_refusal(company: Company, role: str) -> str:
    limit = access_model().roles[role].limit
    if (
        limit is not None
        and RoleAssignment.objects.filter(company=company, role=role).count() >= limit
    ):
        return _limit_message(role, limit)
    return ""


def add_roles(
    company: Company, user: User, roles: Iterable[str], granted_by: User | None = None
) -> None:
    """Give `user` each role it does not hold yet, refusing any role past its limit."""
    with transaction.atomic():
        lock_company(company)
        held = set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
        for role in roles:
            if role in held:
                continue
            refusal = _limit_refusal(company, role)
            if refusal:
                raise RoleLimitReached(refusal)
            RoleAssignment.objects.create(
                company=company, user=user, role=role, granted_by=granted_by
            )
            held.add(role)


def _audit_role(actor: Actor, event: str, user: User, role: str, **extra: str) -> None:
    params = {"userId": user.public_id, "email": user.email, "role": role}
    audit.record(actor, event, request_parameters=params, additional_event_data=extra or None)


def _audit_refused(actor: Actor, result: ChangeResult) -> ChangeResult:
    """Record a refused assignment (the update goes on with the others)."""
    if not result.ok:
        event = "AssignPartnerRole" if result.op == "add" else "UnassignPartnerRole"
        params = {"userId": result.user_id, "email": result.email, "role": result.role}
        record_refusal(actor, event, result.reason, params)
    return result


def _add(actor: Actor, company: Company, user: User, role: str, moving: bool) -> ChangeResult:
    def result(reason: str = "") -> ChangeResult:
        return ChangeResult(user.public_id, user.email, role, "add", not reason, reason)

    reason = grant_refusal(actor, role, moving_cloud_admin=moving)
    if not reason and RoleAssignment.objects.filter(user=user, role=role).exists():
        reason = _("already has the %(role)s role") % {"role": access_model().role_name(role)}
    reason = reason or _limit_refusal(company, role)
    if reason:
        return result(reason)
    try:
        with transaction.atomic():  # a savepoint: a failure here undoes only this one
            RoleAssignment.objects.create(
                company=company, user=user, role=role, granted_by=actor.user
            )
            _audit_role(actor, "AssignPartnerRole", user, role)
    except IntegrityError:
        return result(_("could not be saved; try again"))
    return result()


def _remove(actor: Actor, user: User, role: str, moving: bool) -> ChangeResult:
    reason = grant_refusal(actor, role, moving_cloud_admin=moving)
    if not reason:
        with transaction.atomic():
            deleted, _rows = RoleAssignment.objects.filter(user=user, role=role).delete()
            if deleted:
                _audit_role(actor, "UnassignPartnerRole", user, role)
        if not deleted:
            reason = _("does not have the %(role)s role") % {"role": access_model().role_name(role)}
    return ChangeResult(user.public_id, user.email, role, "remove", not reason, reason)


def _keep_some_role(actor: Actor, company: Company, user: User) -> None:
    """A user keeps at least one role: removing the last one leaves standard user."""
    if not RoleAssignment.objects.filter(user=user).exists():
        RoleAssignment.objects.create(
            company=company, user=user, role=DEFAULT_ROLE, granted_by=actor.user
        )
        _audit_role(actor, "AssignPartnerRole", user, DEFAULT_ROLE, reason="lastRoleRemoved")


def _moves_cloud_admin(changes: list[RoleChange], held: dict[str, set[str]]) -> bool:
    """Whether the update moves the cloud admin role: each addition is matched by a
    removal, every target is found, holds it (removals) or not yet (additions)."""
    adds = [c.user_id for c in changes if CLOUD_ADMIN in c.add]
    removes = [c.user_id for c in changes if CLOUD_ADMIN in c.remove]
    if not adds or len(adds) != len(removes) or set(adds) & set(removes):
        return False
    return all(u in held and CLOUD_ADMIN not in held[u] for u in adds) and all(
        u in held and CLOUD_ADMIN in held[u] for u in removes
    )


def _targets(company: Company, changes: list[RoleChange]) -> dict[str, User]:
    """The company's users named in `changes`; another company's or a removed user is
    simply absent (reported as not found)."""
    ids = {change.user_id for change in changes}
    users = User.objects.filter(company=company, public_id__in=ids).exclude(
        status=User.Status.REMOVED
    )
    return {user.public_id: user for user in users}


def _held_roles(users: Iterable[User]) -> dict[str, set[str]]:
    held: dict[str, set[str]] = {user.public_id: set() for user in users}
    rows = RoleAssignment.objects.filter(user__in=list(users)).values_list(
        "user__public_id", "role"
    )
    for public_id, role in rows:
        held[public_id].add(role)
    return held


def _not_found(change: RoleChange) -> list[ChangeResult]:
    ops = [("add", role) for role in change.add] + [("remove", role) for role in change.remove]
    return [ChangeResult(change.user_id, "", role, op, False, _("not found")) for op, role in ops]


@records_refusals(
    "UpdatePartnerRoles", lambda a: {"userIds": [c.user_id for c in a["changes"]][:20]}
)
def apply_role_changes(actor: Actor, changes: list[RoleChange]) -> list[ChangeResult]:
    """Apply role additions and removals for up to 10 users; one result per assignment,
    in the order given (additions before removals for each user).

    Each assignment stands alone: a refused one (limit, grant rules, not found) does
    not undo the others. Raises PermissionDenied without the assign_roles right and
    ChangeRefused(field="users") for more than 10 users.
    """
    require(actor, "assign_roles")
    if len({change.user_id for change in changes}) > MAX_USERS_PER_UPDATE:
        raise ChangeRefused(
            _("Select at most %(n)d users.") % {"n": MAX_USERS_PER_UPDATE}, field="users"
        )
    assert actor.company is not None
    results: list[ChangeResult] = []
    with transaction.atomic():
        company = lock_company(actor.company)
        actor = current_actor(actor)
        require(actor, "assign_roles")
        targets = _targets(company, changes)
        moving = _moves_cloud_admin(changes, _held_roles(targets.values()))
        for change in changes:
            user = targets.get(change.user_id)
            if user is None:
                results += _not_found(change)
                continue
            results += [_add(actor, company, user, role, moving) for role in change.add]
            results += [_remove(actor, user, role, moving) for role in change.remove]
            _keep_some_role(actor, company, user)
        for result in results:
            _audit_refused(actor, result)
    return results


def _demote(company: Company, old_lead: User, granted_by: User | None) -> str:
    """The former lead joins the alliance team if there is room, else stays with what
    it holds (standard user when nothing). Returns the role given, or ""."""
    held = set(RoleAssignment.objects.filter(user=old_lead).values_list("role", flat=True))
    if TEAM in held:
        return ""
    role = TEAM if not _limit_refusal(company, TEAM) else (DEFAULT_ROLE if not held else "")
    if role:
        RoleAssignment.objects.create(
            company=company, user=old_lead, role=role, granted_by=granted_by
        )
    return role


@records_refusals("ReassignAllianceLead", lambda a: {"newLeadId": a["new_lead_id"]})
def reassign_alliance_lead(actor: Actor, new_lead_id: str, confirm: str) -> None:
    """Hand the alliance lead role to another active member of the company.

    Only the current lead (checked again under the company lock, so of two
    simultaneous calls the second is refused with PermissionDenied). `confirm` must be
    "confirm" (ChangeRefused(field="confirm")); an unknown, removed, deactivated or
    other company's user gives ChangeRefused("not found", field="new_lead").
    """
    require(actor, "reassign_alliance_lead")
    require_confirm(confirm)
    assert actor.company is not None and actor.user is not None
    with transaction.atomic():
        company = lock_company(actor.company)
        require(current_actor(actor), "reassign_alliance_lead")
        new_lead = active_member(company, new_lead_id, field="new_lead")
        if new_lead.pk == actor.user.pk:
            raise ChangeRefused(_("You already hold the alliance lead role."), field="new_lead")
        RoleAssignment.objects.filter(company=company, role=LEAD).delete()
        RoleAssignment.objects.create(
            company=company, user=new_lead, role=LEAD, granted_by=actor.user
        )
        given = _demote(company, actor.user, actor.user)
        audit.record(
            actor,
            "ReassignAllianceLead",
            request_parameters={"newLeadId": new_lead.public_id, "newLeadEmail": new_lead.email},
            response_elements={"previousLeadId": actor.user.public_id, "previousLeadRole": given},
        )

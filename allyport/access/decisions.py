"""`authorize(actor, action, target)`: the one place that decides access, for every
kind of caller and whatever the entry point (page, API handler, job, command).

An action is either
- a `Permission`, declared once per operation by the domain that owns it: the
  access-model action a portal member needs, the IAM action an IAM principal's
  policies must allow (on the target's ARN, with the catalog condition key), and
  whether staff may do it; or
- a plain string: an access-model action key (members only), or menu visibility
  asked as `menu:<Menu>/<Item>`. Menu and action are separate checks (see the
  resolutions in the access model): a page is reachable when its item is visible,
  and each change on it also needs the action right.

`access` sits below `cloud`, so an IAM principal is asked through the small
`Principal` protocol (`allyport.cloud.principals.IamPrincipal` is one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils.translation import gettext as _

from allyport.access import calls
from allyport.access.actor import Actor, ActorKind
from allyport.access.model import MenuItem, access_model

MENU_PREFIX = "menu:"
CATALOG_KEY = "partnercentral:Catalog"


@dataclass(frozen=True)
class Permission:
    """Who may do one operation: members holding the access-model action `member`,
    IAM principals whose policies allow `iam` ("partnercentral:Op"), staff when
    `staff`, the system (sweeps, periodic work) when `system`. None: not that caller.
    `refusal` is what a caller who may not do it at all is told (e.g. "only staff
    review opportunities"); a member lacking the action is told the role it needs."""

    member: str | None = None
    iam: str | None = None
    staff: bool = False
    system: bool = False
    refusal: Any = None  # a (lazy) message


@dataclass(frozen=True)
class Target:
    """What an operation acts on: the company it belongs to (tenancy), its ARN and
    catalog (the IAM resource and condition key), and any further condition keys."""

    company: Any = None
    arn: str = "*"
    catalog: str | None = None
    context: Mapping[str, Any] = field(default_factory=dict)

    def conditions(self) -> dict[str, Any]:
        found = dict(self.context)
        if self.catalog is not None:
            found[CATALOG_KEY] = self.catalog
        return found


class Answer(Protocol):
    allowed: bool


class Principal(Protocol):
    """An IAM principal as authorize asks it (the cloud's `IamPrincipal`)."""

    def check(
        self, action: str, resource: str = "*", context: Mapping[str, Any] | None = None
    ) -> Any: ...

    def refusal(self, action: str, resource: str, result: Any) -> str: ...


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True)


class PermissionDenied(Exception):
    """Raised by `require`; carries the reason shown to people."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.reason)
        self.decision = decision


def _join_or(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return _("%(head)s or %(last)s") % {"head": ", ".join(words[:-1]), "last": words[-1]}


def _in_sentence(name: str) -> str:
    """A role's name inside a sentence: English labels are capitalised, so lower them;
    a translation is written as it reads in a sentence of its language."""
    translated = _(name)
    return translated.lower() if translated == name else translated


def _needs_roles(role_keys: frozenset[str]) -> Decision:
    model = access_model()
    ordered = [_in_sentence(role.name) for key, role in model.roles.items() if key in role_keys]
    return Decision(False, _("needs the %(roles)s role") % {"roles": _join_or(ordered)})


def _not_member() -> Decision:
    return Decision(False, _("sign in as a member of a partner company"))


def _roles_for_item(item: MenuItem) -> frozenset[str] | None:
    """The roles that see an item: its own list plus holders of `also_for` rights."""
    if item.roles is None:
        return None
    roles = set(item.roles)
    for action in item.also_for:
        holders = access_model().actions[action]
        if holders is None:
            return None
        roles |= holders
    return frozenset(roles)


def menu_decision(actor: Actor, item: MenuItem) -> Decision:
    if not actor.is_member:
        return _not_member()
    roles = _roles_for_item(item)
    if roles is not None and not (actor.roles & roles):
        return _needs_roles(roles)
    if item.paths is not None and not (actor.paths & item.paths):
        ordered = [path for path in access_model().paths if path in item.paths]
        return Decision(False, _("only for the %(paths)s path") % {"paths": _join_or(ordered)})
    if item.min_stage is not None:
        model = access_model()
        if actor.stage is None or model.stage_rank(actor.stage) < model.stage_rank(item.min_stage):
            return Decision(
                False,
                _("your company must be %(stage)s or higher") % {"stage": item.min_stage},
            )
    return ALLOW


def action_decision(actor: Actor, action: str) -> Decision:
    holders = access_model().actions[action]
    if not actor.is_member:
        return _not_member()
    if holders is None or actor.roles & holders:
        return ALLOW
    return _needs_roles(holders)


def _no_principal() -> Decision:
    return Decision(False, "The request has no IAM principal.")


def iam_decision(actor: Actor, action: str, target: Target) -> Decision:
    """The policy evaluator's answer for the actor's principal, with IAM's wording.

    Inside an API call an answer already given for the same action, resource and
    conditions is reused (the handler's check and the service's are one
    evaluation), and the call is marked decided."""
    principal: Principal | None = actor.iam
    if principal is None:
        return _no_principal()
    conditions = target.conditions()
    call = calls.current()
    key = (action, target.arn, tuple(sorted((k, str(v)) for k, v in conditions.items())))
    if call is not None and call.actor is actor and key in call.answers:
        allowed, reason = call.answers[key]
    else:
        result = principal.check(action, target.arn, conditions or None)
        allowed = bool(result.allowed)
        reason = "" if allowed else principal.refusal(action, target.arn, result)
        if call is not None and call.actor is actor:
            call.answers[key] = (allowed, reason)
    if call is not None and call.actor is actor:
        call.decided = True
    return Decision(allowed, reason)


def _other_company(actor: Actor, company_id: Any) -> bool:
    return actor.company is None or company_id != actor.company.pk


def permission_decision(actor: Actor, permission: Permission, target: Target) -> Decision:
    """`authorize` for a declared operation, by the kind of caller."""
    tenant = getattr(target.company, "pk", target.company)
    tenanted = actor.kind in (ActorKind.MEMBER, ActorKind.IAM)
    if tenanted and tenant is not None and _other_company(actor, tenant):
        return Decision(False, _("not found"))
    if actor.kind == ActorKind.MEMBER and permission.member is not None and actor.is_member:
        return action_decision(actor, permission.member)
    if actor.kind == ActorKind.IAM and permission.iam is not None and actor.company is not None:
        return iam_decision(actor, permission.iam, target)
    if actor.kind == ActorKind.STAFF and permission.staff:
        return ALLOW
    if actor.kind == ActorKind.SYSTEM and permission.system:
        return ALLOW
    if permission.refusal is not None:
        return Decision(False, str(permission.refusal))
    if actor.kind == ActorKind.MEMBER and actor.is_member:
        return Decision(False, _("only staff may do this"))
    if actor.kind == ActorKind.IAM:
        return Decision(False, _("IAM principals may not do this."))
    return _not_member()


def authorize(actor: Actor, action: str | Permission, target: Any = None) -> Decision:
    """Decide whether `actor` may do `action` (to `target`, when given).

    A target of another company is refused; callers reach targets through
    selectors scoped to the actor's company, so this is a second line.
    """
    if isinstance(action, Permission):
        if target is None or not isinstance(target, Target):
            company_id = getattr(target, "company_id", None) if target is not None else None
            target = Target(company=company_id)
        return permission_decision(actor, action, target)
    if action.startswith(MENU_PREFIX):
        return menu_decision(actor, access_model().menu_item(action[len(MENU_PREFIX) :]))
    if action not in access_model().actions:
        raise ValueError(f"unknown action {action!r}")
    decision = action_decision(actor, action)
    if decision and target is not None:
        company_id = getattr(target, "company_id", None)
        if actor.company is None or company_id != actor.company.pk:
            return Decision(False, _("not found"))
    return decision


def require(actor: Actor, action: str | Permission, target: Any = None) -> None:
    decision = authorize(actor, action, target)
    if not decision:
        raise PermissionDenied(decision)

"""Who may do what with support cases, for every kind of caller.

Members: any member opens cases for their company and follows their own; the
alliance lead and alliance team follow all of the company's cases. Another
company's case is not found. Staff (and the system's work, such as completing an
unlinking request) act on every case. IAM principals may not: Partner Central has
no support API.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import ALLOW, Decision, Permission, Target, authorize

TEAM_ROLES = frozenset({"alliance_lead", "alliance_team"})

# Staff's side of a case: replies as support, internal notes, assignment.
ANSWER_CASES = Permission(
    staff=True, system=True, refusal=gettext_lazy("Only support staff answer cases.")
)
# Cases are opened by members, or by the system on someone's behalf (a locked-out
# contact, an unlinking request), never by an IAM principal.
OPEN_CASES = Permission(
    staff=True, system=True, refusal=gettext_lazy("Open support cases in the portal.")
)
# Help articles and the lists a case is filed under are written by staff.
WRITE_HELP = Permission(
    staff=True, system=True, refusal=gettext_lazy("Only support staff write help content.")
)


def sees_all_cases(actor: Actor) -> bool:
    return bool(actor.roles & TEAM_ROLES)


def _member_case(actor: Actor, company_id: int | None, opened_by_id: int | None) -> Decision:
    if not actor.is_member or company_id != actor.company.pk:  # type: ignore[union-attr]
        return Decision(False, _("not found"))
    if actor.user is not None and opened_by_id == actor.user.pk:
        return ALLOW
    if sees_all_cases(actor):
        return ALLOW
    return Decision(
        False, _("needs the alliance lead or alliance team role to see other members' cases")
    )


def case_decision(actor: Actor, case: object) -> Decision:
    """May the actor read and correspond on `case` (a SupportCase)?"""
    company_id = getattr(case, "company_id", None)
    if actor.kind == ActorKind.MEMBER:
        return _member_case(actor, company_id, getattr(case, "opened_by_id", None))
    return authorize(actor, ANSWER_CASES, Target(company=company_id))


def open_decision(actor: Actor) -> Decision:
    """May the actor open a case (for their own company, when a member)?"""
    if actor.kind == ActorKind.MEMBER:
        return ALLOW if actor.is_member else Decision(False, _("not found"))
    return authorize(actor, OPEN_CASES, Target())


def is_support_staff(actor: Actor) -> bool:
    return bool(authorize(actor, ANSWER_CASES, Target()))

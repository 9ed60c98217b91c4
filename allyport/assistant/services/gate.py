"""Who may use the AWS Partner Assistant, and why not.

The guide: partners must link their Partner Central account with their AWS account
(a marketplace seller account) to use it; the FAQ: it is optional, and a company
may turn it off. `gate` says which of these applies; `require_open` refuses with the
reason people see."""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Decision, Permission, PermissionDenied, Target, authorize
from allyport.accounts.models import Company, User
from allyport.assistant.models import CompanySetting
from allyport.marketplace.models import AccountLink

# Asking, voting and rating: any member of a company the gate lets in.
USE = Permission(member="use_partner_assistant")
# Turning it on or off for the company: the alliance lead, or staff on the company's
# request (the FAQ: "contact our support team").
MANAGE = Permission(member="manage_partner_assistant", staff=True)


class Gate(StrEnum):
    OPEN = "open"
    NOT_MEMBER = "not_member"
    NOT_LINKED = "not_linked"
    OFF = "off"


def is_enabled(company: Company | None) -> bool:
    return not CompanySetting.objects.filter(company=company, enabled=False).exists()


def gate(actor: Actor) -> Gate:
    """Whether the actor may chat now (two small queries)."""
    if not actor.is_member:
        return Gate.NOT_MEMBER
    if not AccountLink.objects.filter(company=actor.company).exists():
        return Gate.NOT_LINKED
    if not is_enabled(actor.company):
        return Gate.OFF
    return Gate.OPEN


def refusal(closed: Gate) -> str:
    if closed == Gate.NOT_LINKED:
        return _(
            "AWS Partner Assistant is available once your company links its AWS Partner "
            "Central account with an AWS Marketplace seller account."
        )
    if closed == Gate.OFF:
        return _("AWS Partner Assistant is turned off for your company.")
    return _("sign in as a member of a partner company")


def owner(actor: Actor) -> tuple[User, Company]:
    """The member's user and company, once `require_open` let them in."""
    if actor.user is None or actor.company is None:
        raise PermissionDenied(Decision(False, refusal(Gate.NOT_MEMBER)))
    return actor.user, actor.company


def require_open(actor: Actor) -> None:
    """Refuse (PermissionDenied with the reason) unless the actor may chat."""
    decision = authorize(actor, USE, Target(company=actor.company))
    if not decision:
        raise PermissionDenied(decision)
    found = gate(actor)
    if found != Gate.OPEN:
        raise PermissionDenied(Decision(False, refusal(found)))

"""The assistant's writing services for the project-wide audit-per-caller test
(home/tests/test_audit_per_caller.py adds these to its lists): turning the assistant
on or off for a company is recorded for the alliance lead and for staff."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from allyport.access.actor import Actor, ActorKind
from allyport.accounts.models import User
from allyport.assistant.services import company_setting

MEMBER, STAFF = "member", "staff"

SCANNED: dict[str, ModuleType] = {"assistant.company_setting": company_setting}
NOT_CHANGES: dict[str, str] = {}


def _lead_or(world: Any, actor: Actor) -> Actor:
    """The world's member is alliance team: the change is the alliance lead's."""
    if actor.kind != ActorKind.MEMBER:
        return actor
    lead = User.objects.get(company=world.company, role_assignments__role="alliance_lead")
    return Actor.for_member(lead)


SERVICES = [
    ("assistant.company_setting.set_enabled", company_setting.EVENT, (MEMBER, STAFF),
     lambda w, a: company_setting.set_enabled(_lead_or(w, a), w.company, False)),
]  # fmt: skip

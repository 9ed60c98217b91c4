"""Audit-per-caller cases of the support centre's cases (joined by
home/tests/test_audit_per_caller.py)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from allyport.access.actor import Actor
from allyport.support import services as support

MEMBER, STAFF, SYSTEM = "member", "staff", "system"

SCANNED: dict[str, ModuleType] = {
    "support.services": support,
}
NOT_CHANGES: dict[str, str] = {}


def _support_case(world: Any) -> Any:
    return support.create_case(world.actors[MEMBER], _new_case())


def _new_case() -> Any:
    from allyport.support.models import Topic

    other = Topic.objects.get(parent=None, key="other")
    question = other.children.get(key="general")
    return support.NewCase(case_type=str(other.pk), question_type=str(question.pk),
                           subject="Help", description="Please help")  # fmt: skip


def _reopen_case(world: Any, actor: Actor) -> None:
    case = _support_case(world)
    support.resolve_case(world.actors[MEMBER], case)
    support.reopen_case(actor, case)


SERVICES = [
    ("support.services.create_case", "CreateCase", (MEMBER,),
     lambda world, actor: support.create_case(actor, _new_case())),
    ("support.services.open_case", "CreateCase", (MEMBER,),
     lambda world, actor: support.open_case(actor, "Help", "other", "Please help")),
    ("support.services.add_message", "AddCommunicationToCase", (MEMBER, STAFF, SYSTEM),
     lambda world, actor: support.add_message(actor, _support_case(world), "More")),
    ("support.services.resolve_case", "ResolveCase", (MEMBER, STAFF, SYSTEM),
     lambda world, actor: support.resolve_case(actor, _support_case(world))),
    ("support.services.reopen_case", "ReopenCase", (MEMBER, STAFF, SYSTEM), _reopen_case),
    ("support.services.assign_case", "AssignCase", (STAFF, SYSTEM),
     lambda world, actor: support.assign_case(actor, _support_case(world), None)),
    ("support.services.add_note", "AddInternalNoteToCase", (STAFF, SYSTEM),
     lambda world, actor: support.add_note(actor, _support_case(world), "Note")),
]  # fmt: skip

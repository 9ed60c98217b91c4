"""What an Event history record may keep of a call: members the service model marks
`sensitive` (customer names and addresses, contacts, file and report URLs, …) are
replaced with CloudTrail's HIDDEN_DUE_TO_SECURITY_REASONS, at any depth, as
CloudTrail does for these operations. Members outside the shape are kept as given
(the dispatcher records only what it received and answered)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.model import Shape

from allyport.audit.services import HIDDEN


def hidden(shape: Shape | None, value: Any) -> Any:
    if shape is None or value is None:
        return value
    if shape.metadata.get("sensitive"):
        return HIDDEN
    if shape.type_name == "structure" and isinstance(value, Mapping):
        members = shape.members  # type: ignore[attr-defined]
        return {
            key: hidden(members[key], item) if key in members else item
            for key, item in value.items()
        }
    if shape.type_name == "list" and isinstance(value, list | tuple):
        return [hidden(shape.member, item) for item in value]  # type: ignore[attr-defined]
    if shape.type_name == "map" and isinstance(value, Mapping):
        return {key: hidden(shape.value, item) for key, item in value.items()}  # type: ignore[attr-defined]
    return value

"""What the programs pages share."""

from __future__ import annotations

from allyport.access.decisions import MENU_PREFIX, authorize
from allyport.access.middleware import ActorRequest


def may(request: ActorRequest, action: object) -> bool:
    return bool(authorize(request.actor, action))  # type: ignore[arg-type]


def menu(item: str) -> str:
    return MENU_PREFIX + item

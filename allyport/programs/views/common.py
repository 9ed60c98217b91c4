"""What the programs pages share."""

from __future__ import annotations

from allyport.access.decisions import MENU_PREFIX, authorize
from allyport.access.middleware import ActorRequest
from allyport.accounts.models import Company, User
from allyport.pipeline.selectors import company_of


def company(request: ActorRequest) -> Company:
    """The signed-in member's company (member_page has let only members in)."""
    return company_of(request.actor)


def me(request: ActorRequest) -> User:
    user = request.actor.user
    assert user is not None  # member_page has let only members in
    return user


def may(request: ActorRequest, action: object) -> bool:
    return bool(authorize(request.actor, action))  # type: ignore[arg-type]


def menu(item: str) -> str:
    return MENU_PREFIX + item

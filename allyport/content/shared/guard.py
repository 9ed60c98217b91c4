"""Deciding and recording content changes, for every kind of caller.

A member is asked both questions the access model asks of a page: may they see the
menu item (roles, paths, stage) and do they hold the action right; IAM principals,
staff and the system are decided by the `Permission` alone (none of the content
operations has an IAM action, so IAM principals are refused with a reason)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import (
    MENU_PREFIX,
    Decision,
    Permission,
    PermissionDenied,
    Target,
    authorize,
)
from allyport.accounts.models import Company, User
from allyport.audit import services as audit

EVENT_SOURCE = audit.ACCOUNT_SOURCE


def require(actor: Actor, permission: Permission, company: Any = None, *, menu: str = "") -> None:
    if actor.is_member and menu:
        shown = authorize(actor, MENU_PREFIX + menu)
        if not shown:
            raise PermissionDenied(shown)
    decision = authorize(actor, permission, Target(company=company))
    if not decision:
        raise PermissionDenied(decision)


def record(
    actor: Actor,
    event_name: str,
    *,
    company: Any,
    resource_type: str,
    identifier: str,
    request: dict[str, Any] | None = None,
) -> None:
    """The change's CloudTrail record, in the caller's transaction."""
    audit.record_change(
        actor,
        event_name,
        event_source=EVENT_SOURCE,
        company=company,
        request_parameters={"identifier": identifier, **(request or {})},
        response_elements={"id": identifier},
        resources=[{"ARN": identifier, "type": f"Allyport::Content::{resource_type}"}],
    )


def company_of(actor: Actor) -> Company:
    """The member's company, once `require` allowed them (members always have one)."""
    if actor.company is None:
        raise PermissionDenied(Decision(False, _("sign in as a member of a partner company")))
    return actor.company


def user_of(actor: Actor) -> User:
    if actor.user is None:
        raise PermissionDenied(Decision(False, _("sign in as a member of a partner company")))
    return actor.user

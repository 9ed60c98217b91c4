"""What the User Management views share: the menu item, permission answers, row data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.http import HttpResponse

from allyport.access.decisions import MENU_PREFIX, PermissionDenied, authorize
from allyport.access.grants import LEAD
from allyport.access.middleware import ActorRequest
from allyport.access.model import access_model
from allyport.access.views import forbidden, member_page
from allyport.accounts.models import User
from allyport.accounts.services.refusals import ACCESS_DENIED, record_refusal

USER_MANAGEMENT = "My Company/User Management"


# The event a refused change of each User Management page is recorded as.
_CHANGES = {
    "manage_roles": "UpdatePartnerRoles",
    "reassign_lead": "ReassignAllianceLead",
    "security": "UpdateMfaSetting",
    "invite": "InvitePartnerUser",
    "revoke_invitation": "RevokeInvitation",
    "remove": "RemovePartnerUser",
    "deactivate": "DeactivatePartnerUser",
    "reactivate": "ReactivatePartnerUser",
}


def _record_refused_post(request: ActorRequest, action: str, reason: str) -> None:
    """A refused change (a POST) is recorded, as the services record theirs."""
    if request.method != "POST":
        return
    match = request.resolver_match
    page = match.url_name if match else ""
    params = {"action": action, **(match.kwargs if match else {})}
    event = _CHANGES.get(page or "", action)
    record_refusal(request.actor, event, reason, params, ACCESS_DENIED)


def denied(request: ActorRequest, action: str) -> HttpResponse | None:
    """The 403 page with authorize's reason when the actor lacks `action`, else None."""
    decision = authorize(request.actor, action)  # type: ignore[attr-defined]
    if decision:
        return None
    _record_refused_post(request, action, decision.reason)
    return forbidden(request, decision)


def user_management_page(view: Callable[..., Any]) -> Callable[..., Any]:
    """`member_page(USER_MANAGEMENT)`, recording a change refused because the member
    may not use User Management at all."""
    page = member_page(USER_MANAGEMENT)(view)

    @wraps(view)
    def wrapper(request: ActorRequest, *args: Any, **kwargs: Any) -> Any:
        if request.method == "POST" and request.user.is_authenticated:
            actor = request.actor
            visible = MENU_PREFIX + USER_MANAGEMENT
            decision = authorize(
                actor, visible if actor.is_member else "menu:My Profile/My Profile"
            )
            if not decision:
                _record_refused_post(request, visible, decision.reason)
        return page(request, *args, **kwargs)

    return wrapper


def permission_denied_as_403(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A service's PermissionDenied (a right lost meanwhile) becomes the 403 page."""

    @wraps(view)
    def wrapper(request: ActorRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refused:
            return forbidden(request, refused.decision)

    return wrapper


def role_keys(user: User, held: set[str] | None = None) -> list[str]:
    """The user's role keys in the access model's order: from `held` when given, else
    from the prefetched assignments."""
    if held is None:
        held = {ra.role for ra in user.role_assignments.all()}
    return [key for key in access_model().roles if key in held]


def role_names(keys: list[str]) -> list[str]:
    return [access_model().role_name(key) for key in keys]


@dataclass(frozen=True)
class UserRow:
    """One user as the Users tab shows it, with the actions the actor may take."""

    user: User
    roles: list[str]
    can_remove: bool
    can_deactivate: bool
    can_reactivate: bool


def user_rows(request: ActorRequest, users: list[User], held: dict[int, set[str]]) -> list[UserRow]:
    actor = request.actor
    may_remove = bool(authorize(actor, "remove_users"))
    may_reactivate = bool(authorize(actor, "reassign_alliance_lead"))
    # The roles in the access model's order with their names, translated once per page
    # rather than once per role of each row.
    ordered = [(key, access_model().role_name(key)) for key in access_model().roles]
    rows = []
    actor_pk = actor.user.pk if actor.user else None
    for user in users:
        keys = held[user.pk]
        removable = may_remove and LEAD not in keys and user.pk != actor_pk
        rows.append(
            UserRow(
                user=user,
                roles=[name for key, name in ordered if key in keys],
                can_remove=removable and user.status != User.Status.REMOVED,
                can_deactivate=removable and user.status == User.Status.ACTIVE,
                can_reactivate=may_reactivate and user.status == User.Status.DEACTIVATED,
            )
        )
    return rows

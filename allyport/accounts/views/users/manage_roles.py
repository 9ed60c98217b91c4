"""Manage roles: a group of up to 10 users, roles added and removed per row, applied
together by Update. Works without JavaScript: each button posts the whole pending
state back (hidden fields), the view applies the button's change and renders again."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.decisions import authorize
from allyport.access.grants import LEAD, grantable_roles
from allyport.access.middleware import ActorRequest
from allyport.access.model import access_model
from allyport.accounts import selectors
from allyport.accounts.models import User
from allyport.accounts.services.roles import (
    MAX_USERS_PER_UPDATE,
    ChangeResult,
    RoleChange,
    apply_role_changes,
)
from allyport.accounts.views.users.common import (
    denied,
    permission_denied_as_403,
    role_keys,
    user_management_page,
)
from allyport.core.errors import ChangeRefused


@dataclass
class Pending:
    """The group being edited: users in order, and per user the roles to add and remove."""

    order: list[str] = field(default_factory=list)
    add: dict[str, list[str]] = field(default_factory=dict)
    remove: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_post(cls, data: QueryDict) -> Pending:
        # Unknown roles are kept here so that refuse_forged() refuses them aloud.
        pending = cls()
        for pid in dict.fromkeys(data.getlist("users")):
            pending.order.append(pid)
            pending.add[pid] = list(dict.fromkeys(data.getlist(f"add:{pid}")))
            pending.remove[pid] = list(dict.fromkeys(data.getlist(f"remove:{pid}")))
        return pending

    def choose(self, pid: str, role: str, held: list[str]) -> None:
        """A role picked in the row's Role(s) list: undo its removal or add it."""
        if role in self.remove[pid]:
            self.remove[pid].remove(role)
        elif role not in held and role not in self.add[pid]:
            self.add[pid].append(role)

    def unchoose(self, pid: str, role: str) -> None:
        """The X of a role: cancel its addition, or remove a role the user holds."""
        if role in self.add.get(pid, []):
            self.add[pid].remove(role)
        elif pid in self.remove and role not in self.remove[pid]:
            self.remove[pid].append(role)

    def drop(self, pid: str) -> None:
        if pid in self.order:
            self.order.remove(pid)

    def changes(self) -> list[RoleChange]:
        return [
            RoleChange(pid, tuple(self.add[pid]), tuple(self.remove[pid]))
            for pid in self.order
            if self.add[pid] or self.remove[pid]
        ]


def _load_users(request: ActorRequest, pending: Pending) -> dict[str, User]:
    """The group's users; an id of another company (or a removed user) is a 404."""
    users = selectors.users_by_ids(request.actor, pending.order)
    if len(users) != len(pending.order) or any(
        u.status == User.Status.REMOVED for u in users.values()
    ):
        raise Http404
    return users


def _forged_role_refusal(role: str) -> str:
    model = access_model()
    if role == LEAD:
        return _(
            "The alliance lead role is not added or removed here: it changes by reassignment "
            "(Reassign the alliance lead role)."
        )
    if role not in model.roles:
        return _("There is no role named %(role)s; nothing was changed for it.") % {"role": role}
    return _("You cannot give the role %(role)s.") % {"role": model.role_name(role)}


def _refuse_forged(request: ActorRequest, pending: Pending) -> None:
    """Roles the page never offers (a post made by editing it) are taken out of the
    group with a message, rather than dropped silently or sent on to the update."""
    grantable = grantable_roles(request.actor)
    known = access_model().roles
    for pid in pending.order:
        for role in [r for r in pending.add[pid] if r not in grantable]:
            pending.add[pid].remove(role)
            messages.error(request, _forged_role_refusal(role))
        for role in [r for r in pending.remove[pid] if r == LEAD or r not in known]:
            pending.remove[pid].remove(role)
            messages.error(request, _forged_role_refusal(role))


def _fold_selects(request: ActorRequest, pending: Pending, users: dict[str, User]) -> None:
    grantable = grantable_roles(request.actor)
    for pid in pending.order:
        role = request.POST.get(f"role:{pid}", "")
        if role in grantable:
            pending.choose(pid, role, role_keys(users[pid]))
        elif role:
            messages.error(request, _forged_role_refusal(role))


def _add_another(request: ActorRequest, pending: Pending) -> None:
    pid = request.POST.get("another", "")
    if not pid:
        messages.error(request, _("Choose a user to manage."))
    elif len(pending.order) >= MAX_USERS_PER_UPDATE:
        messages.error(request, _("Select at most %(n)d users.") % {"n": MAX_USERS_PER_UPDATE})
    elif pid not in pending.order:
        pending.order.append(pid)
        pending.add[pid], pending.remove[pid] = [], []


def _apply_button(request: ActorRequest, pending: Pending) -> None:
    kind, _sep, arg = request.POST.get("action", "").partition(":")
    if kind == "x":
        pid, _sep, role = arg.partition(":")
        pending.unchoose(pid, role)
    elif kind == "drop":
        pending.drop(arg)
    elif kind == "another":
        _add_another(request, pending)


@dataclass(frozen=True)
class Row:
    user: User
    held: list[tuple[str, str, bool]]  # key, name, to be removed
    adding: list[tuple[str, str]]  # key, name
    choices: list[tuple[str, str]]


def _rows(request: ActorRequest, pending: Pending, users: dict[str, User]) -> list[Row]:
    model = access_model()
    grantable = [key for key in model.roles if key in grantable_roles(request.actor)]
    rows = []
    for pid in pending.order:
        held = role_keys(users[pid])
        removing, adding = pending.remove[pid], pending.add[pid]
        choices = [
            (key, model.role_name(key))
            for key in grantable
            if key not in adding and (key not in held or key in removing)
        ]
        rows.append(
            Row(
                user=users[pid],
                held=[(key, model.role_name(key), key in removing) for key in held],
                adding=[(key, model.role_name(key)) for key in adding],
                choices=choices,
            )
        )
    return rows


def _page(request: ActorRequest, pending: Pending, users: dict[str, User]) -> HttpResponse:
    others = selectors.active_members(request.actor).exclude(public_id__in=pending.order)
    context = {
        "tab": "users",
        "rows": _rows(request, pending, users),
        "others": others.only("public_id", "email", "first_name", "last_name"),
        "max_users": MAX_USERS_PER_UPDATE,
        "full": len(pending.order) >= MAX_USERS_PER_UPDATE,
        "lead_role": LEAD,
        "may_reassign": bool(authorize(request.actor, "reassign_alliance_lead")),
    }
    return render(request, "accounts/users/manage_roles.html", context)


def _results(request: ActorRequest, results: list[ChangeResult]) -> HttpResponse:
    model = access_model()
    named = [(r, model.role_name(r.role) if r.role in model.roles else r.role) for r in results]
    context = {
        "tab": "users",
        "succeeded": [item for item in named if item[0].ok],
        "failed": [item for item in named if not item[0].ok],
    }
    return render(request, "accounts/users/manage_roles_result.html", context)


@user_management_page
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def manage_roles(request: ActorRequest) -> HttpResponse:
    if refusal := denied(request, "assign_roles"):
        return refusal
    pending = Pending.from_post(request.POST) if request.method == "POST" else Pending()
    action = request.POST.get("action", "")
    if action == "start" and not 0 < len(pending.order) <= MAX_USERS_PER_UPDATE:
        if pending.order:
            error = _("Select at most %(n)d users.") % {"n": MAX_USERS_PER_UPDATE}
        else:
            error = _("Select at least one user.")
        messages.error(request, error)
        return redirect("users:list")
    users = _load_users(request, pending)
    _refuse_forged(request, pending)
    _fold_selects(request, pending, users)
    if action == "update":
        return _update(request, pending, users)
    _apply_button(request, pending)
    _refuse_forged(request, pending)
    return _page(request, pending, _load_users(request, pending))


def _update(request: ActorRequest, pending: Pending, users: dict[str, User]) -> HttpResponse:
    changes = pending.changes()
    if not changes:
        messages.error(request, _("Choose a role to add or remove first."))
        return _page(request, pending, users)
    try:
        results = apply_role_changes(request.actor, changes)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
        return _page(request, pending, users)
    return _results(request, results)

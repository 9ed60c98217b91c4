"""The Partner Central roles tab: pending invitations (revocable) and Invite users."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from allyport.access.decisions import authorize
from allyport.access.grants import grantable_roles
from allyport.access.middleware import ActorRequest
from allyport.access.model import access_model
from allyport.accounts import selectors
from allyport.accounts.services.invitations import InviteRow, invite_users, row_problems
from allyport.accounts.services.members import revoke_invitation
from allyport.accounts.views.users.common import (
    denied,
    permission_denied_as_403,
    role_names,
    user_management_page,
)
from allyport.accounts.views.users.forms import MAX_INVITE_ROWS, InviteFormSet
from allyport.core.errors import ChangeRefused


@user_management_page
def roles_tab(request: ActorRequest) -> HttpResponse:
    invitations = [
        (invitation, role_names(invitation.roles))
        for invitation in selectors.pending_invitations(request.actor)
    ]
    context = {
        "tab": "roles",
        "invitations": invitations,
        "can_invite": bool(authorize(request.actor, "invite_users")),
    }
    return render(request, "accounts/users/roles_tab.html", context)


@user_management_page
@require_POST
@permission_denied_as_403
def revoke(request: ActorRequest, invitation_id: str) -> HttpResponse:
    if refusal := denied(request, "invite_users"):
        return refusal
    invitation = selectors.company_invitation(request.actor, invitation_id)
    if invitation is None:
        raise Http404
    try:
        revoke_invitation(request.actor, invitation.public_id)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(
            request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email}
        )
    return redirect("users:roles")


def _role_choices(request: ActorRequest) -> list[tuple[str, str]]:
    allowed = grantable_roles(request.actor)
    return [(r.key, r.name) for r in access_model().roles.values() if r.key in allowed]


@user_management_page
@require_http_methods(["GET", "POST"])
def invite(request: ActorRequest) -> HttpResponse:
    if refusal := denied(request, "invite_users"):
        return refusal
    kwargs = {"role_choices": _role_choices(request)}
    formset = InviteFormSet(request.POST or None, form_kwargs=kwargs, prefix="invite")
    if request.method == "POST" and request.POST.get("action") == "add":
        return _with_extra_row(request, kwargs)
    if request.method == "POST" and _valid(request, formset):
        rows = [
            InviteRow(f.cleaned_data["email"].lower(), f.cleaned_data["roles"]) for f in formset
        ]
        invite_users(request.actor, rows)
        messages.success(
            request,
            ngettext("%(n)d invitation sent.", "%(n)d invitations sent.", len(rows))
            % {"n": len(rows)},
        )
        return redirect("users:roles")
    return render(request, "accounts/users/invite.html", {"formset": formset, "tab": "roles"})


def _valid(request: ActorRequest, formset: forms.BaseFormSet) -> bool:
    """Check every row (shape, domain, grantable roles, duplicates); all errors at once."""
    if not formset.is_valid():
        return False
    seen: set[str] = set()
    ok = True
    for form in formset:
        email = form.cleaned_data["email"].lower()
        problems = row_problems(request.actor, InviteRow(email, form.cleaned_data["roles"]))
        if email in seen:
            problems["email"] = _("This address is already in another row.")
        seen.add(email)
        for field, message in problems.items():
            form.add_error(field, message)
            ok = False
    return ok


def _with_extra_row(request: ActorRequest, kwargs: dict) -> HttpResponse:
    data = request.POST.copy()
    total = int(data.get("invite-TOTAL_FORMS", "1") or 1)
    data["invite-TOTAL_FORMS"] = str(min(total + 1, MAX_INVITE_ROWS))
    formset = InviteFormSet(data, form_kwargs=kwargs, prefix="invite")
    context = {"formset": formset, "tab": "roles", "fresh": True}
    return render(request, "accounts/users/invite.html", context)

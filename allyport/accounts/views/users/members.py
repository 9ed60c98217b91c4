"""Pages the Users tab leads to for one member: Remove user, Deactivate, Reactivate,
and Reassign the alliance lead role."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.accounts import selectors
from allyport.accounts.models import User
from allyport.accounts.services.members import remove_user, set_user_active
from allyport.accounts.services.roles import reassign_alliance_lead
from allyport.accounts.views.users.common import (
    denied,
    permission_denied_as_403,
    user_management_page,
)
from allyport.accounts.views.users.forms import ReassignLeadForm
from allyport.core.errors import ChangeRefused
from allyport.core.forms import ConfirmForm


def _user_or_404(request: ActorRequest, user_id: str) -> User:
    user = selectors.company_user(request.actor, user_id)
    if user is None or user.status == User.Status.REMOVED:
        raise Http404
    return user


def _refused_into(form: ConfirmForm, refused: ChangeRefused) -> None:
    field = refused.field if refused.field in form.fields else None
    form.add_error(field, refused.reason)


@user_management_page
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def remove(request: ActorRequest, user_id: str) -> HttpResponse:
    if refusal := denied(request, "remove_users"):
        return refusal
    user = _user_or_404(request, user_id)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            remove_user(request.actor, user.public_id, form.cleaned_data["confirm"])
        except ChangeRefused as refused:
            _refused_into(form, refused)
        else:
            messages.success(request, _("%(email)s was removed.") % {"email": user.email})
            return redirect("users:list")
    return render(
        request, "accounts/users/remove.html", {"tab": "users", "form": form, "target": user}
    )


def _set_active(request: ActorRequest, user_id: str, active: bool) -> HttpResponse:
    if refusal := denied(request, "reassign_alliance_lead" if active else "remove_users"):
        return refusal
    user = _user_or_404(request, user_id)
    try:
        set_user_active(request.actor, user.public_id, active)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
    else:
        done = _("%(email)s was reactivated.") if active else _("%(email)s was deactivated.")
        messages.success(request, done % {"email": user.email})
    return redirect("users:list")


@user_management_page
@require_POST
@permission_denied_as_403
def deactivate(request: ActorRequest, user_id: str) -> HttpResponse:
    return _set_active(request, user_id, active=False)


@user_management_page
@require_POST
@permission_denied_as_403
def reactivate(request: ActorRequest, user_id: str) -> HttpResponse:
    return _set_active(request, user_id, active=True)


@user_management_page
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def reassign_lead(request: ActorRequest) -> HttpResponse:
    if refusal := denied(request, "reassign_alliance_lead"):
        return refusal
    actor = request.actor
    assert actor.user is not None  # member_page admits members only
    members = list(selectors.active_members(actor).exclude(pk=actor.user.pk))
    form = ReassignLeadForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reassign_alliance_lead(actor, data["new_lead"], data["confirm"])
        except ChangeRefused as refused:
            _refused_into(form, refused)
        else:
            new_lead = next(u for u in members if u.public_id == data["new_lead"])
            messages.success(
                request,
                _("%(email)s is now the alliance lead.") % {"email": new_lead.email},
            )
            # The former lead may no longer see User Management; this page shows the new lead.
            return redirect("accounts:alliance_lead")
    return render(request, "accounts/users/reassign_lead.html", {"tab": "users", "form": form})

"""The Security tab: the company's MFA setting; Edit and Save for manage_mfa holders."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.accounts.services.members import update_mfa
from allyport.accounts.views.users.common import (
    denied,
    permission_denied_as_403,
    user_management_page,
)
from allyport.accounts.views.users.forms import MfaForm


@user_management_page
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def security(request: ActorRequest) -> HttpResponse:
    actor = request.actor
    if request.method == "POST" and (refusal := denied(request, "manage_mfa")):
        return refusal
    assert actor.company is not None  # member_page admits members only
    enabled = actor.company.mfa_enabled
    form = MfaForm(request.POST or None, initial={"mfa": "on" if enabled else "off"})
    if request.method == "POST" and form.is_valid():
        update_mfa(actor, form.cleaned_data["mfa"])
        if form.cleaned_data["mfa"]:
            messages.success(request, _("MFA is enabled; it applies from the next sign-in."))
        else:
            messages.success(request, _("MFA is disabled; it applies from the next sign-in."))
        return redirect("users:security")
    can_edit = bool(authorize(actor, "manage_mfa"))
    context = {
        "tab": "security",
        "mfa_enabled": enabled,
        "can_edit": can_edit,
        "editing": can_edit and (request.method == "POST" or request.GET.get("edit") == "1"),
        "form": form,
    }
    return render(request, "accounts/users/security.html", context)

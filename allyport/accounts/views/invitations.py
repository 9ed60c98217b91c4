from __future__ import annotations

from django.contrib.auth import login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from allyport.access.middleware import ActorRequest
from allyport.access.model import access_model
from allyport.accounts.captcha import NEW_CAPTCHA
from allyport.accounts.forms import AcceptInvitationForm
from allyport.accounts.services.invitations import (
    InvitationError,
    accept_invitation,
    invitation_from_token,
)
from allyport.accounts.services.registration import RegistrationError
from allyport.accounts.views.registration import BACKEND


@require_http_methods(["GET", "POST"])
def accept(request: ActorRequest, token: str) -> HttpResponse:
    try:
        invitation = invitation_from_token(token)
    except InvitationError as exc:
        return render(request, "accounts/invitation_invalid.html", {"reason": str(exc)}, status=410)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.POST.get("action") == NEW_CAPTCHA:
        form = form.with_new_captcha()
    elif request.method == "POST" and form.is_valid():
        person = form.person({**form.cleaned_data, "email": invitation.email})
        try:
            user = accept_invitation(request.actor, token, person)
        except InvitationError as exc:
            return render(
                request, "accounts/invitation_invalid.html", {"reason": str(exc)}, status=410
            )
        except RegistrationError as exc:
            form.add_error(None, str(exc))
        else:
            login(request, user, backend=BACKEND)
            return redirect("home")
    roles = [access_model().role_name(r) for r in invitation.roles]
    context = {"form": form, "invitation": invitation, "roles": roles}
    return render(request, "accounts/invitation_accept.html", context)

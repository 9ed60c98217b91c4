from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from allyport.access import limits
from allyport.access.decisions import PermissionDenied
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page
from allyport.accounts import selectors
from allyport.accounts.forms import LockoutContactForm, ProfileForm
from allyport.accounts.services.members import MAX_MESSAGE, request_alliance_lead_change
from allyport.accounts.services.profile import contact_when_locked_out, update_profile
from allyport.core.errors import ChangeRefused


@member_page("My Profile/My Profile")
@require_http_methods(["GET", "POST"])
def profile(request: ActorRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update_profile(request.actor, form, "UpdateProfile")
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


class LeadChangeRequestForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message"),
        widget=forms.Textarea,
        max_length=MAX_MESSAGE,
        required=False,
        help_text=gettext_lazy("Tell the alliance lead and our staff what should change."),
    )


@member_page("My Company/View alliance lead and Request Change")
@require_http_methods(["GET", "POST"])
def alliance_lead(request: ActorRequest) -> HttpResponse:
    form = LeadChangeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_alliance_lead_change(request.actor, form.cleaned_data["message"])
        except ChangeRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.reason)
        except PermissionDenied as refused:
            return forbidden(request, refused.decision)
        else:
            messages.success(
                request, _("Your request was sent to the alliance lead and to our staff.")
            )
            return redirect("accounts:alliance_lead")
    lead = selectors.alliance_lead(request.actor)
    return render(request, "accounts/alliance_lead.html", {"lead": lead, "form": form})


@require_http_methods(["GET", "POST"])
def locked_out(request: ActorRequest) -> HttpResponse:
    form = LockoutContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if limits.limited(request, "contact"):
            form.add_error(None, limits.message())
        else:
            contact_when_locked_out(request.actor, **form.cleaned_data)
            return render(request, "accounts/locked_out_sent.html")
    return render(request, "accounts/locked_out.html", {"form": form})

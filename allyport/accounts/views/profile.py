from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.views import member_page
from allyport.accounts.forms import CertificationsForm, LockoutContactForm, ProfileForm
from allyport.accounts.models import User
from allyport.accounts.services.profile import contact_when_locked_out, update_profile


@member_page("My Profile/My Profile")
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update_profile(request.actor, form, "UpdateProfile")
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@member_page("My Profile/My Certifications")
@require_http_methods(["GET", "POST"])
def certifications(request: HttpRequest) -> HttpResponse:
    editing = request.method == "POST" or request.GET.get("edit") == "1"
    form = CertificationsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update_profile(request.actor, form, "UpdateCertificationEmail")
        messages.success(request, _("Saved. Certifications may take up to 5 days to update."))
        return redirect("accounts:certifications")
    return render(request, "accounts/certifications.html", {"form": form, "editing": editing})


@member_page("My Company/View alliance lead and Request Change")
def alliance_lead(request: HttpRequest) -> HttpResponse:
    lead = (
        User.objects.filter(
            company=request.actor.company,
            role_assignments__role="alliance_lead",
        )
        .only("first_name", "last_name", "email", "job_title")
        .first()
    )
    return render(request, "accounts/alliance_lead.html", {"lead": lead})


@require_http_methods(["GET", "POST"])
def locked_out(request: HttpRequest) -> HttpResponse:
    form = LockoutContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact_when_locked_out(request.actor, **form.cleaned_data)
        return render(request, "accounts/locked_out_sent.html")
    return render(request, "accounts/locked_out.html", {"form": form})

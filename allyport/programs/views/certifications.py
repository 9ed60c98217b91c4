"""My Profile > My Certifications: the person's AWS Certifications (shown, and those
still inside the FAQ's delay) and accreditations, and the certifications email with
its consent (Edit, Save)."""

from __future__ import annotations

from django.contrib import messages
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import RuleViolation
from allyport.programs.forms import CertificationEmailForm
from allyport.programs.models import Enrolment
from allyport.programs.permissions import MY_CERTIFICATIONS
from allyport.programs.selectors import certifications
from allyport.programs.services.certification_email import update_certification_email
from allyport.programs.views.common import me


@member_page(MY_CERTIFICATIONS)
@require_http_methods(["GET", "POST"])
@service_refusals
def my_certifications(request: ActorRequest) -> HttpResponseBase:
    user = me(request)
    editing = request.method == "POST" or request.GET.get("edit") == "1"
    initial = {
        "certification_email": user.certification_email,
        "certification_consent": user.certification_consent,
    }
    form = CertificationEmailForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_certification_email(
                request.actor, form.cleaned_data["certification_email"] or "",
                form.cleaned_data["certification_consent"],
            )  # fmt: skip
        except RuleViolation as refused:
            form.show(refused)
        else:
            days = certifications.delay_days()
            messages.success(
                request,
                _(
                    "Saved. Allow %(days)d days for certifications to update on your "
                    "Partner Scorecard."
                )
                % {"days": days},
            )
            return redirect("programs:my_certifications")
    context = {
        "form": form,
        "editing": editing,
        "held": certifications.of_user(user),
        "accreditations": Enrolment.objects.filter(user=user)
        .select_related("course")
        .order_by("-enrolled_at"),
        "delay_days": certifications.delay_days(),
    }
    return render(request, "programs/my_certifications.html", context)

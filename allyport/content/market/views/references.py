"""Market > Public Reference (Enrolled or higher): the company's customer references,
submit one with the customer's consent, correct one sent back."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.market import references as services
from allyport.content.market.forms import ReferenceForm
from allyport.content.market.models import PublicReference
from allyport.content.permissions import PUBLIC_REFERENCE
from allyport.content.shared.forms import also_check, show_refusal
from allyport.content.shared.review import find_for
from allyport.core.errors import ChangeRefused, RuleViolation


@member_page(PUBLIC_REFERENCE)
@require_GET
def reference_list(request: ActorRequest) -> HttpResponse:
    references = PublicReference.objects.filter(company=request.actor.company)
    context = {
        "references": references,
        "validated": services.validated_count(request.actor.company),
    }
    return render(request, "content/market/references.html", context)


def _form_page(request: ActorRequest, reference: PublicReference | None) -> HttpResponse:
    initial = {}
    if reference is not None:
        initial = {name: getattr(reference, name) for name in (*services.LIMITS, "consent")}
    form = ReferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if reference is None:
                services.submit_reference(request.actor, form.cleaned_data)
            else:
                services.update_reference(request.actor, reference.public_id, form.cleaned_data)
        except (RuleViolation, ChangeRefused) as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, _("The reference is submitted for validation."))
            return redirect("content:references")
    elif request.method == "POST":
        also_check(form, lambda given: services.clean(given))
    context = {"form": form, "reference": reference}
    return render(request, "content/market/reference_form.html", context)


@member_page(PUBLIC_REFERENCE)
@require_http_methods(["GET", "POST"])
@service_refusals
def reference_new(request: ActorRequest) -> HttpResponse:
    return _form_page(request, None)


@member_page(PUBLIC_REFERENCE)
@require_http_methods(["GET", "POST"])
@service_refusals
def reference(request: ActorRequest, public_id: str) -> HttpResponse:
    return _form_page(request, find_for(request.actor, PublicReference, public_id))

"""Build > Well-Architected workloads: the company's workload reviews, record one,
submit it for validation."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.build import selectors
from allyport.content.build import workloads as services
from allyport.content.build.forms import WorkloadForm
from allyport.content.build.models import WorkloadReview
from allyport.content.permissions import WORKLOADS
from allyport.content.shared.forms import also_check, show_refusal
from allyport.content.shared.review import find_for
from allyport.core.errors import ChangeRefused, RuleViolation


@member_page(WORKLOADS)
@require_GET
def workload_list(request: ActorRequest) -> HttpResponse:
    context = {"workloads": selectors.workloads(request.actor)}
    return render(request, "content/build/workloads.html", context)


def _form_page(request: ActorRequest, workload: WorkloadReview | None) -> HttpResponse:
    initial = WorkloadForm.initial_of(workload) if workload else {}
    form = WorkloadForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if workload is None:
                workload = services.create_workload(request.actor, form.cleaned_data)
            else:
                services.update_workload(request.actor, workload.public_id, form.cleaned_data)
        except (RuleViolation, ChangeRefused) as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, _("The workload review is saved."))
            return redirect("content:workload", workload.public_id)
    elif request.method == "POST":
        also_check(form, lambda given: services.clean(request.actor, given))
    context = {"form": form, "workload": workload}
    return render(request, "content/build/workload_form.html", context)


@member_page(WORKLOADS)
@require_http_methods(["GET", "POST"])
@service_refusals
def workload_new(request: ActorRequest) -> HttpResponse:
    return _form_page(request, None)


@member_page(WORKLOADS)
@require_http_methods(["GET", "POST"])
@service_refusals
def workload(request: ActorRequest, public_id: str) -> HttpResponse:
    return _form_page(request, find_for(request.actor, WorkloadReview, public_id))


@member_page(WORKLOADS)
@require_POST
@service_refusals
def workload_submit(request: ActorRequest, public_id: str) -> HttpResponse:
    try:
        services.submit_workload(request.actor, public_id)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The workload review is submitted for validation."))
    return redirect("content:workload", public_id)

"""Company Profile > Solutions/Practices, Qualifications, Case Studies and Products &
Services (with path enrolment)."""

from __future__ import annotations

from django.contrib import messages
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import RuleViolation
from allyport.profiles.enums import paths_for_types
from allyport.profiles.forms import (
    OfferingTypesForm,
    SolutionAreasForm,
    SolutionTextForm,
    show_refusal,
)
from allyport.profiles.selectors import company as reads
from allyport.profiles.selectors.solutions import validated_solutions
from allyport.profiles.services import profile as profile_services
from allyport.profiles.services import stages
from allyport.profiles.views.common import COMPANY_PROFILE, company_of, render_tab, tab_refusal


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET", "POST"])
@service_refusals
def solutions(request: ActorRequest) -> HttpResponseBase:
    if refused := tab_refusal(request, "solutions"):
        return refused
    company = company_of(request)
    posted = SolutionTextForm(request.POST) if request.method == "POST" else None
    if posted is not None and posted.is_valid():
        try:
            profile_services.set_solution_description(
                request.actor, company, posted.cleaned_data["solution"], posted.cleaned_data["text"]
            )
        except RuleViolation as refused_change:
            show_refusal(posted, refused_change)
        else:
            messages.success(request, _("The description was saved."))
            return redirect("profiles:solutions")
    rows = []
    for solution in validated_solutions(company):
        is_posted = posted is not None and posted.data.get("solution") == solution["id"]
        form = (
            posted
            if is_posted
            else SolutionTextForm(
                initial={"solution": solution["id"], "text": solution["description"]},
                prefix=None,
            )
        )
        rows.append({"solution": solution, "form": form})
    return render_tab(request, "solutions", "profiles/solutions.html", {"rows": rows})


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET", "POST"])
@service_refusals
def qualifications(request: ActorRequest) -> HttpResponseBase:
    if refused := tab_refusal(request, "qualifications"):
        return refused
    company = company_of(request)
    form = SolutionAreasForm(
        request.POST or None, initial={"solution_areas": reads.profile(company).solution_areas}
    )
    if request.method == "POST" and form.is_valid():
        try:
            profile_services.set_solution_areas(
                request.actor, company, form.cleaned_data["solution_areas"]
            )
        except RuleViolation as refused_change:
            show_refusal(form, refused_change)
        else:
            messages.success(request, _("Your solution areas were saved."))
            return redirect("profiles:qualifications")
    context = {"form": form, "qualifications": reads.qualifications(company)}
    return render_tab(request, "qualifications", "profiles/qualifications.html", context)


@member_page(COMPANY_PROFILE)
@require_GET
def case_studies(request: ActorRequest) -> HttpResponseBase:
    if refused := tab_refusal(request, "case_studies"):
        return refused
    studies = reads.case_studies(company_of(request), validated_only=True)
    return render_tab(request, "case_studies", "profiles/case_studies.html", {"studies": studies})


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET", "POST"])
@service_refusals
def products(request: ActorRequest) -> HttpResponseBase:
    company = company_of(request)
    shown = reads.profile(company)
    form = OfferingTypesForm(request.POST or None, initial={"offering_types": shown.offering_types})
    if request.method == "POST" and form.is_valid():
        try:
            profile_services.set_offering_types(
                request.actor, company, form.cleaned_data["offering_types"]
            )
        except RuleViolation as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, _("Your products and services were saved."))
            return redirect("profiles:products")
    enrolled = {e.path for e in reads.enrollments(company)}
    recommended = paths_for_types(list(shown.offering_types))
    context = {
        "form": form,
        "recommended": [(path, path in enrolled) for path in recommended],
        "enrollments": reads.enrollments(company),
        "history": reads.stage_history(company),
        "stage": company.stage,
    }
    return render_tab(request, "products", "profiles/products.html", context)


@member_page(COMPANY_PROFILE)
@require_POST
@service_refusals
def enroll(request: ActorRequest) -> HttpResponseBase:
    path = request.POST.get("path", "")
    try:
        stages.enroll_in_path(request.actor, company_of(request), path)
    except RuleViolation as refused:
        messages.error(request, refused.errors[0].message)
    else:
        messages.success(request, _("You are enrolled in the %(path)s path.") % {"path": path})
    return redirect("profiles:products")

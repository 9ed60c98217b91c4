"""Build > Case Studies: the company's case studies, create, edit, submit."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.build import case_studies as services
from allyport.content.build import selectors
from allyport.content.build.forms import CaseStudyForm
from allyport.content.build.models import CaseStudy
from allyport.content.permissions import CASE_STUDIES
from allyport.content.shared.forms import also_check, show_refusal
from allyport.content.shared.review import find_for
from allyport.core.errors import ChangeRefused, RuleViolation
from allyport.pipeline.models import Solution


def _offerings(request: ActorRequest) -> list[tuple[str, str]]:
    rows = Solution.objects.filter(company=request.actor.company).order_by("name")
    return [(s.public_id, f"{s.name} ({s.catalog})") for s in rows]


@member_page(CASE_STUDIES)
@require_GET
def case_study_list(request: ActorRequest) -> HttpResponse:
    studies = selectors.case_studies(request.actor)
    return render(request, "content/build/case_studies.html", {"studies": studies})


def _form_page(request: ActorRequest, study: CaseStudy | None) -> HttpResponse:
    initial = {}
    if study is not None:
        initial = {name: getattr(study, name) for name in services.LIMITS}
        initial["offerings"] = [s.public_id for s in study.offerings.all()]
    form = CaseStudyForm(request.POST or None, initial=initial, offerings=_offerings(request))
    if request.method == "POST" and form.is_valid():
        try:
            if study is None:
                study = services.create_case_study(request.actor, form.cleaned_data)
            else:
                services.update_case_study(request.actor, study.public_id, form.cleaned_data)
        except (RuleViolation, ChangeRefused) as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, _("The case study is saved."))
            return redirect("content:case_study", study.public_id)
    elif request.method == "POST":
        also_check(form, lambda given: services.clean(request.actor, given))
    context = {"form": form, "study": study}
    return render(request, "content/build/case_study_form.html", context)


@member_page(CASE_STUDIES)
@require_http_methods(["GET", "POST"])
@service_refusals
def case_study_new(request: ActorRequest) -> HttpResponse:
    return _form_page(request, None)


@member_page(CASE_STUDIES)
@require_http_methods(["GET", "POST"])
@service_refusals
def case_study(request: ActorRequest, public_id: str) -> HttpResponse:
    return _form_page(request, find_for(request.actor, CaseStudy, public_id))


@member_page(CASE_STUDIES)
@require_POST
@service_refusals
def case_study_submit(request: ActorRequest, public_id: str) -> HttpResponse:
    try:
        services.submit_case_study(request.actor, public_id)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The case study is submitted for validation."))
    return redirect("content:case_study", public_id)

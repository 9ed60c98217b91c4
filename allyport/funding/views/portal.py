"""Funding > Funding Portal ("AWS Partner Funding Portal"): the company's benefit
applications and allocations, creating and editing an application (Submit, or
Submit Later to keep a draft), and its page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page, service_refusals
from allyport.core.errors import Conflict, RuleViolation
from allyport.funding.forms import ApplicationForm, CancelForm, FileForm, ReasonForm, ResourceForm
from allyport.funding.models import ApplicationStatus, Benefit
from allyport.funding.permissions import APPLY, UPDATE_APPLICATION
from allyport.funding.services import applications, catalogue, lifecycle, listing
from allyport.funding.services.files import uri
from allyport.funding.services.lifecycle import AMENDABLE, OPEN, RECALLABLE
from allyport.funding.services.rules import schema_fields
from allyport.funding.views.common import FUNDING_PORTAL, application_url, show_refusal
from allyport.pipeline.models import Opportunity
from allyport.pipeline.selectors import arn_of
from allyport.pipeline.web import catalog_of, catalog_query, posted

PAGE_SIZE = 50


@member_page(FUNDING_PORTAL)
@require_GET
@service_refusals
def portal(request: ActorRequest) -> HttpResponse:
    catalog = catalog_of(request)
    status = request.GET.get("status", "")
    query: dict[str, Any] = {"MaxResults": PAGE_SIZE}
    if status in ApplicationStatus.values:
        query["Status"] = [status]
    token = request.GET.get("token")
    try:
        page = listing.list_applications(request.actor, catalog, {**query, "NextToken": token})
    except RuleViolation:  # a token of another list: start again
        page = listing.list_applications(request.actor, catalog, query)
    allocations = listing.list_allocations(request.actor, catalog, {"MaxResults": 100})
    context = {
        "applications": page.items,
        "next_token": page.next_token,
        "first_page": bool(token),
        "allocations": allocations.items,
        "status": status,
        "statuses": ApplicationStatus.choices,
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "may_apply": bool(authorize(request.actor, APPLY)),
    }
    return render(request, "funding/portal.html", context)


def _benefit_for(request: ActorRequest, catalog: str) -> Benefit | None:
    wanted = request.POST.get("benefit") or request.GET.get("benefit") or ""
    return (
        catalogue.benefits(request.actor, catalog).filter(public_id=wanted, status="ACTIVE").first()
    )


def _save(request: ActorRequest, form: ApplicationForm, catalog: str, existing: Any) -> Any:
    """Create or update; then Submit when that button was pressed. The application, or
    None with the refusals on the form."""
    try:
        if existing is None:
            payload = {**form.payload(), "BenefitIdentifier": form.benefit.public_id}
            application = applications.create_application(request.actor, catalog, payload)
        else:
            application = applications.update_application(
                request.actor,
                catalog,
                existing.public_id,
                request.POST.get("revision", ""),
                form.payload(),
            )
    except RuleViolation as refused:
        show_refusal(form, refused)
        return None
    except Conflict as conflict:
        form.add_error(None, str(conflict))
        return None
    if "submit" in request.POST:
        try:
            lifecycle.submit_application(request.actor, catalog, application.public_id)
        except RuleViolation as refused:
            show_refusal(form, refused)
            messages.warning(
                request, _("The application is saved as a draft; correct it to submit.")
            )
            if existing is None:
                return application
            existing.revision = application.revision  # the form posts the saved revision next
            return None
        messages.success(
            request,
            _("Application %(id)s is submitted for review.") % {"id": application.public_id},
        )
    else:
        messages.success(
            request, _("Application %(id)s is saved as a draft.") % {"id": application.public_id}
        )
    return application


@member_page(FUNDING_PORTAL)
@require_http_methods(["GET", "POST"])
@service_refusals
def new_application(request: ActorRequest) -> HttpResponseBase:
    catalog = catalog_of(request)
    decision = authorize(request.actor, APPLY)
    if not decision:
        return forbidden(request, decision)
    company = request.actor.company
    assert company is not None  # member_page: a member of a company
    benefit = _benefit_for(request, catalog)
    if benefit is None:
        choices = catalogue.benefits(request.actor, catalog).filter(status="ACTIVE")
        return render(
            request,
            "funding/choose_benefit.html",
            {"benefits": choices, "catalog_query": catalog_query(catalog)},
        )
    form = ApplicationForm(posted(request), benefit=benefit)
    if request.method == "POST" and form.is_valid():
        application = _save(request, form, catalog, None)
        if application is not None:
            return redirect(application_url(application))
    context = {
        "form": form,
        "benefit": benefit,
        "catalog_query": catalog_query(catalog),
        "title": _("Create application"),
        "reasons": catalogue.ineligible_reasons(company, benefit),
    }
    return render(request, "funding/form.html", context)


@member_page(FUNDING_PORTAL)
@require_http_methods(["GET", "POST"])
@service_refusals
def edit_application(request: ActorRequest, identifier: str) -> HttpResponseBase:
    catalog = catalog_of(request)
    application = applications.find_application(
        request.actor, catalog, identifier, UPDATE_APPLICATION
    )
    initial = ApplicationForm.initial_of(application)
    form = ApplicationForm(posted(request), benefit=application.benefit, initial=initial)
    saved = request.method == "POST" and form.is_valid()
    if saved and _save(request, form, catalog, application) is not None:
        return redirect(application_url(application))
    context = {
        "form": form,
        "benefit": application.benefit,
        "application": application,
        "catalog_query": catalog_query(catalog),
        "title": _("Edit application"),
    }
    return render(request, "funding/form.html", context)


def _opportunity_choices(request: ActorRequest, catalog: str) -> list[tuple[str, str]]:
    """The company's latest opportunities, by ARN, to associate without typing one."""
    company = request.actor.company
    found = Opportunity.objects.filter(company=company, catalog=catalog).order_by("-pk")[:50]
    return [(arn_of(o), f"{o.public_id} {o.title}".strip()) for o in found]


@member_page(FUNDING_PORTAL)
@require_GET
@service_refusals
def application_page(request: ActorRequest, identifier: str) -> HttpResponse:
    catalog = catalog_of(request)
    application = applications.get_application(request.actor, catalog, identifier)
    return render_application(request, application)


def render_application(
    request: ActorRequest, application: Any, status: int = 200, **forms: Any
) -> HttpResponse:
    """The application's page; `forms` replace the blank action forms (bound, with
    their errors, after a refused action)."""
    catalog = application.catalog
    allocation = (
        getattr(application, "allocation", None) if application.status == "APPROVED" else None
    )
    may_apply = bool(authorize(request.actor, APPLY))
    context = {
        "application": application,
        "catalog_query": catalog_query(catalog),
        "may_apply": may_apply,
        "allocation": allocation,
        "details": _detail_rows(application),
        "files": [(f, uri(f)) for f in application.files.all()],
        "history": application.revisions.all()[:50],
        "editable": application.status in applications.EDITABLE,
        "recallable": application.status in RECALLABLE,
        "open": application.status in OPEN,
        "amendable": application.status in AMENDABLE,
        "reason_form": ReasonForm(prefix="recall"),
        "amend_form": ReasonForm(prefix="amend"),
        "cancel_form": CancelForm(),
        "resource_form": ResourceForm(),
        "file_form": FileForm(),
        "opportunities": _opportunity_choices(request, catalog) if may_apply else [],
        "amend_fields": amend_fields(application),
    }
    context.update(forms)
    return render(request, "funding/application.html", context, status=status)


def amend_fields(application: Any) -> list[tuple[str, str, Any]]:
    """(field path, label, current value) of what Amend may change."""
    rows = [
        ("Name", _("Application name"), application.name),
        ("Description", _("Description"), application.description),
    ]
    details = application.details or {}
    for key, title, _description, _required in schema_fields(application.benefit):
        rows.append((f"BenefitApplicationDetails.{key}", title, details.get(key, "")))
    return rows


def _detail_rows(application: Any) -> list[tuple[str, Any]]:
    titles = {key: title for key, title, _d, _r in schema_fields(application.benefit)}
    return [(titles.get(k, k), v) for k, v in (application.details or {}).items()]

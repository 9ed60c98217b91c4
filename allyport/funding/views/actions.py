"""The buttons of an application's page: Submit, recall, amend, cancel, associate and
disassociate a resource, attach a file; and the download of an attached file. Each
posts to one service; a refusal shows the page again with the errors by their field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import Conflict, RuleViolation
from allyport.funding.forms import CancelForm, FileForm, ReasonForm, ResourceForm
from allyport.funding.permissions import UPDATE_APPLICATION
from allyport.funding.services import applications, files, lifecycle
from allyport.funding.views.common import FUNDING_PORTAL, application_url, show_refusal
from allyport.funding.views.portal import amend_fields, render_application
from allyport.pipeline.web import catalog_of

Done = Callable[[], Any]


def _run(
    request: ActorRequest,
    identifier: str,
    form: Any,
    form_name: str,
    run: Done,
    done: str,
    field_of: dict[str, str] | None = None,
) -> HttpResponseBase:
    """Validate `form`, run the service, and go back to the page with `done` said; or
    show the page with the form's errors."""
    catalog = catalog_of(request)
    if form.is_valid():
        try:
            run()
        except RuleViolation as refused:
            show_refusal(form, refused, field_of)
        except Conflict as conflict:
            form.add_error(None, str(conflict))
        else:
            messages.success(request, done)
            application = applications.get_application(request.actor, catalog, identifier)
            return redirect(application_url(application))
    application = applications.get_application(request.actor, catalog, identifier)
    return render_application(request, application, status=400, **{form_name: form})


@member_page(FUNDING_PORTAL)
@require_POST
@service_refusals
def submit(request: ActorRequest, identifier: str) -> HttpResponseBase:
    catalog = catalog_of(request)
    try:
        lifecycle.submit_application(request.actor, catalog, identifier)
    except RuleViolation as refused:
        for error in refused.errors:
            messages.error(
                request, _("%(item)s: %(reason)s") % {"item": error.field, "reason": error.message}
            )
        messages.error(request, _("Edit the application to correct it, then Submit."))
    else:
        messages.success(request, _("The application is submitted for review."))
    application = applications.get_application(request.actor, catalog, identifier)
    return redirect(application_url(application))


@member_page(FUNDING_PORTAL)
@require_POST
@service_refusals
def recall(request: ActorRequest, identifier: str) -> HttpResponseBase:
    form = ReasonForm(request.POST, prefix="recall")
    return _run(
        request,
        identifier,
        form,
        "reason_form",
        lambda: lifecycle.recall_application(
            request.actor, catalog_of(request), identifier, form.cleaned_data["reason"]
        ),
        _("The application is back in draft."),
        {"Reason": "reason"},
    )


@member_page(FUNDING_PORTAL)
@require_POST
@service_refusals
def cancel(request: ActorRequest, identifier: str) -> HttpResponseBase:
    form = CancelForm(request.POST)
    return _run(
        request,
        identifier,
        form,
        "cancel_form",
        lambda: lifecycle.cancel_application(
            request.actor, catalog_of(request), identifier, form.cleaned_data["reason"]
        ),
        _("The application is canceled."),
        {"Reason": "reason"},
    )


@member_page(FUNDING_PORTAL)
@require_POST
@service_refusals
def amend(request: ActorRequest, identifier: str) -> HttpResponseBase:
    """The changed fields (posted as `amend-field:<path>`) become the amendments."""
    form = ReasonForm(request.POST, prefix="amend")
    catalog = catalog_of(request)
    current = {path: value for path, _label, value in _current(request, identifier)}
    amendments = [
        {"FieldPath": key.split(":", 1)[1], "NewValue": request.POST.get(key, "").strip()}
        for key in request.POST
        if key.startswith("amend-field:")
        and request.POST.get(key, "").strip() != str(current.get(key.split(":", 1)[1]) or "")
    ]
    return _run(
        request,
        identifier,
        form,
        "amend_form",
        lambda: lifecycle.amend_application(
            request.actor,
            catalog,
            identifier,
            request.POST.get("revision", ""),
            form.cleaned_data["reason"],
            amendments,
        ),
        _("The application is amended."),
        {"AmendmentReason": "reason", "Amendments": "reason"},
    )


def _current(request: ActorRequest, identifier: str) -> list[tuple[str, str, Any]]:
    return amend_fields(
        applications.get_application(request.actor, catalog_of(request), identifier)
    )


@member_page(FUNDING_PORTAL)
@require_POST
@service_refusals
def associate(request: ActorRequest, identifier: str) -> HttpResponseBase:
    form = ResourceForm(request.POST)
    return _run(
        request,
        identifier,
        form,
        "resource_form",
        lambda: lifecycle.associate_resource(
            request.actor,
            catalog_of(request),
            identifier,
            form.cleaned_data["resource_arn"].strip(),
        ),
        _("The resource is associated."),
        {"ResourceArn": "resource_arn"},
    )


@member_page(FUNDING_PORTAL)
@require_POST
@service_refusals
def disassociate(request: ActorRequest, identifier: str) -> HttpResponseBase:
    form = ResourceForm(request.POST)
    return _run(
        request,
        identifier,
        form,
        "resource_form",
        lambda: lifecycle.disassociate_resource(
            request.actor,
            catalog_of(request),
            identifier,
            form.cleaned_data["resource_arn"].strip(),
        ),
        _("The resource is no longer associated."),
        {"ResourceArn": "resource_arn"},
    )


@member_page(FUNDING_PORTAL)
@require_POST
@service_refusals
def attach(request: ActorRequest, identifier: str) -> HttpResponseBase:
    """Upload a file onto a draft (or an application that needs action)."""
    form = FileForm(request.POST, request.FILES)
    catalog = catalog_of(request)

    def upload() -> None:
        application = applications.find_application(
            request.actor, catalog, identifier, UPDATE_APPLICATION
        )
        if application.status not in applications.EDITABLE:
            raise RuleViolation([])  # shown below as the form's error
        upload_file = form.cleaned_data["file"]
        files.upload(
            request.actor,
            upload_file.name,
            upload_file,
            application=application,
            business_use_case=form.cleaned_data["business_use_case"],
        )

    if form.is_valid():
        try:
            upload()
        except RuleViolation as refused:
            if not refused.errors:
                form.add_error(
                    None, _("Files are attached to drafts and to applications that need action.")
                )
            show_refusal(form, refused)
        else:
            messages.success(request, _("The file is attached."))
            return redirect(
                application_url(applications.get_application(request.actor, catalog, identifier))
            )
    application = applications.get_application(request.actor, catalog, identifier)
    return render_application(request, application, status=400, file_form=form)


@member_page(FUNDING_PORTAL)
@require_GET
@service_refusals
def download(request: ActorRequest, file_id: str, name: str) -> HttpResponse:
    """Only the company's own file, always as a download of its sniffed type."""
    found = files.find_file(request.actor, file_id)
    response = HttpResponse(bytes(found.content), content_type=found.content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{found.file_name.replace(chr(34), "")}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response

"""Programs > Program Application, the guide's flow: the Applications and Programs
page → Create → Apply for Program → Select Designation (a dialog with search) →
Select → the acknowledgement and Yes, I Agree → the program's steps → Submit, or
Submit Later to keep the draft."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import NotFound, RuleViolation
from allyport.programs.forms import (
    AcknowledgementForm,
    ApplicationStepsForm,
    AttachmentForm,
    StatusFilterForm,
)
from allyport.programs.permissions import APPLY_TO_PROGRAMS, EDIT_APPLICATIONS, PROGRAM_APPLICATION
from allyport.programs.selectors import applications as selectors
from allyport.programs.selectors import catalogue
from allyport.programs.services import applications as services
from allyport.programs.views.common import company, may


@member_page(PROGRAM_APPLICATION)
@require_GET
def application_list(request: ActorRequest) -> HttpResponse:
    form = StatusFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    context = {
        "applications": selectors.company_applications(request.actor, status)[:200],
        "form": form,
        "may_create": may(request, APPLY_TO_PROGRAMS),
    }
    return render(request, "programs/applications.html", context)


def _designation_choice(request: ActorRequest) -> tuple[object, str]:
    slug = request.GET.get("designation") or request.POST.get("designation") or ""
    if not slug:
        return None, ""
    try:
        found = catalogue.find_designation(slug)
    except NotFound:
        return None, _("Choose a designation from the list.")
    return found, catalogue.ineligibility(found, company(request))


@member_page(PROGRAM_APPLICATION)
@require_http_methods(["GET", "POST"])
@service_refusals
def application_create(request: ActorRequest) -> HttpResponseBase:
    """Apply for Program: Select Designation, then the acknowledgement."""
    designation, problem = _designation_choice(request)
    form = AcknowledgementForm(
        request.POST or None, initial={"designation": getattr(designation, "slug", "")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = services.create_application(
                request.actor, form.cleaned_data["designation"],
                acknowledged=form.cleaned_data["acknowledged"],
            )  # fmt: skip
        except RuleViolation as refused:
            for error in refused.errors:
                form.add_error(
                    "acknowledged" if error.field == "acknowledged" else None, error.message
                )
        else:
            return redirect("programs:application", made.public_id)
    query = request.GET.get("q", "").strip()[:80]
    selecting = request.GET.get("select") == "1" or "q" in request.GET
    context = {
        "designation": designation,
        "problem": problem,
        "form": form,
        "selecting": selecting,
        "q": query,
        "choices": list(catalogue.published_designations(query)[:50]) if selecting else [],
    }
    return render(request, "programs/application_create.html", context)


def _steps_form(request: ActorRequest, application: object) -> ApplicationStepsForm:
    studies = [str(s.get("title")) for s in selectors.case_studies_of(company(request))]
    return ApplicationStepsForm(application, studies, request.POST or None)  # type: ignore[arg-type]


@member_page(PROGRAM_APPLICATION)
@require_http_methods(["GET", "POST"])
@service_refusals
def application_detail(request: ActorRequest, public_id: str) -> HttpResponseBase:
    application = selectors.find_application(request.actor, public_id)
    form = _steps_form(request, application)
    if request.method == "POST" and application.editable and form.is_valid():
        submit = "submit" in request.POST
        try:
            services.update_application(
                request.actor, public_id, answers=form.answers(),
                case_studies=form.cleaned_data["case_studies"],
                references=form.references_list(), submit=submit,
            )  # fmt: skip
        except RuleViolation as refused:
            form.show(refused)
        else:
            if submit:
                messages.success(request, _("Your application was submitted for review."))
            else:
                messages.success(request, _("Your application was saved as a draft."))
            return redirect("programs:applications")
    context = {
        "application": application,
        "form": form,
        "attachment_form": AttachmentForm(),
        "may_edit": application.editable and may(request, EDIT_APPLICATIONS),
        "may_submit": may(request, APPLY_TO_PROGRAMS),
        "comments": application.comments.all(),
        "attachments": application.attachments.only("pk", "name", "size", "uploaded_at"),
    }
    return render(request, "programs/application.html", context)


@member_page(PROGRAM_APPLICATION)
@require_POST
@service_refusals
def attachment_upload(request: ActorRequest, public_id: str) -> HttpResponseBase:
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["attachment"]
        if upload.size > services.MAX_ATTACHMENT_BYTES:
            messages.error(request, _("Attach a file of at most 5 MB."))
            return redirect("programs:application", public_id)
        try:
            services.create_attachment(
                request.actor, public_id, upload.name, upload.content_type, upload.read()
            )
        except RuleViolation as refused:
            messages.error(request, refused.errors[0].message)
        else:
            messages.success(request, _("The file was attached."))
    else:
        selectors.find_application(request.actor, public_id)
        messages.error(request, _("Choose a file to attach."))
    return redirect("programs:application", public_id)


@member_page(PROGRAM_APPLICATION)
@require_POST
@service_refusals
def attachment_delete(request: ActorRequest, public_id: str, pk: int) -> HttpResponseBase:
    try:
        services.delete_attachment(request.actor, public_id, pk)
    except RuleViolation as refused:
        messages.error(request, refused.errors[0].message)
    return redirect("programs:application", public_id)


@member_page(PROGRAM_APPLICATION)
@require_GET
@service_refusals
def attachment_download(request: ActorRequest, public_id: str, pk: int) -> HttpResponseBase:
    application = selectors.find_application(request.actor, public_id)
    attachment = application.attachments.filter(pk=pk).first()
    if attachment is None:
        raise NotFound("ApplicationAttachment", str(pk))
    response = HttpResponse(bytes(attachment.content), content_type="application/octet-stream")
    response["Content-Disposition"] = (
        f'attachment; filename="{attachment.name.replace(chr(34), "")}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response

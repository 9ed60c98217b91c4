"""Program applications as the guide's flow makes them: Select Designation and
Yes, I Agree start a draft; the program's steps are saved with Submit Later and
sent with Submit; files are attached and removed while the company may still edit.
Each change is decided by `authorize` and recorded in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Target, require
from allyport.audit import services as audit
from allyport.core.errors import FieldError, RuleViolation, refuse
from allyport.pipeline.selectors import company_of
from allyport.programs.models import (
    ApplicationAttachment,
    ApplicationStatus,
    ProgramApplication,
)
from allyport.programs.permissions import APPLY_TO_PROGRAMS, EDIT_APPLICATIONS
from allyport.programs.selectors import catalogue
from allyport.programs.selectors.applications import case_studies_of, find_application

MAX_ANSWER = 4000
MAX_REFERENCE = 300
MAX_REFERENCES = 20
MAX_ATTACHMENTS = 10
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024


def _record(actor: Actor, event: str, application: ProgramApplication, **params: Any) -> None:
    audit.record_change(
        actor,
        event,
        company=application.company,
        request_parameters={
            "applicationId": application.public_id,
            "designation": application.designation.slug,
            **params,
        },
        resources=[{"ARN": application.public_id, "accountId": application.company.public_id}],
    )


def create_application(
    actor: Actor, designation_slug: str, *, acknowledged: bool
) -> ProgramApplication:
    """Select Designation, then Yes, I Agree: a draft of the program's application."""
    require(actor, APPLY_TO_PROGRAMS, Target(company=actor.company))
    company = company_of(actor)
    designation = catalogue.find_designation(designation_slug)
    errors = []
    if not acknowledged:
        errors.append(FieldError("acknowledged", _("Select the acknowledgement checkbox.")))
    why = catalogue.ineligibility(designation, company)
    if why:
        errors.append(FieldError("designation", why))
    if errors:
        raise RuleViolation(errors)
    now = timezone.now()
    try:
        with transaction.atomic():
            application = ProgramApplication.objects.create(
                company=company, designation=designation, created_by=actor.user,
                acknowledged_at=now, created_at=now, updated_at=now,
            )  # fmt: skip
            _record(actor, "CreateProgramApplication", application)
    except IntegrityError:
        raise refuse(
            "designation",
            _("Your company already has an application for %(name)s.") % {"name": designation},
        ) from None
    return application


def _clean_answers(application: ProgramApplication, answers: Mapping[str, str]) -> dict[str, str]:
    questions = application.designation.question_list()
    return {q: str(answers.get(q, "")).strip() for q in questions}


def _check_steps(
    application: ProgramApplication, answers: dict[str, str], case_studies: list[str],
    references: list[str], *, submitting: bool,
) -> None:  # fmt: skip
    """Every problem of the steps at once; the completeness rules only on Submit."""
    designation = application.designation
    errors = []
    for index, (question, answer) in enumerate(answers.items()):
        if len(answer) > MAX_ANSWER:
            errors.append(
                FieldError(f"answer_{index}", _("Keep the answer under 4,000 characters."))
            )
        elif submitting and not answer:
            errors.append(FieldError(f"answer_{index}", _("Answer: %(q)s") % {"q": question}))
    known = {str(study.get("title")) for study in case_studies_of(application.company)}
    if set(case_studies) - known:
        errors.append(FieldError("case_studies", _("Choose case studies of your company.")))
    elif submitting and len(case_studies) < designation.case_studies_required:
        errors.append(
            FieldError(
                "case_studies",
                _("Choose at least %(n)d case studies.") % {"n": designation.case_studies_required},
            )
        )
    if len(references) > MAX_REFERENCES or any(len(r) > MAX_REFERENCE for r in references):
        errors.append(FieldError("references", _("At most 20 references of 300 characters each.")))
    elif submitting and len(references) < designation.references_required:
        errors.append(
            FieldError(
                "references",
                _("Name at least %(n)d customer references.")
                % {"n": designation.references_required},
            )
        )
    if submitting and designation.attachment_required and not application.attachments.exists():
        errors.append(FieldError("attachment", _("Attach the documents the program asks for.")))
    if errors:
        raise RuleViolation(errors)


def update_application(
    actor: Actor, public_id: str, *, answers: Mapping[str, str], case_studies: Sequence[str],
    references: Sequence[str], submit: bool = False,
) -> ProgramApplication:  # fmt: skip
    """Save the steps (Submit Later keeps the draft) or, with `submit`, send them."""
    require(
        actor, APPLY_TO_PROGRAMS if submit else EDIT_APPLICATIONS, Target(company=actor.company)
    )
    with transaction.atomic():
        application = find_application(actor, public_id, for_update=True)
        if not application.editable:
            raise refuse(
                "status",
                _("This application is %(status)s and can no longer be changed.")
                % {"status": application.get_status_display()},
            )
        cleaned = _clean_answers(application, answers)
        studies = sorted({s.strip() for s in case_studies if s.strip()})
        refs = [r.strip() for r in references if r.strip()]
        _check_steps(application, cleaned, studies, refs, submitting=submit)
        application.answers, application.case_studies, application.references = (
            cleaned,
            studies,
            refs,
        )
        application.updated_at = timezone.now()
        if submit:
            application.status = ApplicationStatus.SUBMITTED
            application.submitted_at = application.updated_at
        application.save()
        event = "SubmitProgramApplication" if submit else "UpdateProgramApplication"
        _record(actor, event, application, status=application.status)
    return application


def create_attachment(
    actor: Actor, public_id: str, name: str, content_type: str, content: bytes
) -> ApplicationAttachment:
    require(actor, EDIT_APPLICATIONS, Target(company=actor.company))
    if not content or len(content) > MAX_ATTACHMENT_BYTES:
        raise refuse("attachment", _("Attach a file of at most 5 MB."))
    with transaction.atomic():
        application = find_application(actor, public_id, for_update=True)
        if not application.editable:
            raise refuse("attachment", _("This application can no longer be changed."))
        if application.attachments.count() >= MAX_ATTACHMENTS:
            raise refuse("attachment", _("An application holds at most 10 files."))
        attachment = ApplicationAttachment.objects.create(
            application=application, name=name[:200] or "file", size=len(content),
            content_type=(content_type or "application/octet-stream")[:100], content=content,
        )  # fmt: skip
        _record(actor, "CreateApplicationAttachment", application, fileName=attachment.name)
    return attachment


def delete_attachment(actor: Actor, public_id: str, attachment_id: int) -> None:
    require(actor, EDIT_APPLICATIONS, Target(company=actor.company))
    with transaction.atomic():
        application = find_application(actor, public_id, for_update=True)
        attachment = application.attachments.filter(pk=attachment_id).first()
        if attachment is None or not application.editable:
            raise refuse("attachment", _("This file can no longer be removed."))
        attachment.delete()
        _record(actor, "DeleteApplicationAttachment", application, fileName=attachment.name)

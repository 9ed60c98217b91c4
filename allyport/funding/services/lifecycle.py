"""An application's life after it is drafted: Submit (to review), recall (back to
draft), cancel, amend (field-path changes with a reason, under revision control) and
the resources tied to it.

    PENDING_SUBMISSION --Submit--> IN_REVIEW --staff--> APPROVED | REJECTED | ACTION_REQUIRED
    IN_REVIEW, ACTION_REQUIRED --recall--> PENDING_SUBMISSION
    ACTION_REQUIRED --Submit--> IN_REVIEW
    any open status --cancel--> CANCELED
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import BAD_STATE, FieldError, RuleViolation
from allyport.funding.models import TERMINAL, ApplicationStatus, BenefitApplication
from allyport.funding.permissions import (
    AMEND_APPLICATION,
    ASSOCIATE_RESOURCE,
    CANCEL_APPLICATION,
    DISASSOCIATE_RESOURCE,
    RECALL_APPLICATION,
    SUBMIT_APPLICATION,
)
from allyport.funding.services import history, resources, rules
from allyport.funding.services.applications import EDITABLE, check_revision, find_application
from allyport.funding.services.catalogue import ineligible_reasons

S = ApplicationStatus
RECALLABLE = frozenset({S.IN_REVIEW, S.ACTION_REQUIRED})
OPEN = frozenset(S.values) - TERMINAL
AMENDABLE = frozenset({S.PENDING_SUBMISSION, S.IN_REVIEW, S.ACTION_REQUIRED})
STAGES: dict[str, str] = {
    S.PENDING_SUBMISSION: "Draft",
    S.IN_REVIEW: "Review",
    S.ACTION_REQUIRED: "Review",
    S.APPROVED: "Fulfillment",
    S.REJECTED: "Closed",
    S.CANCELED: "Closed",
}


def move(application: BenefitApplication, status: str, reason: str = "") -> str:
    """Set the status, its stage and reason; the status before."""
    before = application.status
    application.status = status
    application.stage = STAGES[status]
    application.status_reason = reason[:1000]
    return before


def submit_application(actor: Actor, catalog: str, identifier: str) -> BenefitApplication:
    with transaction.atomic():
        application = find_application(actor, catalog, identifier, SUBMIT_APPLICATION, lock=True)
        rules.check_status(application, EDITABLE, _("submitted"))
        rules.check_submittable(application)
        reasons = ineligible_reasons(application.company, application.benefit)
        if reasons:
            raise RuleViolation([FieldError("Identifier", " ".join(reasons), BAD_STATE)])
        before = move(application, S.IN_REVIEW)
        application.status_reason_codes = []
        history.saved(actor, application, "Submitted", previous_status=before)
        history.record(
            actor, "SubmitBenefitApplication", application, {"identifier": application.public_id}
        )
    return application


def recall_application(
    actor: Actor, catalog: str, identifier: str, reason: str
) -> BenefitApplication:
    """Back to draft, to change and submit again."""
    if not reason.strip():
        raise RuleViolation([FieldError("Reason", _("Say why you recall the application."))])
    with transaction.atomic():
        application = find_application(actor, catalog, identifier, RECALL_APPLICATION, lock=True)
        rules.check_status(application, RECALLABLE, _("recalled"))
        before = move(application, S.PENDING_SUBMISSION, reason.strip())
        history.saved(actor, application, "Recalled", previous_status=before, reason=reason)
        history.record(
            actor,
            "RecallBenefitApplication",
            application,
            {"identifier": application.public_id, "reason": reason},
        )
    return application


def cancel_application(
    actor: Actor, catalog: str, identifier: str, reason: str = ""
) -> BenefitApplication:
    with transaction.atomic():
        application = find_application(actor, catalog, identifier, CANCEL_APPLICATION, lock=True)
        rules.check_status(application, OPEN, _("canceled"))
        before = move(application, S.CANCELED, reason.strip())
        history.saved(actor, application, "Canceled", previous_status=before, reason=reason)
        history.record(
            actor,
            "CancelBenefitApplication",
            application,
            {"identifier": application.public_id, "reason": reason},
        )
    return application


def _amended(
    application: BenefitApplication, amendments: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Apply `Name`, `Description` and `BenefitApplicationDetails.<key>` amendments; the
    changes with old values, for the history. Every unknown path is named at once."""
    errors, changes = [], []
    details = dict(application.details or {})
    for index, amendment in enumerate(amendments):
        path, value = str(amendment.get("FieldPath", "")), str(amendment.get("NewValue", ""))
        field = f"Amendments[{index}].FieldPath"
        if path in rules.TEXT_LIMITS:
            if len(value.strip()) > rules.TEXT_LIMITS[path] or (
                path == "Name" and not value.strip()
            ):
                errors.append(
                    FieldError(
                        f"Amendments[{index}].NewValue", _("Not a valid %(f)s.") % {"f": path}
                    )
                )
                continue
            column = path.lower()
            changes.append(
                {
                    "FieldPath": path,
                    "OldValue": getattr(application, column),
                    "NewValue": value.strip(),
                }
            )
            setattr(application, column, value.strip())
        elif path.startswith("BenefitApplicationDetails.") and len(path) > 26:
            key = path.split(".", 1)[1]
            changes.append({"FieldPath": path, "OldValue": details.get(key), "NewValue": value})
            details[key] = value
        else:
            errors.append(
                FieldError(field, _("Amend Name, Description or BenefitApplicationDetails.<name>."))
            )
    if not amendments:
        errors.append(FieldError("Amendments", _("Give at least one amendment.")))
    if errors:
        raise RuleViolation(errors)
    application.details = details
    return changes


def amend_application(
    actor: Actor,
    catalog: str,
    identifier: str,
    revision: str,
    reason: str,
    amendments: list[dict[str, Any]],
) -> BenefitApplication:
    """Change an application under way (also in review), with a reason the history keeps."""
    with transaction.atomic():
        application = find_application(actor, catalog, identifier, AMEND_APPLICATION, lock=True)
        check_revision(application, revision)
        rules.check_status(application, AMENDABLE, _("amended"))
        changes = _amended(application, amendments)
        history.saved(
            actor,
            application,
            "Amended",
            previous_status=application.status,
            reason=reason,
            changes=changes,
        )
        history.record(
            actor,
            "AmendBenefitApplication",
            application,
            {
                "identifier": application.public_id,
                "amendmentReason": reason,
                "amendments": [c["FieldPath"] for c in changes],
            },
        )
    return application


def associate_resource(actor: Actor, catalog: str, identifier: str, arn: str) -> BenefitApplication:
    with transaction.atomic():
        application = find_application(actor, catalog, identifier, ASSOCIATE_RESOURCE, lock=True)
        rules.check_status(application, OPEN, _("changed"))
        resources.check_arns(application.company, catalog, [arn], "ResourceArn")
        if arn not in application.associated_resources:
            rules.check_resource_count([*application.associated_resources, arn])
            application.associated_resources = [*application.associated_resources, arn]
            history.saved(
                actor,
                application,
                "Resource associated",
                previous_status=application.status,
                changes=[{"FieldPath": "AssociatedResources", "NewValue": arn}],
            )
        history.record(
            actor,
            "AssociateBenefitApplicationResource",
            application,
            {"identifier": application.public_id, "resourceArn": arn},
        )
    return application


def disassociate_resource(
    actor: Actor, catalog: str, identifier: str, arn: str
) -> BenefitApplication:
    with transaction.atomic():
        application = find_application(actor, catalog, identifier, DISASSOCIATE_RESOURCE, lock=True)
        rules.check_status(application, OPEN, _("changed"))
        if arn not in application.associated_resources:
            raise RuleViolation(
                [
                    FieldError(
                        "ResourceArn", _("This resource is not associated with the application.")
                    )
                ]
            )
        application.associated_resources = [a for a in application.associated_resources if a != arn]
        history.saved(
            actor,
            application,
            "Resource disassociated",
            previous_status=application.status,
            changes=[{"FieldPath": "AssociatedResources", "OldValue": arn}],
        )
        history.record(
            actor,
            "DisassociateBenefitApplicationResource",
            application,
            {"identifier": application.public_id, "resourceArn": arn},
        )
    return application

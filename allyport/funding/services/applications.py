"""Create, read and update benefit applications (Funding Portal, Create-, Get- and
UpdateBenefitApplication)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission
from allyport.core.errors import BUSINESS, Conflict, FieldError, NotFound, RuleViolation
from allyport.funding.models import ApplicationStatus, Benefit, BenefitApplication
from allyport.funding.permissions import (
    CREATE_APPLICATION,
    GET_APPLICATION,
    UPDATE_APPLICATION,
)
from allyport.funding.scope import (
    APPLICATION,
    BENEFIT,
    check_catalog,
    public_id,
    require_funding,
    target,
)
from allyport.funding.services import files, history, resources, rules
from allyport.funding.services.catalogue import ineligible_reasons
from allyport.pipeline.selectors import linked_account_id

RESOURCE = "BenefitApplication"
EDITABLE = frozenset({ApplicationStatus.PENDING_SUBMISSION, ApplicationStatus.ACTION_REQUIRED})


def find_application(
    actor: Actor, catalog: str, identifier: str, permission: Permission, *, lock: bool = False
) -> BenefitApplication:
    """The company's application, once `permission` is granted on it; NotFound for a
    missing one, another company's and the other catalog's alike."""
    company = require_funding(actor, permission, target(actor, APPLICATION, catalog, identifier))
    queryset = BenefitApplication.objects.filter(company=company, catalog=check_catalog(catalog))
    wanted = public_id(APPLICATION, catalog, identifier, linked_account_id(company))
    if lock:
        queryset = queryset.select_for_update()
    found = queryset.select_related("benefit", "company").filter(public_id=wanted).first()
    if found is None:
        raise NotFound(RESOURCE, identifier)
    return found


def get_application(actor: Actor, catalog: str, identifier: str) -> BenefitApplication:
    return find_application(actor, catalog, identifier, GET_APPLICATION)


def _benefit(catalog: str, identifier: str) -> Benefit:
    try:
        wanted = public_id(BENEFIT, catalog, identifier, None)
    except NotFound:
        wanted = ""
    found = Benefit.objects.filter(catalog=catalog, public_id=wanted).first()
    if found is None:
        raise RuleViolation(
            [FieldError("BenefitIdentifier", _("No such benefit in this catalog."))]
        )
    return found


def _apply(application: BenefitApplication, fields: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Set the cleaned fields; the changes as the history lists them."""
    columns = {
        "Name": "name",
        "Description": "description",
        "FulfillmentTypes": "fulfillment_types",
        "BenefitApplicationDetails": "details",
        "PartnerContacts": "partner_contacts",
    }
    changes = []
    for member, column in columns.items():
        if member in fields and getattr(application, column) != fields[member]:
            setattr(application, column, fields[member])
            changes.append({"FieldPath": member})
    return changes


def create_application(
    actor: Actor, catalog: str, payload: Mapping[str, Any]
) -> BenefitApplication:
    """A draft (PENDING_SUBMISSION) application for an eligible benefit."""
    company = require_funding(actor, CREATE_APPLICATION, target(actor, APPLICATION, catalog))
    check_catalog(catalog)
    benefit = _benefit(catalog, str(payload.get("BenefitIdentifier") or ""))
    reasons = ineligible_reasons(company, benefit)
    if reasons:
        raise RuleViolation([FieldError("BenefitIdentifier", " ".join(reasons))], BUSINESS)
    fields = rules.clean_fields(benefit, payload)
    arns = list(payload.get("AssociatedResources") or ())
    rules.check_resource_count(arns)
    arns = resources.check_arns(company, catalog, arns, "AssociatedResources")
    with transaction.atomic():
        application = BenefitApplication(
            company=company,
            catalog=catalog,
            benefit=benefit,
            fulfillment_types=list(benefit.fulfillment_types or ()),
            associated_resources=arns,
            tags=list(payload.get("Tags") or ()),
            created_by=actor.user if actor.user is not None and actor.user.pk else None,
            revision=0,
        )
        _apply(application, fields)
        if not application.name:
            application.name = benefit.name[:255]
        history.saved(actor, application, "Created", previous_status="")
        if payload.get("FileDetails"):
            files.attach(application, files.resolve(company, payload["FileDetails"], application))
        history.record(
            actor,
            "CreateBenefitApplication",
            application,
            {"benefitIdentifier": benefit.public_id, "name": application.name},
        )
    return application


def check_revision(application: BenefitApplication, revision: str) -> None:
    if str(revision) != str(application.revision):
        raise Conflict(
            _("The application changed since revision %(given)s; read it again (revision %(now)s).")
            % {"given": revision, "now": application.revision},
            RESOURCE,
            application.public_id,
        )


def update_application(
    actor: Actor, catalog: str, identifier: str, revision: str, payload: Mapping[str, Any]
) -> BenefitApplication:
    """Change a draft or an application that needs action, at the current revision."""
    with transaction.atomic():
        application = find_application(actor, catalog, identifier, UPDATE_APPLICATION, lock=True)
        check_revision(application, revision)
        rules.check_status(application, EDITABLE, _("updated"))
        fields = rules.clean_fields(application.benefit, payload)
        chosen = (
            files.resolve(application.company, payload["FileDetails"], application)
            if "FileDetails" in payload
            else None
        )
        changes = _apply(application, fields)
        if chosen is not None:
            files.attach(application, chosen)
            changes.append({"FieldPath": "FileDetails"})
        history.saved(
            actor, application, "Updated", previous_status=application.status, changes=changes
        )
        history.record(
            actor,
            "UpdateBenefitApplication",
            application,
            {"identifier": application.public_id, "revision": str(revision)},
        )
    return application

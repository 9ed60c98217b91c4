"""Audit-per-caller cases of funding: benefit applications through their life,
staff review and allocations, tags and files (joined by
home/tests/test_audit_per_caller.py)."""

from __future__ import annotations

import io
from collections.abc import Callable
from types import ModuleType
from typing import Any

from allyport.access.actor import Actor
from allyport.funding.services import applications as funding_applications
from allyport.funding.services import files as funding_files
from allyport.funding.services import lifecycle as funding_lifecycle
from allyport.funding.services import review as funding_review
from allyport.funding.services import tags as funding_tags
from allyport.funding.services.history import application_arn
from allyport.funding.tests.conftest import PDF, make_benefit
from allyport.pipeline import selectors
from allyport.testing import make_user

MEMBER, IAM, STAFF, SYSTEM = "member", "iam", "staff", "system"

SCANNED: dict[str, ModuleType] = {
    "funding.applications": funding_applications,
    "funding.lifecycle": funding_lifecycle,
    "funding.review": funding_review,
    "funding.tags": funding_tags,
    "funding.files": funding_files,
}
NOT_CHANGES: dict[str, str] = {}


def _benefit_application(world: Any, submitted: bool = False) -> Any:
    benefit = make_benefit()
    made = funding_applications.create_application(
        world.actors[MEMBER], "AWS",
        {"BenefitIdentifier": benefit.public_id, "Name": "Webinars",
         "BenefitApplicationDetails": {"activity": "Webinars"}},
    )  # fmt: skip
    if submitted:
        funding_lifecycle.submit_application(world.actors[MEMBER], "AWS", made.public_id)
    return made


def _create_benefit_application(world: Any, actor: Actor) -> None:
    benefit = make_benefit()
    funding_applications.create_application(actor, "AWS", {"BenefitIdentifier": benefit.public_id})


def _update_benefit_application(world: Any, actor: Actor) -> None:
    made = _benefit_application(world)
    funding_applications.update_application(actor, "AWS", made.public_id, "1", {"Name": "New"})


def _benefit_step(step: str) -> Callable[[Any, Actor], None]:
    def run(world: Any, actor: Actor) -> None:
        made = _benefit_application(world, submitted=step in ("recall", "amend"))
        ident = made.public_id
        if step == "submit":
            funding_lifecycle.submit_application(actor, "AWS", ident)
        elif step == "recall":
            funding_lifecycle.recall_application(actor, "AWS", ident, "Change it")
        elif step == "cancel":
            funding_lifecycle.cancel_application(actor, "AWS", ident, "Not needed")
        elif step == "amend":
            funding_lifecycle.amend_application(
                actor, "AWS", ident, str(made.revision + 1), "Why",
                [{"FieldPath": "Name", "NewValue": "Amended"}],
            )  # fmt: skip

    return run


def _benefit_resource(associate: bool) -> Callable[[Any, Actor], None]:
    def run(world: Any, actor: Actor) -> None:
        made = _benefit_application(world)
        arn = selectors.arn_of(world.opportunity())
        first = actor if associate else world.actors[MEMBER]
        funding_lifecycle.associate_resource(first, "AWS", made.public_id, arn)
        if not associate:
            funding_lifecycle.disassociate_resource(actor, "AWS", made.public_id, arn)

    return run


def _benefit_review(decision: str) -> Callable[[Any, Actor], None]:
    def run(world: Any, actor: Actor) -> None:
        made = _benefit_application(world, submitted=True)
        if decision == "approve":
            funding_review.approve_application(actor, made.public_id, amount="10")
        elif decision == "action":
            funding_review.request_action(actor, made.public_id, "Add the agenda")
        elif decision == "reject":
            funding_review.reject_application(actor, made.public_id, "No budget")
        else:
            staff = Actor.for_staff(make_user(world.company))
            allocation = funding_review.approve_application(staff, made.public_id, amount="10")
            funding_review.set_utilized(actor, allocation.public_id, "5")

    return run


def _benefit_tags(untag: bool) -> Callable[[Any, Actor], None]:
    def run(world: Any, actor: Actor) -> None:
        arn = application_arn(_benefit_application(world))
        funding_tags.tag_resource(world.actors[MEMBER] if untag else actor, arn,
                                  [{"Key": "team", "Value": "east"}])  # fmt: skip
        if untag:
            funding_tags.untag_resource(actor, arn, ["team"])

    return run


def _upload_benefit_file(world: Any, actor: Actor) -> None:
    funding_files.upload(actor, "plan.pdf", io.BytesIO(PDF))


SERVICES = [
    ("funding.applications.create_application", "CreateBenefitApplication", (MEMBER, IAM),
     _create_benefit_application),
    ("funding.applications.update_application", "UpdateBenefitApplication", (MEMBER, IAM),
     _update_benefit_application),
    ("funding.lifecycle.submit_application", "SubmitBenefitApplication", (MEMBER, IAM),
     _benefit_step("submit")),
    ("funding.lifecycle.recall_application", "RecallBenefitApplication", (MEMBER, IAM),
     _benefit_step("recall")),
    ("funding.lifecycle.cancel_application", "CancelBenefitApplication", (MEMBER, IAM),
     _benefit_step("cancel")),
    ("funding.lifecycle.amend_application", "AmendBenefitApplication", (MEMBER, IAM),
     _benefit_step("amend")),
    ("funding.lifecycle.associate_resource", "AssociateBenefitApplicationResource",
     (MEMBER, IAM), _benefit_resource(True)),
    ("funding.lifecycle.disassociate_resource", "DisassociateBenefitApplicationResource",
     (MEMBER, IAM), _benefit_resource(False)),
    ("funding.review.approve_application", "ApproveBenefitApplication", (STAFF, SYSTEM),
     _benefit_review("approve")),
    ("funding.review.request_action", "RequestAction", (STAFF, SYSTEM),
     _benefit_review("action")),
    ("funding.review.reject_application", "RejectBenefitApplication", (STAFF, SYSTEM),
     _benefit_review("reject")),
    ("funding.review.set_utilized", "UpdateBenefitAllocation", (STAFF, SYSTEM),
     _benefit_review("usage")),
    ("funding.tags.tag_resource", "TagResource", (MEMBER, IAM), _benefit_tags(False)),
    ("funding.tags.untag_resource", "UntagResource", (MEMBER, IAM), _benefit_tags(True)),
    ("funding.files.upload", "UploadBenefitApplicationFile", (MEMBER, IAM),
     _upload_benefit_file),
]  # fmt: skip

"""Audit whatever the caller: every writing service records its domain event for
each kind of caller that may use it (a portal member, an IAM principal, staff, the
system, and the jobs acting as either), with the event's name, the caller's
userIdentity type and the company.

`SERVICES` lists every public writing function of the service modules in
`SCANNED`; `test_every_writing_service_is_listed` fails when one is added without
an entry, so a new change cannot skip its record unnoticed.
"""

from __future__ import annotations

import inspect
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.audit.models import AuditEvent
from allyport.bulk import api_jobs, files, rows
from allyport.bulk import services as bulk_services
from allyport.bulk.tests.conftest import csv_bytes, good_row
from allyport.channel.tests import audit_cases as channel_cases
from allyport.cloud import services as cloud
from allyport.cloud.principals import IamPrincipal
from allyport.connections.tests import audit_cases as connection_cases
from allyport.content.tests import audit_cases as content_cases
from allyport.customers.services import accounts
from allyport.customers.tests.conftest import payload as account_payload
from allyport.funding.services import applications as funding_applications
from allyport.funding.services import files as funding_files
from allyport.funding.services import lifecycle as funding_lifecycle
from allyport.funding.services import review as funding_review
from allyport.funding.services import tags as funding_tags
from allyport.funding.services.history import application_arn
from allyport.funding.tests.conftest import PDF, make_benefit
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline import selectors, services
from allyport.pipeline.engagements import (
    contexts,
    engagement_tasks,
    invitation_answers,
    invitation_sending,
)
from allyport.pipeline.engagements import services as engagement_services
from allyport.pipeline.prospecting import services as prospecting
from allyport.pipeline.shared import selling_settings, tags
from allyport.pipeline.snapshots import jobs as snapshot_jobs
from allyport.pipeline.tests.conftest import complete, make_solution
from allyport.pipeline.tests.engagement_fixtures import LEAD, lead, share
from allyport.pipeline.tests.test_system_settings import TRUST
from allyport.profiles.tests import audit_cases as profile_cases
from allyport.programs.services import applications as program_applications
from allyport.programs.services import certification_email, differentiation, learning
from allyport.programs.services import review as program_review
from allyport.programs.tests.conftest import course as program_course
from allyport.programs.tests.conftest import make_catalogue
from allyport.support import services as support
from allyport.testing import make_company, make_credentials, make_user
from allyport.worklist.catalogue import load as load_task_catalogue
from allyport.worklist.models import GrowthRule, TaskDefinition
from allyport.worklist.services import recommend as worklist_recommend
from allyport.worklist.services import tasks as worklist_tasks

pytestmark = pytest.mark.django_db

MEMBER, IAM, STAFF, SYSTEM = "member", "iam", "staff", "system"
IDENTITY = {MEMBER: "Unknown", IAM: "IAMUser", STAFF: "Unknown", SYSTEM: "AWSService"}
WRITING = re.compile(
    r"^(create|update|delete|submit|assign|start|accept|reject|associate|disassociate|put|tag|"
    r"untag|stop|set|import|transfer|share|send|cancel)_"
)
SCANNED: dict[str, ModuleType] = {
    "pipeline.services": services,
    "customers.accounts": accounts,
    "bulk.services": bulk_services,
    "bulk.rows": rows,
    "engagements.services": engagement_services,
    "engagements.invitation_sending": invitation_sending,
    "engagements.invitation_answers": invitation_answers,
    "engagements.engagement_tasks": engagement_tasks,
    "engagements.contexts": contexts,
    "snapshots.jobs": snapshot_jobs,
    "prospecting.services": prospecting,
    "shared.selling_settings": selling_settings,
    "shared.tags": tags,
    "programs.applications": program_applications,
    "programs.review": program_review,
    "programs.differentiation": differentiation,
    "programs.learning": learning,
    "programs.certification_email": certification_email,
    **content_cases.SCANNED,
    "funding.applications": funding_applications,
    "funding.lifecycle": funding_lifecycle,
    "funding.review": funding_review,
    "funding.tags": funding_tags,
    "funding.files": funding_files,
    **connection_cases.MODULES,
    **profile_cases.SCANNED,
    "support.services": support,
    **channel_cases.SCANNED,
    "worklist.tasks": worklist_tasks,
}
# Writing-looking functions that change nothing themselves.
NOT_CHANGES = {
    **profile_cases.NOT_CHANGES,
    "pipeline.services.record_console": "writes the audit record of a change",
    "engagements.invitation_answers.accept_in_place": "a step of the accepting services",
    **content_cases.NOT_CHANGES,
    **connection_cases.NOT_CHANGES,
}


@dataclass
class World:
    company: Company
    actors: dict[str, Actor]

    def opportunity(self, **changes: Any) -> Any:
        return services.create_opportunity(self.actors[MEMBER], "AWS", complete(**changes))

    def with_solution(self) -> Any:
        opportunity = self.opportunity()
        solution = make_solution(self.company)
        services.associate_opportunity(
            self.actors[MEMBER], "AWS", opportunity.public_id, "Solutions", solution.public_id
        )
        return opportunity, solution


@pytest.fixture
def world(db: None) -> World:
    creds = make_credentials()
    assert creds.company is not None
    principal = IamPrincipal.for_user(creds.user, access_key_id=creds.key_id)
    staff_user = make_user(creds.company)
    return World(
        creds.company,
        {
            MEMBER: Actor.for_member(make_user(creds.company, "alliance_team")),
            IAM: Actor.for_iam(principal, creds.company, source_ip="192.0.2.1"),
            STAFF: Actor.for_staff(staff_user),
            SYSTEM: Actor.system(),
        },
    )


def _update(world: World, actor: Actor) -> None:
    made = world.opportunity()
    services.update_opportunity(
        actor, "AWS", made.public_id, complete(), last_modified_date=made.last_modified_date
    )


def _submit(world: World, actor: Actor) -> None:
    opportunity, _solution = world.with_solution()
    services.submit_opportunity(actor, "AWS", opportunity.public_id, "Co-Sell", "Limited")


def _assign(world: World, actor: Actor) -> None:
    owner = make_user(world.company, "ace_manager")
    made = world.opportunity()
    services.assign_opportunity(actor, "AWS", made.public_id, services.assignee_of(owner))


def _associate(world: World, actor: Actor) -> None:
    made = world.opportunity()
    solution = make_solution(world.company)
    services.associate_opportunity(actor, "AWS", made.public_id, "Solutions", solution.public_id)


def _disassociate(world: World, actor: Actor) -> None:
    opportunity, solution = world.with_solution()
    services.disassociate_opportunity(
        actor, "AWS", opportunity.public_id, "Solutions", solution.public_id
    )


def _review(world: World, actor: Actor) -> None:
    opportunity, _solution = world.with_solution()
    submitted = services.submit_opportunity(
        world.actors[MEMBER], "AWS", opportunity.public_id, "Co-Sell", "Limited"
    )
    services.set_review_status(actor, submitted, "Action Required", reason="Fix the site")


def _create_solution(world: World, actor: Actor) -> None:
    services.create_solution(actor, "AWS", {"name": "Analytics", "category": "Software Product"})


def _update_solution(world: World, actor: Actor) -> None:
    made = make_solution(world.company, status="Draft")
    services.update_solution(actor, "AWS", made.public_id, {"status": "Active"})


def _create_lead(world: World, actor: Actor) -> None:
    from allyport.pipeline.tests.test_leads_own import ROW

    services.create_lead(actor, "AWS", ROW, source_name="leads.csv", source_id="2")


def _create_account(world: World, actor: Actor) -> None:
    accounts.create_customer_account(actor, "AWS", account_payload())


def _update_account(world: World, actor: Actor) -> None:
    made = accounts.create_customer_account(world.actors[MEMBER], "AWS", account_payload())
    accounts.update_customer_account(
        actor, "AWS", made.public_id, account_payload("Renamed"),
        last_modified_date=made.last_modified_date,
    )  # fmt: skip


def _delete_account(world: World, actor: Actor) -> None:
    made = accounts.create_customer_account(world.actors[MEMBER], "AWS", account_payload())
    accounts.delete_customer_account(actor, "AWS", made.public_id)


def _bulk(world: World, actor: Actor, content: bytes, kind: str = "import", **options: Any) -> None:
    """A job started by `actor` (a member's upload, or an IAM key's API call); the
    tests' task backend runs it at once, acting as the same caller."""
    member = world.actors[MEMBER]
    if actor.is_iam:
        found = files.upload(member, "rows.csv", io.BytesIO(content))
        api_jobs.start(actor, "AWS", files.uri(found))
    else:
        bulk_services.start_job(
            actor, kind, "AWS", source=io.BytesIO(content), file_name="rows.csv", options=options
        )


def _import(world: World, actor: Actor) -> None:
    _bulk(world, actor, csv_bytes([good_row(1)]))


def _bulk_update(world: World, actor: Actor) -> None:
    made = world.opportunity()
    stamp = made.last_modified_date.isoformat().replace("+00:00", "Z")
    row = {"Id": made.public_id, "LastModifiedDate": stamp, "Project.Title": "Renamed"}
    _bulk(world, actor, csv_bytes([row]), "update")


def _transfer(world: World, actor: Actor) -> None:
    made = world.opportunity()
    owner = make_user(world.company, "ace_manager")
    _bulk(world, actor, csv_bytes([{"Id": made.public_id}]), "transfer", assignee=owner.public_id)


def _batch(world: World, actor: Actor) -> None:
    services.create_opportunities(actor, "AWS", [complete(), complete()])


def _engagement(world: World) -> Any:
    return engagement_services.create_engagement(world.actors[MEMBER], "AWS", {"Title": "Joint"})


def _invite(world: World, actor: Actor) -> None:
    partner = make_company()[0]
    account = link_for_operator(partner).account.account_id
    invitation_sending.create_engagement_invitation(
        actor, "AWS", _engagement(world).public_id,
        {"Message": "Join us", "Receiver": {"Account": {"AwsAccountId": account}},
         "Payload": {LEAD: lead()}},
    )  # fmt: skip


def _accept(world: World, actor: Actor) -> None:
    invitation_answers.accept_invitation(actor, "AWS", share(world.company, LEAD).public_id)


def _reject(world: World, actor: Actor) -> None:
    invitation_answers.reject_invitation(actor, "AWS", share(world.company, LEAD).public_id)


def _start_accepting(world: World, actor: Actor) -> None:
    invitation = share(world.company)
    engagement_tasks.start_engagement_by_accepting_invitation(actor, "AWS", invitation.public_id)


def _start_from_opportunity(world: World, actor: Actor) -> None:
    opportunity, _solution = world.with_solution()
    engagement_tasks.start_engagement_from_opportunity(
        actor, "AWS", opportunity.public_id, {"InvolvementType": "Co-Sell", "Visibility": "Full"}
    )


def _create_context(world: World, actor: Actor) -> None:
    engagement = _engagement(world)
    payload = {"CustomerProject": {"Customer": {"CompanyName": "Example Corp"}}}
    contexts.create_context(actor, "AWS", engagement.public_id, "CustomerProject", payload)


def _update_context(world: World, actor: Actor) -> None:
    engagement = _engagement(world)
    payload = {"CustomerProject": {"Customer": {"CompanyName": "Example Corp"}}}
    contexts.create_context(
        world.actors[MEMBER], "AWS", engagement.public_id, "CustomerProject", payload
    )
    engagement.refresh_from_db()
    renamed = {"CustomerProject": {"Customer": {"CompanyName": "Renamed Corp"}}}
    contexts.update_context(
        actor, "AWS", engagement.public_id, "1", engagement.modified_at, "CustomerProject", renamed
    )


def _snapshot_job(world: World) -> Any:
    opportunity = world.opportunity()
    return snapshot_jobs.create_job(
        world.actors[MEMBER], "AWS", _engagement(world).public_id, opportunity.public_id,
        "OpportunitySummary",
    )  # fmt: skip


def _create_job(world: World, actor: Actor) -> None:
    snapshot_jobs.create_job(
        actor, "AWS", _engagement(world).public_id, world.opportunity().public_id,
        "OpportunitySummary",
    )  # fmt: skip


def _start_job(world: World, actor: Actor) -> None:
    snapshot_jobs.start_job(actor, "AWS", _snapshot_job(world).public_id)


def _stop_job(world: World, actor: Actor) -> None:
    job = _snapshot_job(world)
    snapshot_jobs.start_job(world.actors[MEMBER], "AWS", job.public_id)
    snapshot_jobs.stop_job(actor, "AWS", job.public_id)


def _delete_job(world: World, actor: Actor) -> None:
    snapshot_jobs.delete_job(actor, "AWS", _snapshot_job(world).public_id)


def _prospect(world: World, actor: Actor) -> None:
    prospecting.start_prospecting(actor, "AWS", [_engagement(world).public_id], "Prospects")


def _put_settings(world: World, actor: Actor) -> None:
    role = cloud.create_role(Actor.system(), world.company.account_link.account, "Jobs", TRUST)
    selling_settings.put_settings(actor, "AWS", role.arn)


def _tagged(world: World) -> Any:
    return tags.parse_arn(selectors.arn_of(world.opportunity()))


def _tag(world: World, actor: Actor) -> None:
    tags.tag_resource(actor, _tagged(world), [{"Key": "team", "Value": "east"}])


def _untag(world: World, actor: Actor) -> None:
    resource = _tagged(world)
    tags.tag_resource(world.actors[MEMBER], resource, [{"Key": "team", "Value": "east"}])
    tags.untag_resource(actor, resource, ["team"])


def _program_application(world: World, submitted: bool = False) -> Any:
    catalogue = make_catalogue()
    catalogue["competency"].min_stage = "Registered"
    catalogue["competency"].save()
    member = world.actors[MEMBER]
    made = program_applications.create_application(
        member, "migration-competency", acknowledged=True
    )
    if submitted:
        answers = {"Describe a migration you led.": "A data centre exit"}
        program_applications.update_application(
            member, made.public_id, answers=answers, case_studies=[], references=[], submit=True
        )
    return made


def _create_program_application(world: World, actor: Actor) -> None:
    catalogue = make_catalogue()
    catalogue["competency"].min_stage = "Registered"
    catalogue["competency"].save()
    program_applications.create_application(actor, "migration-competency", acknowledged=True)


def _update_program_application(world: World, actor: Actor) -> None:
    made = _program_application(world)
    program_applications.update_application(
        actor, made.public_id, answers={}, case_studies=[], references=["Octank"]
    )


def _create_program_attachment(world: World, actor: Actor) -> None:
    made = _program_application(world)
    program_applications.create_attachment(actor, made.public_id, "a.txt", "text/plain", b"a")


def _delete_program_attachment(world: World, actor: Actor) -> None:
    made = _program_application(world)
    file = program_applications.create_attachment(
        world.actors[MEMBER], made.public_id, "a.txt", "text/plain", b"a"
    )
    program_applications.delete_attachment(actor, made.public_id, file.pk)


def _review_program_application(world: World, actor: Actor) -> None:
    made = _program_application(world, submitted=True)
    program_review.set_application_status(actor, made.public_id, "in_review")


def _differentiate(world: World, actor: Actor) -> None:
    made = _program_application(world, submitted=True)
    program_review.set_application_status(Actor.system(), made.public_id, "in_review")
    Company.objects.filter(pk=world.company.pk).update(stage="Validated")
    program_review.set_application_status(actor, made.public_id, "approved")


def _benefit_application(world: World, submitted: bool = False) -> Any:
    benefit = make_benefit()
    made = funding_applications.create_application(
        world.actors[MEMBER], "AWS",
        {"BenefitIdentifier": benefit.public_id, "Name": "Webinars",
         "BenefitApplicationDetails": {"activity": "Webinars"}},
    )  # fmt: skip
    if submitted:
        funding_lifecycle.submit_application(world.actors[MEMBER], "AWS", made.public_id)
    return made


def _create_benefit_application(world: World, actor: Actor) -> None:
    benefit = make_benefit()
    funding_applications.create_application(actor, "AWS", {"BenefitIdentifier": benefit.public_id})


def _update_benefit_application(world: World, actor: Actor) -> None:
    made = _benefit_application(world)
    funding_applications.update_application(actor, "AWS", made.public_id, "1", {"Name": "New"})


def _benefit_step(step: str) -> Callable[[World, Actor], None]:
    def run(world: World, actor: Actor) -> None:
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


def _benefit_resource(associate: bool) -> Callable[[World, Actor], None]:
    def run(world: World, actor: Actor) -> None:
        made = _benefit_application(world)
        arn = selectors.arn_of(world.opportunity())
        first = actor if associate else world.actors[MEMBER]
        funding_lifecycle.associate_resource(first, "AWS", made.public_id, arn)
        if not associate:
            funding_lifecycle.disassociate_resource(actor, "AWS", made.public_id, arn)

    return run


def _benefit_review(decision: str) -> Callable[[World, Actor], None]:
    def run(world: World, actor: Actor) -> None:
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


def _benefit_tags(untag: bool) -> Callable[[World, Actor], None]:
    def run(world: World, actor: Actor) -> None:
        arn = application_arn(_benefit_application(world))
        funding_tags.tag_resource(world.actors[MEMBER] if untag else actor, arn,
                                  [{"Key": "team", "Value": "east"}])  # fmt: skip
        if untag:
            funding_tags.untag_resource(actor, arn, ["team"])

    return run


def _upload_benefit_file(world: World, actor: Actor) -> None:
    funding_files.upload(actor, "plan.pdf", io.BytesIO(PDF))


def _support_case(world: World) -> Any:
    return support.create_case(world.actors[MEMBER], _new_case())


def _new_case() -> Any:
    from allyport.support.models import Topic

    other = Topic.objects.get(parent=None, key="other")
    question = other.children.get(key="general")
    return support.NewCase(case_type=str(other.pk), question_type=str(question.pk),
                           subject="Help", description="Please help")  # fmt: skip


def _reopen_case(world: World, actor: Actor) -> None:
    case = _support_case(world)
    support.resolve_case(world.actors[MEMBER], case)
    support.reopen_case(actor, case)


def _task(world: World) -> str:
    load_task_catalogue(TaskDefinition, GrowthRule)  # a live-server test may have emptied it
    worklist_recommend.refresh_company(Actor.system(), world.company, force=True)
    return worklist_tasks.Task.objects.get(
        company=world.company, definition__key="describe-company"
    ).public_id


def _submit_task(world: World, actor: Actor) -> None:
    worklist_tasks.submit_task(actor, _task(world), {"description": "We build data lakes."})


def _confirm_task(world: World, actor: Actor) -> None:
    task = _task(world)
    worklist_tasks.submit_task(world.actors[MEMBER], task, {"description": "Data lakes."})
    worklist_tasks.confirm_task(actor, task)


def _dismiss_task(world: World, actor: Actor) -> None:
    worklist_tasks.dismiss_task(actor, _task(world), "Not mine")


def _assign_task(world: World, actor: Actor) -> None:
    lead = worklist_recommend.alliance_lead_of(world.company)
    actor = Actor.for_member(lead) if actor.is_member else actor
    worklist_tasks.assign_tasks(actor, [_task(world)], lead.public_id)


@dataclass(frozen=True)
class Service:
    name: str  # <scanned module key>.<function>
    event: str
    callers: tuple[str, ...]
    run: Callable[[World, Actor], None]


SERVICES = [
    Service("pipeline.services.create_opportunity", "CreateOpportunity", (MEMBER, IAM),
            lambda world, actor: services.create_opportunity(actor, "AWS", complete())),
    Service("pipeline.services.create_opportunities", "CreateOpportunity", (MEMBER, IAM), _batch),
    Service("pipeline.services.update_opportunity", "UpdateOpportunity", (MEMBER, IAM), _update),
    Service("pipeline.services.submit_opportunity", "SubmitOpportunity", (MEMBER, IAM), _submit),
    Service("pipeline.services.assign_opportunity", "AssignOpportunity", (MEMBER, IAM), _assign),
    Service("pipeline.services.associate_opportunity", "AssociateOpportunity", (MEMBER, IAM),
            _associate),
    Service("pipeline.services.disassociate_opportunity", "DisassociateOpportunity",
            (MEMBER, IAM), _disassociate),
    Service("pipeline.services.set_review_status", "ReviewOpportunity", (STAFF, SYSTEM), _review),
    Service("pipeline.services.create_solution", "CreateSolution", (MEMBER,), _create_solution),
    Service("pipeline.services.update_solution", "UpdateSolution", (MEMBER,), _update_solution),
    Service("pipeline.services.create_lead", "CreateEngagement", (MEMBER,), _create_lead),
    Service("customers.accounts.create_customer_account", "CreateCustomerAccount",
            (MEMBER, IAM), _create_account),
    Service("customers.accounts.update_customer_account", "UpdateCustomerAccount",
            (MEMBER, IAM), _update_account),
    Service("customers.accounts.delete_customer_account", "DeleteCustomerAccount",
            (MEMBER, IAM), _delete_account),
    Service("bulk.services.start_job", "StartBulkJob", (MEMBER, IAM), _import),
    Service("bulk.rows.import_opportunities", "CreateOpportunity", (MEMBER, IAM), _import),
    Service("bulk.rows.update_opportunities", "UpdateOpportunity", (MEMBER, IAM), _bulk_update),
    Service("bulk.rows.transfer_opportunities", "AssignOpportunity", (MEMBER,), _transfer),
    Service("engagements.services.create_engagement", "CreateEngagement", (MEMBER, IAM),
            lambda world, actor: engagement_services.create_engagement(
                actor, "AWS", {"Title": "Joint"})),
    Service("engagements.invitation_sending.create_engagement_invitation",
            "CreateEngagementInvitation", (MEMBER, IAM), _invite),
    Service("engagements.invitation_answers.accept_invitation", "AcceptEngagementInvitation",
            (MEMBER, IAM), _accept),
    Service("engagements.invitation_answers.reject_invitation", "RejectEngagementInvitation",
            (MEMBER, IAM), _reject),
    Service("engagements.engagement_tasks.start_engagement_by_accepting_invitation",
            "StartEngagementByAcceptingInvitationTask", (MEMBER, IAM), _start_accepting),
    Service("engagements.engagement_tasks.start_engagement_from_opportunity",
            "StartEngagementFromOpportunityTask", (MEMBER, IAM), _start_from_opportunity),
    Service("engagements.contexts.create_context", "CreateEngagementContext", (MEMBER, IAM),
            _create_context),
    Service("engagements.contexts.update_context", "UpdateEngagementContext", (MEMBER, IAM),
            _update_context),
    Service("snapshots.jobs.create_job", "CreateResourceSnapshotJob", (MEMBER, IAM), _create_job),
    Service("snapshots.jobs.start_job", "StartResourceSnapshotJob", (MEMBER, IAM), _start_job),
    Service("snapshots.jobs.stop_job", "StopResourceSnapshotJob", (MEMBER, IAM), _stop_job),
    Service("snapshots.jobs.delete_job", "DeleteResourceSnapshotJob", (MEMBER, IAM), _delete_job),
    Service("prospecting.services.start_prospecting", "StartProspectingFromEngagementTask",
            (MEMBER, IAM), _prospect),
    Service("shared.selling_settings.put_settings", "PutSellingSystemSettings", (MEMBER, IAM),
            _put_settings),
    Service("shared.tags.tag_resource", "TagResource", (MEMBER, IAM), _tag),
    Service("shared.tags.untag_resource", "UntagResource", (MEMBER, IAM), _untag),
    Service("programs.applications.create_application", "CreateProgramApplication", (MEMBER,),
            _create_program_application),
    Service("programs.applications.update_application", "UpdateProgramApplication", (MEMBER,),
            _update_program_application),
    Service("programs.applications.create_attachment", "CreateApplicationAttachment", (MEMBER,),
            _create_program_attachment),
    Service("programs.applications.delete_attachment", "DeleteApplicationAttachment", (MEMBER,),
            _delete_program_attachment),
    Service("programs.review.set_application_status", "ReviewProgramApplication",
            (STAFF, SYSTEM), _review_program_application),
    Service("programs.differentiation.set_differentiated_if_due", "UpdatePartnerStage",
            (STAFF, SYSTEM), _differentiate),
    Service("programs.learning.start_course", "StartCourse", (MEMBER,),
            lambda world, actor: learning.start_course(actor, program_course().pk)),
    Service("programs.learning.submit_completion", "CompleteCourse", (MEMBER,),
            lambda world, actor: learning.submit_completion(actor, program_course().pk)),
    Service("programs.certification_email.update_certification_email",
            "UpdateCertificationEmail", (MEMBER,),
            lambda world, actor: certification_email.update_certification_email(
                actor, "me@personal.example", True)),
    Service("funding.applications.create_application", "CreateBenefitApplication", (MEMBER, IAM),
            _create_benefit_application),
    Service("funding.applications.update_application", "UpdateBenefitApplication", (MEMBER, IAM),
            _update_benefit_application),
    Service("funding.lifecycle.submit_application", "SubmitBenefitApplication", (MEMBER, IAM),
            _benefit_step("submit")),
    Service("funding.lifecycle.recall_application", "RecallBenefitApplication", (MEMBER, IAM),
            _benefit_step("recall")),
    Service("funding.lifecycle.cancel_application", "CancelBenefitApplication", (MEMBER, IAM),
            _benefit_step("cancel")),
    Service("funding.lifecycle.amend_application", "AmendBenefitApplication", (MEMBER, IAM),
            _benefit_step("amend")),
    Service("funding.lifecycle.associate_resource", "AssociateBenefitApplicationResource",
            (MEMBER, IAM), _benefit_resource(True)),
    Service("funding.lifecycle.disassociate_resource", "DisassociateBenefitApplicationResource",
            (MEMBER, IAM), _benefit_resource(False)),
    Service("funding.review.approve_application", "ApproveBenefitApplication", (STAFF, SYSTEM),
            _benefit_review("approve")),
    Service("funding.review.request_action", "RequestAction", (STAFF, SYSTEM),
            _benefit_review("action")),
    Service("funding.review.reject_application", "RejectBenefitApplication", (STAFF, SYSTEM),
            _benefit_review("reject")),
    Service("funding.review.set_utilized", "UpdateBenefitAllocation", (STAFF, SYSTEM),
            _benefit_review("usage")),
    Service("funding.tags.tag_resource", "TagResource", (MEMBER, IAM), _benefit_tags(False)),
    Service("funding.tags.untag_resource", "UntagResource", (MEMBER, IAM), _benefit_tags(True)),
    Service("funding.files.upload", "UploadBenefitApplicationFile", (MEMBER, IAM),
            _upload_benefit_file),
    Service("support.services.create_case", "CreateCase", (MEMBER,),
            lambda world, actor: support.create_case(actor, _new_case())),
    Service("support.services.open_case", "CreateCase", (MEMBER,),
            lambda world, actor: support.open_case(actor, "Help", "other", "Please help")),
    Service("support.services.add_message", "AddCommunicationToCase", (MEMBER, STAFF, SYSTEM),
            lambda world, actor: support.add_message(actor, _support_case(world), "More")),
    Service("support.services.resolve_case", "ResolveCase", (MEMBER, STAFF, SYSTEM),
            lambda world, actor: support.resolve_case(actor, _support_case(world))),
    Service("support.services.reopen_case", "ReopenCase", (MEMBER, STAFF, SYSTEM), _reopen_case),
    Service("support.services.assign_case", "AssignCase", (STAFF, SYSTEM),
            lambda world, actor: support.assign_case(actor, _support_case(world), None)),
    Service("support.services.add_note", "AddInternalNoteToCase", (STAFF, SYSTEM),
            lambda world, actor: support.add_note(actor, _support_case(world), "Note")),
    *[Service(*case) for case in connection_cases.SERVICES],
    Service("worklist.tasks.submit_task", "SubmitTask", (MEMBER, STAFF), _submit_task),
    Service("worklist.tasks.confirm_task", "ConfirmTask", (MEMBER, STAFF), _confirm_task),
    Service("worklist.tasks.dismiss_task", "DismissTask", (MEMBER, STAFF), _dismiss_task),
    Service("worklist.tasks.assign_tasks", "AssignTask", (MEMBER, STAFF), _assign_task),
    Service("worklist.recommend.refresh_company", "RecommendTasks", (SYSTEM,),
            lambda world, actor: worklist_recommend.refresh_company(actor, world.company)),
]  # fmt: skip
SERVICES += [Service(*case) for case in channel_cases.SERVICES]
SERVICES += [Service(*case) for case in content_cases.SERVICES]
SERVICES += [Service(*case) for case in profile_cases.CASES]
CASES = [(service, caller) for service in SERVICES for caller in service.callers]


@pytest.mark.parametrize(
    ("service", "caller"), CASES, ids=[f"{s.name.rsplit('.', 1)[1]}-{c}" for s, c in CASES]
)
def test_each_writing_service_records_its_event_for_each_caller(
    world: World, service: Service, caller: str
) -> None:
    actor = world.actors[caller]
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    service.run(world, actor)
    new = AuditEvent.objects.exclude(pk__in=before).filter(event_name=service.event)
    theirs = [e for e in new if e.record["userIdentity"]["type"] == IDENTITY[caller]]
    assert theirs, f"{service.name} wrote no {service.event} record for a {caller}"
    assert {event.company_id for event in theirs} == {world.company.pk}


def _writing_functions() -> set[str]:
    found = set()
    for key, module in SCANNED.items():
        public = getattr(module, "__all__", None) or [
            name for name, value in vars(module).items()
            if inspect.isfunction(value) and value.__module__ == module.__name__
        ]  # fmt: skip
        found |= {f"{key}.{name}" for name in public if WRITING.match(name)}
    return found - set(NOT_CHANGES)


def test_every_writing_service_is_listed() -> None:
    listed = {service.name for service in SERVICES}
    missing = _writing_functions() - listed
    assert not missing, f"add these writing services to SERVICES: {sorted(missing)}"

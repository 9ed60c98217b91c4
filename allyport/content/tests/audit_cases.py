"""The content app's writing services for the project-wide audit-per-caller test
(home/tests/test_audit_per_caller.py adds these to its lists): each records its event
for each kind of caller that may use it."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from allyport.access.actor import Actor, ActorKind, system
from allyport.accounts.models import Company, User
from allyport.content.build import case_studies, devices, workloads
from allyport.content.events import services as events
from allyport.content.jobs import services as jobs
from allyport.content.market import badges, references, sponsorships
from allyport.content.resources import services as resources
from allyport.content.tests import factories
from allyport.content.walkthroughs import services as walkthroughs

MEMBER, STAFF, SYSTEM = "member", "staff", "system"

SCANNED: dict[str, ModuleType] = {
    "content.case_studies": case_studies,
    "content.devices": devices,
    "content.workloads": workloads,
    "content.events": events,
    "content.jobs": jobs,
    "content.badges": badges,
    "content.references": references,
    "content.sponsorships": sponsorships,
    "content.resources": resources,
    "content.walkthroughs": walkthroughs,
}
NOT_CHANGES: dict[str, str] = {}


def _as(world: Any, actor: Actor) -> Actor:
    """The world's company made Validated on the Software and Services paths (every
    content menu item visible), and a member actor that sees it so."""
    Company.objects.filter(pk=world.company.pk).update(
        stage="Validated", paths=["Software", "Services"]
    )
    if actor.kind != ActorKind.MEMBER:
        return actor
    return Actor.for_member(User.objects.get(pk=actor.user.pk))  # type: ignore[union-attr]


def _lead(world: Any) -> Actor:
    return _as(world, world.actors[MEMBER])


def _submitted_study(world: Any) -> str:
    study = case_studies.create_case_study(_lead(world), factories.CASE_STUDY)
    return case_studies.submit_case_study(_lead(world), study.public_id).public_id


def _device(world: Any) -> str:
    return devices.create_device(_lead(world), factories.DEVICE).public_id


def _submitted_device(world: Any) -> str:
    return devices.submit_device(_lead(world), _device(world)).public_id


def _workload_given() -> dict[str, Any]:
    from allyport.content.tests.test_build import WORKLOAD

    return WORKLOAD


def _workload(world: Any) -> str:
    return workloads.create_workload(_lead(world), _workload_given()).public_id


def _registration(world: Any) -> int:
    return events.register_for_event(_lead(world), factories.event().public_id).pk


def _request(world: Any) -> str:
    opportunity = factories.opportunity()
    given = {"contact_email": "events@example.com"}
    return sponsorships.request_sponsorship(_lead(world), opportunity.public_id, given).public_id


Run = Callable[[Any, Actor], Any]
# (service, event, callers, run)
CASES: list[tuple[str, str, tuple[str, ...], Run]] = [
    ("content.case_studies.create_case_study", "CreateCaseStudy", (MEMBER,),
     lambda w, a: case_studies.create_case_study(a, factories.CASE_STUDY)),
    ("content.case_studies.update_case_study", "UpdateCaseStudy", (MEMBER,),
     lambda w, a: case_studies.update_case_study(
         a, case_studies.create_case_study(_lead(w), factories.CASE_STUDY).public_id,
         factories.CASE_STUDY)),
    ("content.case_studies.submit_case_study", "SubmitCaseStudy", (MEMBER,),
     lambda w, a: case_studies.submit_case_study(
         a, case_studies.create_case_study(_lead(w), factories.CASE_STUDY).public_id)),
    ("content.case_studies.review_case_study", "ReviewCaseStudy", (STAFF,),
     lambda w, a: case_studies.review_case_study(a, _submitted_study(w), approve=True)),
    ("content.devices.create_device", "CreateDevice", (MEMBER,),
     lambda w, a: devices.create_device(a, factories.DEVICE)),
    ("content.devices.update_device", "UpdateDevice", (MEMBER,),
     lambda w, a: devices.update_device(a, _device(w), factories.DEVICE)),
    ("content.devices.submit_device", "SubmitDevice", (MEMBER,),
     lambda w, a: devices.submit_device(a, _device(w))),
    ("content.devices.review_device", "ReviewDevice", (STAFF,),
     lambda w, a: devices.review_device(a, _submitted_device(w), approve=True)),
    ("content.workloads.create_workload", "CreateWorkloadReview", (MEMBER,),
     lambda w, a: workloads.create_workload(a, _workload_given())),
    ("content.workloads.update_workload", "UpdateWorkloadReview", (MEMBER,),
     lambda w, a: workloads.update_workload(a, _workload(w), _workload_given())),
    ("content.workloads.submit_workload", "SubmitWorkloadReview", (MEMBER,),
     lambda w, a: workloads.submit_workload(a, _workload(w))),
    ("content.workloads.review_workload", "ReviewWorkloadReview", (STAFF,),
     lambda w, a: workloads.review_workload(
         a, workloads.submit_workload(_lead(w), _workload(w)).public_id, approve=True)),
    ("content.events.register_for_event", "RegisterForPartnerEvent", (MEMBER,),
     lambda w, a: events.register_for_event(a, factories.event().public_id)),
    ("content.events.send_reminder", "SendPartnerEventReminder", (STAFF, SYSTEM),
     lambda w, a: events.send_reminder(a, _registration(w))),
    ("content.jobs.create_job_posting", "CreateJobPosting", (MEMBER,),
     lambda w, a: jobs.create_job_posting(a, factories.JOB)),
    ("content.jobs.close_job_posting", "CloseJobPosting", (MEMBER,),
     lambda w, a: jobs.close_job_posting(
         a, jobs.create_job_posting(_lead(w), factories.JOB).public_id)),
    ("content.badges.generate_badge", "GenerateBadge", (MEMBER,),
     lambda w, a: badges.generate_badge(a, "stage", "svg")),
    ("content.references.submit_reference", "SubmitPublicReference", (MEMBER,),
     lambda w, a: references.submit_reference(a, factories.REFERENCE)),
    ("content.references.update_reference", "UpdatePublicReference", (MEMBER,),
     lambda w, a: references.update_reference(a, _sent_back_reference(w), factories.REFERENCE)),
    ("content.references.validate_reference", "ValidatePublicReference", (STAFF,),
     lambda w, a: references.validate_reference(
         a, references.submit_reference(_lead(w), factories.REFERENCE).public_id, approve=True)),
    ("content.sponsorships.request_sponsorship", "RequestSponsorship", (MEMBER,),
     lambda w, a: sponsorships.request_sponsorship(
         a, factories.opportunity().public_id, {"contact_email": "events@example.com"})),
    ("content.sponsorships.confirm_sponsorship", "ConfirmSponsorship", (STAFF,),
     lambda w, a: sponsorships.confirm_sponsorship(a, _request(w), approve=True)),
    ("content.resources.set_track_item_done", "UpdateEnablementProgress", (MEMBER,),
     lambda w, a: resources.set_track_item_done(a, factories.track().public_id, 1, True)),
    ("content.walkthroughs.save_walkthrough_progress", "UpdateWalkthroughProgress", (MEMBER,),
     lambda w, a: walkthroughs.save_walkthrough_progress(a, factories.walkthrough().public_id, 1)),
]  # fmt: skip


def _acting(run: Run) -> Run:
    return lambda world, actor: run(world, _as(world, actor))


SERVICES = [(name, event, callers, _acting(run)) for name, event, callers, run in CASES]


def _sent_back_reference(world: Any) -> str:
    made = references.submit_reference(_lead(world), factories.REFERENCE)
    staff = world.actors[STAFF]
    return references.validate_reference(staff, made.public_id, approve=False, note="Fix").public_id


__all__ = ["NOT_CHANGES", "SCANNED", "SERVICES", "system"]

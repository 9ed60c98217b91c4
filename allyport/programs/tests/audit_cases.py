"""Audit-per-caller cases of programs: applications and their review, the
Differentiated stage, learning and the certification email (joined by
home/tests/test_audit_per_caller.py)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.programs.services import applications as program_applications
from allyport.programs.services import certification_email, differentiation, learning
from allyport.programs.services import review as program_review
from allyport.programs.tests.conftest import course as program_course
from allyport.programs.tests.conftest import make_catalogue

MEMBER, STAFF, SYSTEM = "member", "staff", "system"

SCANNED: dict[str, ModuleType] = {
    "programs.applications": program_applications,
    "programs.review": program_review,
    "programs.differentiation": differentiation,
    "programs.learning": learning,
    "programs.certification_email": certification_email,
}
NOT_CHANGES: dict[str, str] = {}


def _program_application(world: Any, submitted: bool = False) -> Any:
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


def _create_program_application(world: Any, actor: Actor) -> None:
    catalogue = make_catalogue()
    catalogue["competency"].min_stage = "Registered"
    catalogue["competency"].save()
    program_applications.create_application(actor, "migration-competency", acknowledged=True)


def _update_program_application(world: Any, actor: Actor) -> None:
    made = _program_application(world)
    program_applications.update_application(
        actor, made.public_id, answers={}, case_studies=[], references=["Octank"]
    )


def _create_program_attachment(world: Any, actor: Actor) -> None:
    made = _program_application(world)
    program_applications.create_attachment(actor, made.public_id, "a.txt", "text/plain", b"a")


def _delete_program_attachment(world: Any, actor: Actor) -> None:
    made = _program_application(world)
    file = program_applications.create_attachment(
        world.actors[MEMBER], made.public_id, "a.txt", "text/plain", b"a"
    )
    program_applications.delete_attachment(actor, made.public_id, file.pk)


def _review_program_application(world: Any, actor: Actor) -> None:
    made = _program_application(world, submitted=True)
    program_review.set_application_status(actor, made.public_id, "in_review")


def _differentiate(world: Any, actor: Actor) -> None:
    made = _program_application(world, submitted=True)
    program_review.set_application_status(Actor.system(), made.public_id, "in_review")
    Company.objects.filter(pk=world.company.pk).update(stage="Validated")
    program_review.set_application_status(actor, made.public_id, "approved")


SERVICES = [
    ("programs.applications.create_application", "CreateProgramApplication", (MEMBER,),
     _create_program_application),
    ("programs.applications.update_application", "UpdateProgramApplication", (MEMBER,),
     _update_program_application),
    ("programs.applications.create_attachment", "CreateApplicationAttachment", (MEMBER,),
     _create_program_attachment),
    ("programs.applications.delete_attachment", "DeleteApplicationAttachment", (MEMBER,),
     _delete_program_attachment),
    ("programs.review.set_application_status", "ReviewProgramApplication",
     (STAFF, SYSTEM), _review_program_application),
    ("programs.differentiation.set_differentiated_if_due", "UpdatePartnerStage",
     (STAFF, SYSTEM), _differentiate),
    ("programs.learning.start_course", "StartCourse", (MEMBER,),
     lambda world, actor: learning.start_course(actor, program_course().pk)),
    ("programs.learning.submit_completion", "CompleteCourse", (MEMBER,),
     lambda world, actor: learning.submit_completion(actor, program_course().pk)),
    ("programs.certification_email.update_certification_email",
     "UpdateCertificationEmail", (MEMBER,),
     lambda world, actor: certification_email.update_certification_email(
         actor, "me@personal.example", True)),
]  # fmt: skip

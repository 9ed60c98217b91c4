"""Enrolment in the courses, learning paths and accreditations of the Learn menu,
and their completion (the completion is the record the scorecard counts)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import MENU_PREFIX, require
from allyport.audit import services as audit
from allyport.core.errors import NotFound, refuse
from allyport.programs.models import Course, Enrolment
from allyport.programs.selectors import scorecard_cache

# The Learn menu's items, by the catalogue list they show.
KIND_ITEMS = {
    "partner_training": "Partner Training",
    "self_paced": "Self-Paced Training",
    "instructor_led": "Instructor-Led Training",
    "certification": "Certification",
}


def _course(actor: Actor, course_id: int) -> Course:
    course = Course.objects.filter(pk=course_id, published=True).first()
    if course is None:
        raise NotFound("Course", str(course_id))
    require(actor, MENU_PREFIX + "Learn/" + KIND_ITEMS[course.kind])
    return course


def _record(actor: Actor, event: str, course: Course) -> None:
    audit.record_change(
        actor, event,
        request_parameters={"courseId": course.pk, "title": course.title, "format": course.format},
    )  # fmt: skip


def start_course(actor: Actor, course_id: int) -> Enrolment:
    """Enrol (a second enrolment in the same course changes nothing)."""
    course = _course(actor, course_id)
    with transaction.atomic():
        enrolment, created = Enrolment.objects.get_or_create(user=actor.user, course=course)
        if created:
            _record(actor, "StartCourse", course)
    return enrolment


def submit_completion(actor: Actor, course_id: int) -> Enrolment:
    """Mark a course completed (enrolling first when needed)."""
    course = _course(actor, course_id)
    with transaction.atomic():
        enrolment, _created = Enrolment.objects.select_for_update().get_or_create(
            user=actor.user, course=course
        )
        if enrolment.completed_at is not None:
            raise refuse("course", _("You already completed this course."))
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])
        _record(actor, "CompleteCourse", course)
        scorecard_cache.forget(actor.company.pk if actor.company else None)
    return enrolment

"""The Learn menu: Partner Training, Self-Paced Training, Instructor-Led Training and
Certification, each a list of the catalogue staff publish, where a person enrols and
marks completion."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import NotFound, RuleViolation
from allyport.programs.models import Course, CourseKind, Enrolment
from allyport.programs.services import learning
from allyport.programs.services.learning import KIND_ITEMS
from allyport.programs.views.common import me

URL_NAMES = {kind: f"programs:learn_{kind}" for kind in KIND_ITEMS}


def _catalogue(kind: str) -> Callable[..., HttpResponseBase]:
    @member_page("Learn/" + KIND_ITEMS[kind])
    @require_GET
    def view(request: ActorRequest) -> HttpResponse:
        courses = list(Course.objects.filter(kind=kind, published=True).defer("file_content"))
        enrolments = Enrolment.objects.filter(user=me(request), course__in=courses)
        mine = {e.course_id: e for e in enrolments}
        rows = [(course, mine.get(course.pk)) for course in courses]
        context = {
            "rows": rows,
            "kind": kind,
            "title": CourseKind(kind).label,
        }
        return render(request, "programs/learn.html", context)

    view.__name__ = f"learn_{kind}"
    return view


catalogues = {kind: _catalogue(kind) for kind in KIND_ITEMS}


def _course_or_404(pk: int) -> Course:
    course = Course.objects.filter(pk=pk, published=True).first()
    if course is None:
        raise NotFound("Course", str(pk))
    return course


@member_page()
@require_POST
@service_refusals
def enrol(request: ActorRequest, pk: int) -> HttpResponseBase:
    course = _course_or_404(pk)
    learning.start_course(request.actor, pk)
    messages.success(request, _("You are enrolled in %(title)s.") % {"title": course.title})
    return redirect(URL_NAMES[course.kind])


@member_page()
@require_POST
@service_refusals
def complete(request: ActorRequest, pk: int) -> HttpResponseBase:
    course = _course_or_404(pk)
    try:
        learning.submit_completion(request.actor, pk)
    except RuleViolation as refused:
        messages.error(request, refused.errors[0].message)
    else:
        messages.success(request, _("Completed: %(title)s.") % {"title": course.title})
    return redirect(URL_NAMES[course.kind])


@member_page()
@require_GET
@service_refusals
def course_file(request: ActorRequest, pk: int) -> HttpResponseBase:
    course = _course_or_404(pk)
    if not course.file_content:
        raise NotFound("Course", str(pk))
    response = HttpResponse(bytes(course.file_content), content_type="application/octet-stream")
    name = (course.file_name or "course").replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response

"""Partner walkthroughs: the list (the home page's icon opens it), a tour's steps as
JSON for the script, and saving progress."""

from __future__ import annotations

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.walkthroughs import selectors, services


@member_page()
@require_GET
def walkthrough_list(request: ActorRequest) -> HttpResponse:
    context = {"tours": selectors.tours(request.actor)}
    return render(request, "content/walkthroughs/list.html", context)


@member_page()
@require_GET
def walkthrough_data(request: ActorRequest, public_id: str) -> HttpResponse:
    view = selectors.tour(request.actor, public_id)
    if view is None:
        raise Http404
    steps = [
        {"page": s.page, "selector": s.selector, "title": s.title, "text": s.text}
        for s in view.steps
    ]
    return JsonResponse(
        {"id": view.tour.public_id, "title": view.tour.title, "steps": steps,
         "step": view.next_step, "completed": view.completed}
    )  # fmt: skip


def _step(value: str) -> int:
    return int(value) if value.isdigit() else 0


@member_page()
@require_POST
@service_refusals
def walkthrough_progress(request: ActorRequest, public_id: str) -> HttpResponse:
    progress = services.save_walkthrough_progress(
        request.actor, public_id, _step(request.POST.get("step", "0")),
        completed=request.POST.get("completed") == "1",
    )  # fmt: skip
    return JsonResponse({"step": progress.step, "completed": progress.completed_at is not None})

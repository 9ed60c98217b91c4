"""The panel's Feedback: a rating scale from 1 to 5 with comments."""

from __future__ import annotations

from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.assistant.models import Rating
from allyport.assistant.services import feedback
from allyport.assistant.services.gate import Gate, gate, refusal
from allyport.assistant.views.chat import is_htmx
from allyport.core.errors import RuleViolation


@member_page()
@require_http_methods(["GET", "POST"])
@service_refusals
def rate(request: ActorRequest) -> HttpResponseBase:
    place = request.POST.get("place") or request.GET.get("place") or "page"
    context: dict[str, object] = {"scale": Rating.SCALE, "place": place, "posted": request.POST}
    found = gate(request.actor)
    if found != Gate.OPEN:
        context["reason"] = refusal(found)
    elif request.method == "POST":
        try:
            feedback.rate(
                request.actor, request.POST.get("score", ""), request.POST.get("comment", "")
            )
        except RuleViolation as refused:
            context["errors"] = {error.field: error.message for error in refused.errors}
        else:
            context["done"] = True
    template = "assistant/_rating.html" if is_htmx(request) else "assistant/rating.html"
    # htmx swaps only 2xx answers: the fragment with its errors comes back as 200.
    status = 400 if context.get("errors") and not is_htmx(request) else 200
    return render(request, template, context, status=status)

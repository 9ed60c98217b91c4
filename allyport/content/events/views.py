"""View all partner events (searchable, filterable by kind and delivery format), the
event page with Register, and its calendar file."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.events import calendar, selectors, services
from allyport.content.events.models import DeliveryFormat, EventKind, PartnerEvent
from allyport.content.shared.pages import choice, page_of, words
from allyport.core.errors import ChangeRefused


@member_page()
@require_GET
def event_list(request: ActorRequest) -> HttpResponse:
    query = words(request)
    kind = choice(request, "kind", EventKind)
    delivery = choice(request, "format", DeliveryFormat)
    past = request.GET.get("when") == "past"
    found = selectors.search_events(query, kind, delivery, past=past)
    context = {
        "page": page_of(request, found),
        "q": query,
        "kind": kind,
        "format": delivery,
        "past": past,
        "kinds": EventKind.choices,
        "formats": DeliveryFormat.choices,
    }
    return render(request, "content/events/list.html", context)


def _event(public_id: str) -> PartnerEvent:
    found = selectors.event(public_id)
    if found is None:
        raise Http404
    return found


@member_page()
@require_GET
def event_page(request: ActorRequest, public_id: str) -> HttpResponse:
    partner_event = _event(public_id)
    context = {
        "event": partner_event,
        "registration": selectors.registration_of(request.actor, partner_event),
    }
    return render(request, "content/events/event.html", context)


@member_page()
@require_POST
@service_refusals
def register(request: ActorRequest, public_id: str) -> HttpResponse:
    try:
        services.register_for_event(request.actor, public_id)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(
            request, _("You are registered. We will email you a reminder the day before.")
        )
    return redirect("content:event", public_id)


@member_page()
@require_GET
def event_calendar(request: ActorRequest, public_id: str) -> HttpResponse:
    partner_event = _event(public_id)
    response = HttpResponse(calendar.ics_bytes(partner_event), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{partner_event.public_id}.ics"'
    return response

"""The event as an iCalendar file (RFC 5545), built with the `icalendar` package."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event

from allyport.content.events.models import PartnerEvent


def ics_bytes(partner_event: PartnerEvent) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Allyport//Partner events//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = Event()
    entry.add("uid", f"{partner_event.public_id}@allyport")
    entry.add("dtstamp", partner_event.starts_at)
    entry.add("dtstart", partner_event.starts_at)
    entry.add("dtend", partner_event.ends_at)
    entry.add("summary", partner_event.title)
    entry.add("description", partner_event.summary)
    if partner_event.location:
        entry.add("location", partner_event.location)
    page = settings.ALLYPORT_PUBLIC_URL.rstrip("/") + reverse(
        "content:event", args=[partner_event.public_id]
    )
    entry.add("url", partner_event.join_url or page)
    calendar.add_component(entry)
    return calendar.to_ical()

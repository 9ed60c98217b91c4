"""Partner news and events: the home page feeds, View all (six months of news, search
and filters), pinned events first, Register (kept, recorded, a reminder queued for the
day before and mailed once), the calendar file."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from allyport.access import actor as actors
from allyport.access.actor import system
from allyport.accounts.models import Company
from allyport.audit.models import AuditEvent
from allyport.content.events import services
from allyport.content.events.models import EventRegistration
from allyport.content.tests import factories
from allyport.core.errors import ChangeRefused
from allyport.pipeline.tests.test_portal_support import text
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_the_home_page_shows_the_feeds_and_the_walkthrough_icon(
    validated: Company, client_for: Any
) -> None:
    factories.news("Old news", days_ago=30)
    factories.news("Fresh news", days_ago=1)
    factories.news("Not yet", days_ago=-2)
    factories.event("Later summit", days=20)
    factories.event(
        "Pinned keynote", days=40, kind="keynote", pinned=True, delivery_format="virtual"
    )
    factories.event("Finished", days=-3)
    page = text(client_for(make_user(validated)).get("/"))
    assert page.index("Fresh news") < page.index("Old news") and "Not yet" not in page
    assert page.index("Pinned keynote") < page.index("Later summit") and "Finished" not in page
    assert "Virtual" in page and "In person" in page and "Pinned" in page
    assert "View all partner news" in page and "View all partner events" in page
    assert 'id="walkthroughs-launcher"' in page and "Partner walkthroughs" in page


def test_view_all_news_keeps_six_months_and_searches_by_words_and_topic(
    validated: Company, client_for: Any
) -> None:
    factories.news("Funding changes", topic="funding", body="MAP credits")
    factories.news("Selling tips", topic="selling")
    factories.news("Ancient history", days_ago=200)
    client = client_for(make_user(validated))
    listed = text(client.get(reverse("content:news")))
    assert (
        "Funding changes" in listed and "Selling tips" in listed and "Ancient history" not in listed
    )
    found = text(client.get(reverse("content:news"), {"q": "map credits"}))
    assert "Funding changes" in found and "Selling tips" not in found
    topic = text(client.get(reverse("content:news"), {"topic": "selling"}))
    assert "Selling tips" in topic and "Funding changes" not in topic


def test_view_all_events_filters_by_kind_format_and_time(
    validated: Company, client_for: Any
) -> None:
    factories.event("Hands-on workshop", kind="workshop", delivery_format="virtual")
    factories.event("Big summit", kind="summit", delivery_format="both")
    factories.event("Last year's summit", days=-300)
    client = client_for(make_user(validated))
    assert "Last year" not in text(client.get(reverse("content:events")))
    workshop = text(client.get(reverse("content:events"), {"kind": "workshop"}))
    assert "Hands-on workshop" in workshop and "Big summit" not in workshop
    both = text(client.get(reverse("content:events"), {"format": "both", "q": "summit"}))
    assert "Big summit" in both and "Hands-on" not in both and "In person and virtual" in both
    assert "Last year" in text(client.get(reverse("content:events"), {"when": "past"}))


@override_settings(TASKS=DUMMY_TASKS)
def test_register_keeps_the_registration_and_queues_a_reminder_for_the_day_before(
    validated: Company, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from allyport.content.events.tasks import send_event_reminder

    send_event_reminder.get_backend().clear()
    partner_event = factories.event("Partner summit", days=5)
    user = make_user(validated, "ace_user")
    client = client_for(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("content:event_register", args=[partner_event.public_id]), follow=True
        )
    assert "You are registered" in text(response) and "You registered on" in text(response)
    registration = EventRegistration.objects.get()
    assert (registration.user, registration.company) == (user, validated)
    [queued] = send_event_reminder.get_backend().results
    assert queued.args == [] and queued.kwargs == {"registration_id": registration.pk}
    assert abs(queued.task.run_after - (partner_event.starts_at - timedelta(days=1))) < timedelta(
        seconds=5
    )
    client.post(reverse("content:event_register", args=[partner_event.public_id]))
    assert EventRegistration.objects.count() == 1
    assert AuditEvent.objects.filter(event_name="RegisterForPartnerEvent").count() == 1


def test_the_reminder_is_mailed_once_and_not_after_the_start(validated: Company) -> None:
    user = make_user(validated, email="ana@octank.example")
    soon = factories.event("Keynote", days=1)
    registration = services.register_for_event(actors.for_user(user), soon.public_id)
    mail.outbox.clear()
    assert services.send_reminder(system(), registration.pk) is True
    [sent] = mail.outbox
    assert (
        sent.to == ["ana@octank.example"] and "Keynote" in sent.subject and "Keynote" in sent.body
    )
    assert services.send_reminder(system(), registration.pk) is False
    soon.starts_at = timezone.now() - timedelta(minutes=1)
    soon.save()
    EventRegistration.objects.update(reminded_at=None)
    assert services.send_reminder(system(), registration.pk) is False and len(mail.outbox) == 1


def test_a_started_event_is_closed_for_registration(validated: Company, client_for: Any) -> None:
    started = factories.event("Running", days=0)
    started.starts_at = timezone.now() - timedelta(minutes=5)
    started.save()
    with pytest.raises(ChangeRefused):
        services.register_for_event(actors.for_user(make_user(validated)), started.public_id)
    response = client_for(make_user(validated)).post(
        reverse("content:event_register", args=[started.public_id]), follow=True
    )
    assert "registration is closed" in text(response)


def test_the_calendar_file_describes_the_event(validated: Company, client_for: Any) -> None:
    partner_event = factories.event("Partner summit", location="Seattle, WA")
    response = client_for(make_user(validated)).get(
        reverse("content:event_calendar", args=[partner_event.public_id])
    )
    assert response["Content-Type"] == "text/calendar"
    assert "attachment" in response["Content-Disposition"]
    [entry] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["summary"]) == "Partner summit" and str(entry["location"]) == "Seattle, WA"
    assert entry.decoded("dtstart") == partner_event.starts_at.replace(microsecond=0)


def test_an_unpublished_event_or_news_item_is_not_found(
    validated: Company, client_for: Any
) -> None:
    hidden = factories.event("Draft", is_published=False)
    item = factories.news("Draft news", is_published=False)
    client = client_for(make_user(validated))
    assert client.get(reverse("content:event", args=[hidden.public_id])).status_code == 404
    assert client.get(reverse("content:news_item", args=[item.public_id])).status_code == 404


def test_the_feeds_are_cached_and_dropped_when_staff_publish(
    validated: Company, client_for: Any
) -> None:
    factories.news("First news")
    factories.event("First event")
    client = client_for(make_user(validated))
    client.get("/")
    with CaptureQueriesContext(connection) as cached:
        assert "First news" in text(client.get("/"))
    assert not [q for q in cached.captured_queries if "content_" in q["sql"]]
    factories.news("Second news")
    factories.event("Second event", days=1)
    page = text(client.get("/"))
    assert "Second news" in page and "Second event" in page

"""Resources: the kinds' pages, View all over every kind, downloads served as files
(never sniffed), videos with their WebVTT captions, Navigate's tracks and progress."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.accounts.models import Company
from allyport.audit.models import AuditEvent
from allyport.content.resources.models import TrackProgress
from allyport.content.tests import factories
from allyport.pipeline.tests.test_portal_support import text
from allyport.testing import make_user

pytestmark = pytest.mark.django_db


def test_each_kind_has_its_page_and_view_all_searches_every_kind(
    validated: Company, client_for: Any
) -> None:
    factories.resource("Co-sell playbook", "document", body="How to co-sell")
    factories.resource("Intro to the program", "video", link="https://videos.example/intro")
    factories.resource(
        "How do I register an opportunity?", "faq", body="Open Opportunity Management."
    )
    factories.resource("Hidden draft", "document", is_published=False)
    factories.track("Co-sell basics")
    client = client_for(make_user(validated, "channel_user"))
    documents = text(client.get(reverse("content:documents")))
    assert "Co-sell playbook" in documents and "Intro to the program" not in documents
    assert "Hidden draft" not in documents
    assert "Intro to the program" in text(client.get(reverse("content:videos")))
    faqs = text(client.get(reverse("content:faqs")))
    assert "How do I register an opportunity?" in faqs and "Open Opportunity Management." in faqs
    found = text(client.get(reverse("content:view_all"), {"q": "co-sell"}))
    assert "Co-sell playbook" in found and "Co-sell basics" in found and "Intro to" not in found
    only_faqs = text(client.get(reverse("content:view_all"), {"kind": "faq"}))
    assert "How do I register" in only_faqs and "Co-sell basics" not in only_faqs


def test_files_download_with_their_checked_type_and_videos_carry_captions(
    validated: Company, client_for: Any
) -> None:
    doc = factories.resource(
        "Guide", "document", file=factories.stored("guide.pdf", factories.PDF, "application/pdf")
    )
    video = factories.resource(
        "Welcome video", "video",
        file=factories.stored("welcome.mp4", factories.MP4, "video/mp4"),
        captions=factories.stored("welcome.vtt", factories.VTT, "text/vtt"),
    )  # fmt: skip
    client = client_for(make_user(validated))
    download = client.get(reverse("content:resource_file", args=[doc.public_id]))
    assert download.content == factories.PDF and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="guide.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"
    page = client.get(reverse("content:videos")).content.decode()
    captions_url = reverse("content:resource_captions", args=[video.public_id])
    assert '<track kind="captions" srclang="en"' in page and captions_url in page
    captions = client.get(captions_url)
    assert captions["Content-Type"] == "text/vtt" and captions.content.startswith(b"WEBVTT")
    assert client.get(reverse("content:resource_captions", args=[doc.public_id])).status_code == 404


def test_navigate_keeps_each_members_progress(validated: Company, client_for: Any) -> None:
    track = factories.track("Co-sell basics", items=4)
    user = make_user(validated, "standard_user")
    client = client_for(user)
    assert "0 of 4 completed" in text(client.get(reverse("content:navigate")))
    done = client.post(reverse("content:track_progress", args=[track.public_id, 2]), {"done": "1"})
    assert done["Location"].endswith(f"#track-{track.public_id}")
    client.post(reverse("content:track_progress", args=[track.public_id, 3]), {"done": "1"})
    page = text(client.get(reverse("content:navigate")))
    assert "2 of 4 completed" in page and "Mark as not done" in page
    assert "0 of 4 completed" in text(
        client_for(make_user(validated)).get(reverse("content:navigate"))
    )
    client.post(reverse("content:track_progress", args=[track.public_id, 2]), {"done": "0"})
    assert TrackProgress.objects.filter(user=user).count() == 1
    assert AuditEvent.objects.filter(event_name="UpdateEnablementProgress").count() == 3
    assert (
        client.post(
            reverse("content:track_progress", args=[track.public_id, 9]), {"done": "1"}
        ).status_code
        == 404
    )

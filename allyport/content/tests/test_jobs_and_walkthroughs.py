"""Job Board (post, list, close; open jobs public) and walkthroughs (steps as data,
progress kept per member)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.accounts.models import Company
from allyport.content.jobs.models import JobPosting
from allyport.content.tests import factories
from allyport.content.walkthroughs.models import WalkthroughProgress
from allyport.pipeline.tests.test_portal_support import field_errors, text
from allyport.testing import make_user

pytestmark = pytest.mark.django_db


def test_a_job_is_posted_listed_public_and_closed(
    validated: Company, client_for: Any, client: Any
) -> None:
    team = client_for(make_user(validated, "alliance_team"))
    refused = team.post(
        reverse("content:job_new"),
        {"title": "", "location": "", "description": "x", "apply_url": "ftp://x"},
    )
    assert set(field_errors(refused)) == {"title", "location", "apply_url"}
    posted = team.post(
        reverse("content:job_new"), factories.JOB | {"certifications": "SAA\nDVA\nSAA"}, follow=True
    )
    assert "is posted" in text(posted) and "SAA, DVA" in text(posted)
    job = JobPosting.objects.get()
    assert job.certifications == ["SAA", "DVA"]
    public = text(client.get(reverse("content:public_job", args=[job.public_id])))
    assert "Solutions architect" in public and "Remote (EU)" in public and "DVA" in public
    team.post(reverse("content:job_close", args=[job.public_id]))
    assert "Closed" in text(team.get(reverse("content:jobs"), {"status": "closed"}))
    assert client.get(reverse("content:public_job", args=[job.public_id])).status_code == 404
    again = team.post(reverse("content:job_close", args=[job.public_id]), follow=True)
    assert "already closed" in text(again)


def test_a_walkthrough_gives_its_steps_and_keeps_the_members_place(
    validated: Company, client_for: Any
) -> None:
    tour = factories.walkthrough()
    user = make_user(validated)
    client = client_for(user)
    listed = text(client.get(reverse("content:walkthroughs")))
    assert "Find news and events" in listed and "3 steps" in listed
    data = client.get(reverse("content:walkthrough", args=[tour.public_id])).json()
    assert [s["selector"] for s in data["steps"]] == ["#home-news", "#home-events", "#id_q"]
    assert data["step"] == 0 and data["completed"] is False
    saved = client.post(
        reverse("content:walkthrough_progress", args=[tour.public_id]), {"step": "2"}
    )
    assert saved.json() == {"step": 2, "completed": False}
    assert client.get(reverse("content:walkthrough", args=[tour.public_id])).json()["step"] == 2
    listed = client.get(reverse("content:walkthroughs")).content.decode()
    assert "Step 3 of 3" in listed and f"/news/?tour={tour.public_id}&amp;step=2" in listed
    client.post(
        reverse("content:walkthrough_progress", args=[tour.public_id]),
        {"step": "99", "completed": "1"},
    )
    progress = WalkthroughProgress.objects.get(user=user)
    assert progress.step == 2 and progress.completed_at is not None
    assert "Completed" in text(client.get(reverse("content:walkthroughs")))
    assert (
        client_for(make_user(validated))
        .get(reverse("content:walkthrough", args=[tour.public_id]))
        .json()["step"]
        == 0
    )
    assert client.get(reverse("content:walkthrough", args=["tour-missing00000"])).status_code == 404

"""Leads Management by role: ACE managers see every lead, transfer one or many; ACE
users see the leads they own; marketing staff theirs and their region's. A lead is
created by hand, edited and qualified or disqualified with a reason, under the same
rules as an import; each page has its trio (sign-in, another company's lead, role)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.audit.models import AuditEvent
from allyport.pipeline.leads import management
from allyport.pipeline.leads.models import LeadRecord
from allyport.pipeline.leads.services import LEAD_COLUMNS
from allyport.pipeline.views.leads_own import FORM_FIELDS
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
OWN = reverse("leads:own")
NEW = reverse("leads:new")
ROW = {
    "Company Name": "Contoso Retail", "Country": "US", "Contact Business Title": "CTO",
    "Contact First Name": "Nina", "Contact Last Name": "Berg",
    "Contact Email": "nina@contoso.example",
}  # fmt: skip


def form(**values: str) -> dict[str, str]:
    merged = {**ROW, **values}
    return {FORM_FIELDS[c.header]: merged.get(c.header, "") for c in LEAD_COLUMNS}


def lead_by(user: Any, **values: str) -> LeadRecord:
    return management.create_lead_by_hand(actors.for_user(user), "AWS", {**ROW, **values})


def edit_url(record: LeadRecord) -> str:
    return reverse("leads:edit", args=[record.engagement.public_id, record.context_id])


def test_pages_need_sign_in() -> None:
    for url in (OWN, NEW, reverse("leads:transfer")):
        response = Client().get(url)
        assert response.status_code == 302 and "/login" in response["Location"]


def test_a_member_without_a_leads_role_gets_403_with_the_reason(
    company: Any, client_for: Callable[..., Client]
) -> None:
    plain = client_for(make_user(company, "standard_user"))
    for url in (OWN, NEW):
        response = plain.get(url)
        assert response.status_code == 403
        assert "needs the" in response.content.decode()


def test_an_ace_user_creates_a_lead_by_hand_and_sees_only_their_own(
    company: Any, client_for: Callable[..., Client]
) -> None:
    ace_user = make_user(company, "ace_user")
    client = client_for(ace_user)
    refused = client.post(NEW, form(**{"Country": "Atlantis", "Contact Email": "nope",
                                        "Company Name": ""}))  # fmt: skip
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "This column is required." in page and "is not a country code" in page
    assert "Enter a valid email address" in page
    created = client.post(NEW, form(), follow=True).content.decode()
    assert "Lead created." in created and "Contoso Retail" in created
    record = LeadRecord.objects.get()
    assert record.owner == ace_user and record.region == "NAMER"
    lead_by(make_user(company, "ace_manager"), **{"Company Name": "Someone Else"})
    assert "Someone Else" not in client.get(OWN).content.decode()


def test_edit_and_qualify_with_a_reason(company: Any, client_for: Callable[..., Client]) -> None:
    ace_user = make_user(company, "ace_user")
    record = lead_by(ace_user)
    client = client_for(ace_user)
    shown = client.get(edit_url(record)).content.decode()
    assert 'value="Contoso Retail"' in shown
    bad = client.post(edit_url(record), form(**{"Contact Email": "x"}))
    assert bad.status_code == 400 and "Enter a valid email address" in bad.content.decode()
    client.post(edit_url(record), form(**{"Company Name": "Contoso Stores", "Country": "DE"}))
    record.refresh_from_db()
    assert management.lead_of(record)["Customer"]["CompanyName"] == "Contoso Stores"
    assert record.region == "EMEA"
    qualify = reverse("leads:qualify", args=[record.engagement.public_id, record.context_id])
    missing = client.post(qualify, {"status": "Disqualified", "reason": ""}, follow=True)
    assert "Give the reason." in missing.content.decode()
    done = client.post(qualify, {"status": "Disqualified", "reason": "No budget"}, follow=True)
    page = done.content.decode()
    assert "Disqualified" in page and "No budget" in page
    assert AuditEvent.objects.filter(event_name="UpdateEngagementContext").count() == 2


def test_marketing_staff_see_their_region(company: Any, client_for: Callable[..., Client]) -> None:
    manager = make_user(company, "ace_manager")
    lead_by(manager, **{"Company Name": "Berlin GmbH", "Country": "DE"})
    lead_by(manager, **{"Company Name": "Tokyo KK", "Country": "JP"})
    marketer = make_user(company, "marketing_staff")
    marketer.region = "EMEA"
    marketer.save(update_fields=["region"])
    page = client_for(marketer).get(OWN).content.decode()
    assert "Berlin GmbH" in page and "Tokyo KK" not in page
    assert "Transfer selected leads" not in page


def test_an_ace_manager_sees_all_and_transfers_many(
    company: Any, client_for: Callable[..., Client]
) -> None:
    manager = make_user(company, "ace_manager")
    ace_user = make_user(company, "ace_user")
    first, second = lead_by(ace_user), lead_by(manager, **{"Company Name": "Fabrikam"})
    client = client_for(manager)
    page = client.get(OWN).content.decode()
    assert "Contoso Retail" in page and "Fabrikam" in page
    assert "Contoso Retail" not in client.get(OWN + "?view=owned").content.decode()
    keys = [f"{r.engagement.public_id}/{r.context_id}" for r in (first, second)]
    moved = client.post(reverse("leads:transfer"), {"lead": keys, "owner": ace_user.public_id},
                        follow=True)  # fmt: skip
    assert "2 leads transferred." in moved.content.decode()
    assert set(LeadRecord.objects.values_list("owner", flat=True)) == {ace_user.pk}
    assert "Fabrikam" in client_for(ace_user).get(OWN).content.decode()
    refused = client_for(ace_user).post(reverse("leads:transfer"),
                                        {"lead": keys, "owner": manager.public_id})  # fmt: skip
    assert refused.status_code == 403


def test_another_companys_lead_is_not_found(
    company: Any, outsider: Any, client_for: Callable[..., Client]
) -> None:
    theirs = lead_by(make_user(outsider.company, "ace_manager"))
    client = client_for(make_user(company, "ace_manager"))
    assert client.get(edit_url(theirs)).status_code == 404
    qualify = reverse("leads:qualify", args=[theirs.engagement.public_id, theirs.context_id])
    assert client.post(qualify, {"status": "Qualified", "reason": "x"}).status_code == 404
    key = f"{theirs.engagement.public_id}/{theirs.context_id}"
    me = make_user(company, "ace_user")
    assert (
        client.post(reverse("leads:transfer"), {"lead": [key], "owner": me.public_id}).status_code
        == 404
    )


def test_an_ace_manager_exports_the_leads_as_a_job(
    company: Any, client_for: Callable[..., Client]
) -> None:
    from allyport.jobs.models import BulkJob

    manager = make_user(company, "ace_manager")
    lead_by(manager, **{"Company Name": "=cmd|calc"})
    client = client_for(manager)
    assert "Export leads" in client.get(OWN).content.decode()
    url = reverse("bulk:export_leads")
    started = client.post(url, {"catalog": "AWS", "file_format": "csv"}, follow=True)
    job = BulkJob.objects.get(kind="lead-export")
    assert job.status == "done" and job.rows == 1
    assert job.public_id in started.content.decode()
    download = client.get(reverse("bulk:job_result", args=[job.public_id]))
    assert download.status_code == 200, download.content[:300]
    body = b"".join(download.streaming_content).decode()  # type: ignore[attr-defined]
    assert body.splitlines()[0].startswith("Engagement,Context,Company Name")
    assert "'=cmd|calc" in body and manager.email in body
    xlsx = client.post(url, {"catalog": "AWS", "file_format": "xlsx"})
    assert xlsx.status_code == 302
    assert client_for(make_user(company, "ace_user")).get(url).status_code == 403

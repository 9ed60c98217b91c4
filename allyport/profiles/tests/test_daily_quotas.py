"""The Account API's daily quotas, enforced by the services: profile updates and
listing visibility changes per company, verification codes per address. The page shows
why; the API answers ServiceQuotaExceededException with the model's reason; nothing of
the refused change is written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.awsapi.tests.contract.conftest import call
from allyport.profiles.models import CompanyProfile, EmailVerificationCode, ProfileVersion
from allyport.profiles.services import codes, profile
from allyport.profiles.tests.conftest import details as task_details
from allyport.profiles.tests.conftest import lead_actor
from allyport.profiles.tests.test_finder import listed
from allyport.profiles.tests.test_page_flows import FORM
from allyport.testing import make_company, make_credentials

pytestmark = pytest.mark.django_db
ACCOUNT = "partnercentral-account"


def test_visibility_changes_per_day_on_the_page_and_the_api(
    client_for: Callable[[User], Client], settings: Any
) -> None:
    settings.ALLYPORT_API_THROTTLING = False
    settings.ALLYPORT_VISIBILITY_UPDATES_PER_DAY = 2
    company, lead = listed("Toggle Co")
    profile.put_profile_visibility(lead_actor(lead), company, "PRIVATE")
    profile.put_profile_visibility(lead_actor(lead), company, "PUBLIC")
    page = client_for(lead).post(reverse("profiles:my_listing"), {"visibility": "PRIVATE"})
    assert page.status_code == 200
    assert "changed its listing visibility 2 times in the last 24 hours" in page.content.decode()
    assert "Your listing is public at" in page.content.decode()
    versions = ProfileVersion.objects.filter(company=company, section="visibility")
    assert versions.count() == 2
    # A day later the oldest change no longer counts.
    versions.update(started_at=timezone.now() - timedelta(days=1, minutes=1))
    profile.put_profile_visibility(lead_actor(lead), company, "PRIVATE")
    assert versions.count() == 3


def test_the_api_answers_service_quota_exceeded(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False
    settings.ALLYPORT_VISIBILITY_UPDATES_PER_DAY = 1
    creds = make_credentials()
    assert creds.company is not None
    params = {"Catalog": "AWS", "Identifier": creds.company.public_id, "Visibility": "PRIVATE"}
    first = call(Client(), creds, "PutProfileVisibility", params, service=ACCOUNT)
    assert first.status == 200, first.body
    second = call(Client(), creds, "PutProfileVisibility", params, service=ACCOUNT)
    assert second.status == 402
    assert second.body["Reason"] == "LIMIT_EXCEEDED_NUMBER_OF_PROFILE_VISIBILITY_UPDATE_PER_DAY"
    assert "listing visibility 1 times" in second.body["Message"]
    events = AuditEvent.objects.filter(event_name="PutProfileVisibility").order_by("id")
    assert [event.error_code for event in events] == ["", "ServiceQuotaExceededException"]


def test_verification_codes_per_address(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False
    settings.ALLYPORT_VERIFICATION_CODES_PER_DAY = 2
    creds = make_credentials()
    params = {"Catalog": "AWS", "Email": "Kim@Training.Example"}
    for _n in range(2):
        sent = call(Client(), creds, "SendEmailVerificationCode", params, service=ACCOUNT)
        assert sent.status == 200, sent.body
    refused = call(Client(), creds, "SendEmailVerificationCode", params, service=ACCOUNT)
    assert refused.status == 402
    assert refused.body["Reason"] == "LIMIT_EXCEEDED_NUMBER_OF_EMAIL"
    assert len(mail.outbox) == 2
    assert EmailVerificationCode.objects.filter(email="kim@training.example").count() == 2
    # Another address is counted on its own.
    codes.send_email_verification_code(Actor.system(), None, "other@training.example")
    assert len(mail.outbox) == 3


def test_profile_updates_per_day(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False
    settings.ALLYPORT_PROFILE_UPDATES_PER_DAY = 1
    creds = make_credentials()
    assert creds.company is not None
    details = task_details(DisplayName="Renamed Co")
    params = {"Catalog": "AWS", "Identifier": creds.company.public_id, "TaskDetails": details}
    first = call(Client(), creds, "StartProfileUpdateTask", params, service=ACCOUNT)
    assert first.status == 200, first.body
    second = call(
        Client(), creds, "StartProfileUpdateTask",
        {**params, "TaskDetails": {**details, "DisplayName": "Again Co"}}, service=ACCOUNT,
    )  # fmt: skip
    assert second.status == 402, second.body
    assert second.body["Reason"] == "LIMIT_EXCEEDED_NUMBER_OF_PROFILE_UPDATE_PER_DAY"
    assert "1 profile updates in the last 24 hours" in second.body["Message"]
    assert ProfileVersion.objects.filter(company=creds.company, section="listing").count() == 1


def test_the_company_tab_shows_the_profile_update_quota(
    client_for: Callable[[User], Client], settings: Any
) -> None:
    settings.ALLYPORT_PROFILE_UPDATES_PER_DAY = 1
    company, lead = make_company()
    client = client_for(lead)
    assert client.post(reverse("profiles:company"), FORM).status_code == 302
    again = {**FORM, "display_name": "Octank Renamed", "phone": "+1 555 0199"}
    page = client.post(reverse("profiles:company"), again)
    assert page.status_code == 200
    assert "1 profile updates in the last 24 hours" in page.content.decode()
    # Nothing of the refused save is written: neither the listing nor the company fields.
    assert CompanyProfile.objects.get(company=company).display_name == "Octank Cloud"
    company.refresh_from_db()
    assert company.phone == "+1 555 0100"
    assert ProfileVersion.objects.filter(company=company, section="listing").count() == 1

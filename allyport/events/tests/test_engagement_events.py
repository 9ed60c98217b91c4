"""Engagement Invitation Created/Accepted/Rejected and Engagement Created/Member Added
reach the webhooks of the partner companies taking part."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from allyport.access import actor as actors
from allyport.events.models import Event
from allyport.events.tests.conftest import make_webhook
from allyport.marketplace import testing as marketplace
from allyport.pipeline.engagements import invitation_answers, invitation_sending, invitations
from allyport.pipeline.engagements.services import new_engagement
from allyport.pipeline.models import Engagement, EngagementInvitation
from allyport.pipeline.signals import engagement_changed
from allyport.pipeline.tests.conftest import iam_actor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quiet_notifications(monkeypatch: Any) -> None:
    """ACE managers' emails are the pipeline's concern, not these tests'."""
    monkeypatch.setattr(
        invitation_sending.notifications, "referral_shared", lambda invitation: None
    )


def referral(company: Any, capture: Any) -> EngagementInvitation:
    """A referral AWS shares with `company` (the rows the referral service writes)."""
    with capture(execute=True), transaction.atomic():
        engagement = new_engagement("AWS", creator=None, title="Migration", actor=actors.system())
        return invitation_sending.new_invitation(
            engagement,
            sender=None,
            receiver=company,
            payload_type="OpportunityInvitation",
            payload={"Project": {"Title": "Migration"}},
            actor=actors.system(),
        )


def test_a_shared_referral_raises_engagement_invitation_created(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    account = marketplace.link(lead).account.account_id
    make_webhook(lead, receiver.url)
    invitation = referral(lead.company, django_capture_on_commit_callbacks)
    (received,) = receiver.requests  # AWS's engagement has no partner member yet
    envelope = received.json
    assert envelope["detail-type"] == "Engagement Invitation Created"
    assert envelope["source"] == "aws.partnercentral-selling"
    assert envelope["account"] == account
    assert envelope["resources"] == [invitations.invitation_arn(invitation)]
    assert envelope["detail"] == {
        "schemaVersion": "1",
        "catalog": "AWS",
        "engagementInvitation": {
            "arn": invitations.invitation_arn(invitation),
            "id": invitation.public_id,
            "engagementId": invitation.engagement.public_id,
            "senderAccountId": "000000000000",
            "receiverAccountId": account,
            "senderCompanyName": "AWS",
            "expirationDate": invitation.expiration_date.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "participantType": "Receiver",
            "payloadType": "OpportunityInvitation",
        },
    }


def test_accepting_and_rejecting_raise_their_events(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    first = referral(lead.company, django_capture_on_commit_callbacks)
    second = referral(lead.company, django_capture_on_commit_callbacks)
    make_webhook(
        lead, receiver.url, "Engagement Invitation Accepted", "Engagement Invitation Rejected"
    )
    api = iam_actor(lead.company)
    with django_capture_on_commit_callbacks(execute=True):
        invitation_answers.accept_invitation(api, "AWS", first.public_id)
    with django_capture_on_commit_callbacks(execute=True):
        invitation_answers.reject_invitation(api, "AWS", second.public_id, "Other")
    accepted, rejected = (r.json for r in receiver.requests)
    assert accepted["detail-type"] == "Engagement Invitation Accepted"
    assert accepted["detail"]["engagementInvitation"]["id"] == first.public_id
    assert "senderCompanyName" not in accepted["detail"]["engagementInvitation"]
    assert rejected["detail-type"] == "Engagement Invitation Rejected"
    assert rejected["detail"]["engagementInvitation"]["participantType"] == "Receiver"


def test_a_partner_engagement_raises_engagement_created_and_member_added(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    make_webhook(lead, receiver.url)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        engagement = new_engagement(
            "Sandbox", creator=lead.company, title="Joint pursuit", actor=actors.system()
        )
    created, joined = (r.json for r in receiver.requests)
    assert created["detail-type"] == "Engagement Created"
    detail = created["detail"]
    assert detail["catalog"] == "Sandbox"
    assert detail["engagement"]["engagementId"] == engagement.public_id
    assert detail["engagement"]["engagementArn"] == created["resources"][0]
    assert set(detail["engagement"]) == {
        "engagementArn", "engagementId", "CreatedAt", "CreatedBy", "ContextTypes",
    }  # fmt: skip
    assert joined["detail-type"] == "Engagement Member Added"
    assert joined["detail"]["engagementMember"]["companyName"] == lead.company.legal_name


def test_member_added_names_the_member_given(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    with transaction.atomic():
        engagement = new_engagement("AWS", creator=lead.company, actor=actors.system())
    make_webhook(lead, receiver.url)
    member = engagement.members.get()
    with django_capture_on_commit_callbacks(execute=True):
        engagement_changed.send(
            sender=Engagement, engagement=engagement, change="Member Added", member=member
        )
    (received,) = receiver.requests
    detail = received.json["detail"]
    assert received.json["detail-type"] == "Engagement Member Added"
    assert detail["engagement"] == {"id": engagement.public_id}
    assert detail["engagementMember"]["companyName"] == lead.company.legal_name
    # Without the member, no event rather than a wrong one.
    with django_capture_on_commit_callbacks(execute=True):
        engagement_changed.send(sender=Engagement, engagement=engagement, change="Member Added")
    assert len(receiver.requests) == 1 and Event.objects.count() == 1

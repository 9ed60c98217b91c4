"""Activation and export end to end: the job schedules the sends (emails through the
outbox to the campaign's recipients, social posts recorded as scheduled, scheduled
emails left to the sweep), and the export's ZIP behind a signed link that refuses
forged and expired tokens."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.audit.models import AuditEvent
from allyport.core.errors import Conflict
from allyport.jobs.models import BulkJob
from allyport.marketing.models import Campaign, ScheduledSend
from allyport.marketing.services import activation, assets, campaigns, exports, output, social
from allyport.marketing.tests.helpers import asset_of, marketer, ready_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor() -> Actor:
    return Actor.for_member(marketer())


def test_activation_mails_each_recipient_through_the_outbox(actor: Actor, mailoutbox: Any) -> None:
    campaign = ready_campaign(actor)
    email = asset_of(campaign, "EMAIL")
    task = activation.start_activation(actor, "AWS", campaign.public_id, [email.public_id])
    assert task.status == "SUCCEEDED"
    assert task.outcomes == [{"CampaignAssetId": email.public_id, "Status": "SUCCEEDED"}]
    assert sorted(m.to[0] for m in mailoutbox) == ["ana@customer.example", "bo@customer.example"]
    message = mailoutbox[0]
    assert message.subject == "Plan your migration"
    # news@octank.example is not the company's domain: the portal's address, its name
    assert message.from_email.startswith(f"{campaign.company.legal_name} <")
    assert "octank.example" not in message.from_email
    html = message.alternatives[0][0]
    assert "<strong>us</strong>" in html and "<script>" not in html and "1 Main Street" in html
    email.refresh_from_db()
    campaign.refresh_from_db()
    assert (email.state, email.delivery_status, campaign.state) == ("ACTIVE", "DELIVERED", "ACTIVE")
    assert BulkJob.objects.get(pk=task.job_id).status == "done"
    again = activation.start_activation(actor, "AWS", campaign.public_id, [email.public_id])
    assert again.outcomes[0]["Reason"] == "ASSET_ALREADY_ACTIVE"


def test_a_sender_on_the_companys_domain_sends_as_itself(actor: Actor, mailoutbox: Any) -> None:
    campaign = ready_campaign(actor)
    domain = campaign.company.domains.first().domain  # type: ignore[union-attr]
    campaigns.update_campaign(actor, "AWS", campaign.public_id, {"SenderEmail": f"news@{domain}"})
    email = asset_of(campaign, "EMAIL")
    activation.start_activation(actor, "AWS", campaign.public_id, [email.public_id])
    assert mailoutbox[0].from_email.endswith(f"<news@{domain}>")


def test_a_social_post_is_recorded_as_scheduled(actor: Actor, mailoutbox: Any) -> None:
    campaign = ready_campaign(actor)
    url = social.create_authorization_url(actor, "AWS", "LINKEDIN")
    connection = social.complete_authorization(actor, url.rstrip("/").rsplit("/", 1)[-1], "Octank")
    campaigns.update_campaign(
        actor,
        "AWS",
        campaign.public_id,
        {"SocialConnections": {"LINKEDIN": [connection.public_id]}},
    )
    post = asset_of(campaign, "SOCIAL_POST")
    when = timezone.now() + timedelta(days=2)
    assets.update_asset(
        actor,
        "AWS",
        campaign.public_id,
        post.public_id,
        {
            "FieldValues": [{"FieldId": "Post", "Value": {"Text": "We are live"}}],
            "SendMode": "SCHEDULED",
            "ScheduledSendAt": when,
        },
    )
    task = activation.start_activation(actor, "AWS", campaign.public_id, [post.public_id])
    assert task.status == "SUCCEEDED"
    send = ScheduledSend.objects.get(asset=post)
    assert (send.channel, send.connection, send.status) == (
        "LINKEDIN",
        connection.public_id,
        "SCHEDULED",
    )
    assert send.send_at == when and mailoutbox == []


def test_scheduled_emails_wait_for_the_sweep(actor: Actor, mailoutbox: Any) -> None:
    campaign = ready_campaign(actor)
    email = asset_of(campaign, "EMAIL")
    when = timezone.now() + timedelta(hours=1)
    assets.update_asset(
        actor,
        "AWS",
        campaign.public_id,
        email.public_id,
        {"SendMode": "SCHEDULED", "ScheduledSendAt": when},
    )
    activation.start_activation(actor, "AWS", campaign.public_id, [email.public_id])
    assert mailoutbox == [] and activation.deliver_due() == 0
    ScheduledSend.objects.update(send_at=timezone.now() - timedelta(minutes=1))
    assert activation.deliver_due() == 2 and len(mailoutbox) == 2
    assert activation.deliver_due() == 0  # each is sent once
    email.refresh_from_db()
    assert email.delivery_status == "DELIVERED"
    sweep = AuditEvent.objects.get(event_name="SendCampaignEmails")
    assert sweep.record["userIdentity"]["type"] == "AWSService"
    assert sweep.record["responseElements"] == {"Sent": 2}


def test_an_ended_campaign_is_completed_by_the_sweep(actor: Actor, mailoutbox: Any) -> None:
    campaign = ready_campaign(actor)
    email = asset_of(campaign, "EMAIL")
    activation.start_activation(actor, "AWS", campaign.public_id, [email.public_id])
    assert activation.complete_ended() == 0
    Campaign.objects.filter(pk=campaign.pk).update(end_on=timezone.localdate() - timedelta(days=1))
    assert activation.sweep() == 1
    campaign.refresh_from_db()
    assert campaign.state == "COMPLETED"
    with pytest.raises(Conflict):
        campaigns.update_campaign(actor, "AWS", campaign.public_id, {"Name": "Again"})


def test_deactivating_drops_the_sends_not_made(actor: Actor, mailoutbox: Any) -> None:
    campaign = ready_campaign(actor)
    email = asset_of(campaign, "EMAIL")
    assets.update_asset(
        actor,
        "AWS",
        campaign.public_id,
        email.public_id,
        {"SendMode": "SCHEDULED", "ScheduledSendAt": timezone.now() + timedelta(hours=1)},
    )
    activation.start_activation(actor, "AWS", campaign.public_id, [email.public_id])
    assets.deactivate_asset(actor, "AWS", campaign.public_id, email.public_id)
    assert not ScheduledSend.objects.filter(asset=email).exists()
    campaign.refresh_from_db()
    assert campaign.state == "DRAFT"


def test_an_active_campaign_cannot_be_deleted(actor: Actor, mailoutbox: Any) -> None:
    campaign = ready_campaign(actor)
    email = asset_of(campaign, "EMAIL")
    activation.start_activation(actor, "AWS", campaign.public_id, [email.public_id])
    with pytest.raises(Conflict):
        campaigns.delete_campaign(actor, "AWS", campaign.public_id)


def test_export_zips_the_assets_behind_a_short_lived_link(actor: Actor) -> None:
    campaign = ready_campaign(actor)
    task = exports.start_export(actor, "AWS", campaign.public_id)
    assert task.status == "COMPLETED"
    view = output.export_view(exports.get_export(actor, "AWS", campaign.public_id, task.public_id))
    assert view["ExpiresAt"] - timezone.now() <= timedelta(minutes=15)
    path = view["DownloadUrl"].split("://", 1)[1].split("/", 1)[1]
    response = Client().get("/" + path)  # no session: the signature is the key
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "campaign.json" in names and len(names) == 4
    email = next(n for n in names if "invitation-email" in n)
    content = archive.read(email).decode()
    assert "<strong>us</strong>" in content and "<script>" not in content
    assert any(n.endswith(".txt") for n in names)


def test_a_forged_or_expired_link_is_refused(actor: Actor) -> None:
    campaign = ready_campaign(actor)
    task = exports.start_export(actor, "AWS", campaign.public_id)
    url, _expires = exports.link(task)
    token = url.rstrip("/").rsplit("/", 1)[-1]
    forged = Client().get(f"/market/marketing-central/exports/{token[:-2]}xx/")
    assert forged.status_code == 403 and "signature does not match" in forged.content.decode()
    past = int((timezone.now() - timedelta(seconds=1)).timestamp())
    expired = signing.dumps(
        {"c": campaign.company.public_id, "t": task.public_id, "e": past},
        salt=exports.SALT,
        compress=True,
    )
    response = Client().get(f"/market/marketing-central/exports/{expired}/")
    assert response.status_code == 403 and "The link has expired." in response.content.decode()
    other = signing.dumps(
        {"c": "partner-other", "t": task.public_id, "e": past + 3600},
        salt=exports.SALT,
        compress=True,
    )
    assert Client().get(f"/market/marketing-central/exports/{other}/").status_code == 404

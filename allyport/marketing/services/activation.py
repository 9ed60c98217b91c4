"""Activation: StartCampaignAssetActivationTask stores a task and queues its job; the
job checks each asset and schedules its sends — an email to each of the campaign's
recipients (through the outbox: at once when sent on activation, by the maintenance
sweep when scheduled) and, for a social post, a post on the chosen connection,
recorded as scheduled (no social network is reachable from here)."""

from __future__ import annotations

import logging
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor, system
from allyport.core.errors import Conflict, DomainError, NotFound
from allyport.core.mail import enqueue_message
from allyport.jobs import lifecycle
from allyport.jobs.runner import JobFailed
from allyport.marketing.models import ActivationTask, Campaign, CampaignAsset, ScheduledSend
from allyport.marketing.services import campaigns, jobs, rendering
from allyport.marketing.services.issues import asset_issues
from allyport.marketing.services.scope import campaign_arn, record, require_marketing

logger = logging.getLogger(__name__)
ACTIVATABLE = ("EMAIL", "SOCIAL_POST", "LANDING_PAGE")


def start_activation(
    actor: Actor, catalog: str, campaign_id: str, asset_ids: list[str]
) -> ActivationTask:
    from allyport.marketing.tasks import run_marketing_job

    company = require_marketing(actor, "StartCampaignAssetActivationTask", catalog)
    with transaction.atomic():
        campaign = campaigns.find(company, catalog, campaign_id, lock=True)
        if campaign.state == Campaign.State.COMPLETED:
            raise Conflict(
                _("A completed campaign cannot activate assets."), "Campaign", campaign_id
            )
        if campaign.activations.filter(status="IN_PROGRESS").exists():
            raise Conflict(
                _("An activation of this campaign is in progress."), "Campaign", campaign_id
            )
        job = jobs.new_job(actor, jobs.ACTIVATION, catalog)
        task = ActivationTask.objects.create(
            campaign=campaign, job=job, asset_ids=list(dict.fromkeys(asset_ids))
        )
        record(
            actor,
            "StartCampaignAssetActivationTask",
            company=company,
            request={
                "Catalog": catalog,
                "CampaignIdentifier": campaign_id,
                "CampaignAssetIdentifiers": asset_ids,
            },
            response={"TaskId": task.public_id},
            resource_arn=campaign_arn(campaign),
        )
        # In the transaction: the database queue stores the job's task with it.
        run_marketing_job.enqueue(job.public_id)
    task.refresh_from_db()
    return task


def latest_activation(actor: Actor, catalog: str, campaign_id: str) -> ActivationTask:
    company = require_marketing(actor, "GetCampaignAssetActivationTask", catalog)
    campaign = campaigns.find(company, catalog, campaign_id)
    task = campaign.activations.first()
    if task is None:
        raise NotFound("CampaignAssetActivationTask", campaign_id)
    return task


def _outcome(asset_id: str, status: str, reason: str = "", message: str = "") -> dict[str, Any]:
    outcome = {"CampaignAssetId": asset_id, "Status": status}
    if reason:
        outcome.update(Reason=reason, Message=message[:1024] or reason)
    return outcome


def _refusal(asset: CampaignAsset | None, asset_id: str) -> dict[str, Any] | None:
    if asset is None:
        return _outcome(asset_id, "FAILED", "ASSET_NOT_FOUND", _("No such asset."))
    if asset.state == CampaignAsset.State.ACTIVE:
        return _outcome(asset_id, "FAILED", "ASSET_ALREADY_ACTIVE", _("The asset is active."))
    if asset.category not in ACTIVATABLE:
        return _outcome(
            asset_id,
            "FAILED",
            "ASSET_NOT_ACTIVATABLE",
            _("This kind of asset is downloaded, not activated."),
        )
    issues = asset_issues(asset)
    if issues:
        return _outcome(asset_id, "FAILED", issues[0]["Code"], issues[0]["Message"])
    return None


def _schedule(task: ActivationTask, asset: CampaignAsset) -> None:
    campaign = asset.campaign
    when = asset.scheduled_send_at if asset.send_mode == "SCHEDULED" else timezone.now()
    assert when is not None
    if asset.category == "EMAIL":
        ScheduledSend.objects.bulk_create(
            ScheduledSend(
                asset=asset, activation=task, channel="EMAIL", recipient=address, send_at=when
            )
            for address in campaign.recipients
        )
    elif asset.category == "SOCIAL_POST":
        for connection in campaign.social_connections.get(asset.social_platform) or []:
            ScheduledSend.objects.create(
                asset=asset,
                activation=task,
                send_at=when,
                channel=asset.social_platform,
                connection=connection,
            )


def _activate(task: ActivationTask, asset_id: str) -> dict[str, Any]:
    with transaction.atomic():
        asset = (
            task.campaign.assets.select_for_update(of=("self",)).filter(public_id=asset_id).first()
        )
        if asset is not None:
            asset.campaign = task.campaign
        refused = _refusal(asset, asset_id)
        if refused is not None:
            if asset is not None:
                asset.last_activation_status = "FAILED"
                asset.save(update_fields=["last_activation_status", "updated_at"])
            return refused
        assert asset is not None
        _schedule(task, asset)
        asset.state, asset.last_activation_status = CampaignAsset.State.ACTIVE, "SUCCEEDED"
        asset.started_at = timezone.now()
        asset.delivery_status = "PENDING" if asset.category != "LANDING_PAGE" else "DELIVERED"
        asset.delivery_status_reason = ""
        asset.save()
        return _outcome(asset_id, "SUCCEEDED")


def _finish(task: ActivationTask, outcomes: list[dict[str, Any]], actor: Actor) -> None:
    succeeded = sum(1 for o in outcomes if o["Status"] == "SUCCEEDED")
    task.outcomes = outcomes
    task.status = (
        "SUCCEEDED"
        if succeeded == len(outcomes)
        else "FAILED"
        if not succeeded
        else "PARTIAL_FAILURE"
    )
    task.ended_at = timezone.now()
    campaign = task.campaign
    with transaction.atomic():
        task.save(update_fields=["outcomes", "status", "ended_at"])
        if succeeded and campaign.state == Campaign.State.DRAFT:
            campaign.state = Campaign.State.ACTIVE
            campaign.save(update_fields=["state", "updated_at"])
        record(
            actor,
            "ActivateCampaignAssets",
            company=campaign.company,
            request={"TaskId": task.public_id},
            response={"TaskStatus": task.status, "Assets": outcomes},
            resource_arn=campaign_arn(campaign),
        )


def run(job: Any) -> None:
    """The activation job's work (on the task worker)."""
    task = ActivationTask.objects.select_related("campaign__company").get(job=job)
    try:
        actor = jobs.job_actor(job)
        outcomes = [_activate(task, asset_id) for asset_id in task.asset_ids]
        _finish(task, outcomes, actor)
        deliver_due(task.campaign, actor)
    except (JobFailed, DomainError) as failed:
        ActivationTask.objects.filter(pk=task.pk).update(status="FAILED", ended_at=timezone.now())
        lifecycle.fail(job, str(failed))
        return
    lifecycle.done(job)


def sender(campaign: Campaign) -> str:
    """The campaign's sender email when its domain is one of the company's (proved at
    registration or on My Domains); otherwise the portal's address under the company's
    name, so no campaign sends as a domain its company does not hold."""
    domain = campaign.sender_email.rpartition("@")[2].lower()
    if domain and campaign.company.domains.filter(domain__iexact=domain).exists():
        return formataddr((campaign.company.legal_name, campaign.sender_email))
    return formataddr((campaign.company.legal_name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))


def _message(send: ScheduledSend) -> EmailMultiAlternatives:
    asset = send.asset
    campaign = asset.campaign
    message = EmailMultiAlternatives(
        rendering.subject(asset), rendering.plain(asset), sender(campaign), [send.recipient]
    )
    message.attach_alternative(str(rendering.preview(asset)), "text/html")
    return message


def deliver_due(campaign: Campaign | None = None, actor: Actor | None = None) -> int:
    """Send the emails whose time has come through the outbox (as the activation's job,
    or the system's sweep); an asset whose every email went is delivered, and each
    campaign's sends are recorded. Social posts stay recorded as scheduled."""
    due = ScheduledSend.objects.filter(
        channel="EMAIL", status="SCHEDULED", send_at__lte=timezone.now(), asset__state="ACTIVE"
    )
    if campaign is not None:
        due = due.filter(asset__campaign=campaign)
    sent: dict[int, tuple[Campaign, int]] = {}
    for send in due.select_related("asset__campaign__company", "asset__source")[:500]:
        with transaction.atomic():
            if not ScheduledSend.objects.filter(pk=send.pk, status="SCHEDULED").update(
                status="SENT", sent_at=timezone.now()
            ):
                continue  # another worker sent it
            enqueue_message(_message(send))
            owner = send.asset.campaign
            sent[owner.pk] = (owner, sent.get(owner.pk, (owner, 0))[1] + 1)
            if not send.asset.sends.filter(status="SCHEDULED").exists():
                CampaignAsset.objects.filter(pk=send.asset_id).update(delivery_status="DELIVERED")
    for owner, count in sent.values():
        record(
            actor or system(),
            "SendCampaignEmails",
            company=owner.company,
            request={"CampaignId": owner.public_id},
            response={"Sent": count},
            resource_arn=campaign_arn(owner),
        )
    return sum(count for _owner, count in sent.values())


def complete_ended() -> int:
    """Campaigns past their end date are completed; their sends not yet made are dropped."""
    ended = Campaign.objects.filter(state=Campaign.State.ACTIVE, end_on__lt=timezone.localdate())
    count = 0
    for campaign in ended.select_related("company"):
        with transaction.atomic():
            ScheduledSend.objects.filter(asset__campaign=campaign, status="SCHEDULED").delete()
            Campaign.objects.filter(pk=campaign.pk).update(state=Campaign.State.COMPLETED)
            record(
                system(),
                "CompleteCampaign",
                company=campaign.company,
                request={"CampaignId": campaign.public_id},
                resource_arn=campaign_arn(campaign),
            )
            count += 1
    return count


def sweep() -> int:
    """The maintenance sweep's part: due emails, then ended campaigns."""
    return deliver_due() + complete_ended()

"""Export: StartCampaignAssetExportTask queues a job that writes a ZIP of the
campaign's assets (each asset's sanitised HTML or text, and the campaign's settings
as JSON) as the job's result file; GetCampaignAssetExportTask gives a short-lived
link to it, signed with django.core.signing (company, task, expiry), which the
download view checks with no session, like a presigned S3 URL."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import NotFound
from allyport.jobs import lifecycle
from allyport.jobs.models import BulkJob
from allyport.jobs.storage import PartWriter, Role, iter_parts
from allyport.marketing.models import Campaign, ExportTask
from allyport.marketing.services import campaigns, jobs, rendering
from allyport.marketing.services.scope import campaign_arn, record, require_marketing

LIFETIME = timedelta(minutes=15)
SALT = "allyport.marketing.export"
MAX_BYTES = 50 * 1024 * 1024


class LinkRefused(Exception):
    """The link cannot be served: `status` 403 (forged, expired) or 404 (gone)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def start_export(actor: Actor, catalog: str, campaign_id: str) -> ExportTask:
    from allyport.marketing.tasks import run_marketing_job

    company = require_marketing(actor, "StartCampaignAssetExportTask", catalog)
    with transaction.atomic():
        campaign = campaigns.find(company, catalog, campaign_id)
        job = jobs.new_job(actor, jobs.EXPORT, catalog)
        task = ExportTask.objects.create(campaign=campaign, job=job)
        record(
            actor,
            "StartCampaignAssetExportTask",
            company=company,
            request={"Catalog": catalog, "CampaignIdentifier": campaign_id},
            response={"Id": task.public_id},
            resource_arn=campaign_arn(campaign),
        )
        run_marketing_job.enqueue(job.public_id)
    task.refresh_from_db()
    return task


def get_export(actor: Actor, catalog: str, campaign_id: str, identifier: str) -> ExportTask:
    company = require_marketing(actor, "GetCampaignAssetExportTask", catalog)
    campaign = campaigns.find(company, catalog, campaign_id)
    task = campaign.exports.select_related("job").filter(public_id=identifier).first()
    if task is None:
        raise NotFound("CampaignAssetExportTask", identifier)
    return task


def _entry_name(number: int, asset: Any, suffix: str) -> str:
    return f"{number:02d}-{slugify(asset.name) or 'asset'}-{asset.public_id}.{suffix}"


def _page(title: str, body: str) -> str:
    from html import escape

    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"</head><body>{body}</body></html>"
    )


def build_zip(campaign: Campaign) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        settings_doc: dict[str, Any] = {
            "CampaignId": campaign.public_id,
            "Name": campaign.name,
            "Template": campaign.template.name if campaign.template else "",
            "StartOn": str(campaign.start_on or ""),
            "EndOn": str(campaign.end_on or ""),
            "Assets": [],
        }
        listed: list[dict[str, str]] = []
        settings_doc["Assets"] = listed
        for number, asset in enumerate(campaign.assets.select_related("source"), start=1):
            asset.campaign = campaign
            if asset.category == "SOCIAL_POST":
                name = _entry_name(number, asset, "txt")
                archive.writestr(name, rendering.plain(asset))
            else:
                name = _entry_name(number, asset, "html")
                archive.writestr(name, _page(asset.name, str(rendering.preview(asset))))
            listed.append(
                {
                    "Id": asset.public_id,
                    "Name": asset.name,
                    "Category": asset.category,
                    "File": name,
                }
            )
        archive.writestr("campaign.json", json.dumps(settings_doc, indent=2, ensure_ascii=False))
    return buffer.getvalue()


def run(job: BulkJob) -> None:
    task = ExportTask.objects.select_related("campaign__company", "campaign__template").get(job=job)
    try:
        jobs.job_actor(job)  # the starter may still act for the company
        data = build_zip(task.campaign)
        if len(data) > MAX_BYTES:
            raise _Failure("EXPORT_TOO_LARGE", _("The export is larger than 50 MB."))
        with transaction.atomic():
            writer = PartWriter(job, Role.RESULT)
            writer.write(data)
            writer.flush()
            job.result_size = len(data)
            ExportTask.objects.filter(pk=task.pk).update(status="COMPLETED")
    except _Failure as failed:
        _failed(task, job, failed.code, str(failed))
    except Exception as failed:  # the task's answer says why; the job is not retried
        _failed(
            task,
            job,
            "PACKAGING_ERROR" if isinstance(failed, zipfile.BadZipFile) else "INTERNAL_ERROR",
            str(failed) or _("The export failed."),
        )
    else:
        lifecycle.done(job)


class _Failure(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _failed(task: ExportTask, job: BulkJob, code: str, message: str) -> None:
    ExportTask.objects.filter(pk=task.pk).update(
        status="FAILED", failure={"Code": code, "Message": message[:1024]}
    )
    lifecycle.fail(job, message)


def link(task: ExportTask) -> tuple[str, datetime]:
    """A download URL valid for LIFETIME, and when it expires."""
    expires = timezone.now() + LIFETIME
    token = signing.dumps(
        {"c": task.campaign.company.public_id, "t": task.public_id, "e": int(expires.timestamp())},
        salt=SALT,
        compress=True,
    )
    url = settings.ALLYPORT_PUBLIC_URL + reverse("marketing:export_download", args=[token])
    return url, expires.replace(microsecond=0)


def open_link(token: str) -> tuple[ExportTask, bytes]:
    """The task a link names and its ZIP; LinkRefused otherwise."""
    try:
        data = signing.loads(token, salt=SALT)
        company, task_id = str(data["c"]), str(data["t"])
        expires = datetime.fromtimestamp(int(data["e"]), tz=UTC)
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError):
        raise LinkRefused(403, _("The link's signature does not match.")) from None
    if timezone.now() >= expires:
        raise LinkRefused(403, _("The link has expired."))
    task = (
        ExportTask.objects.select_related("job", "campaign")
        .filter(public_id=task_id, campaign__company__public_id=company, status="COMPLETED")
        .first()
    )
    if task is None:
        raise LinkRefused(404, _("The export does not exist."))
    return task, b"".join(iter_parts(task.job, Role.RESULT))

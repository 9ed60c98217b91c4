"""The marketing jobs in the job framework (`allyport.jobs`): each activation or
export task is a `BulkJob` of its kind, run once by the task worker as whoever
started it (a member as they are now, or the IAM user whose key started it)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied, require
from allyport.accounts.models import User
from allyport.cloud.job_actor import iam_options
from allyport.cloud.job_actor import job_actor as iam_job_actor
from allyport.jobs.models import BulkJob
from allyport.jobs.runner import JobFailed
from allyport.marketing.permissions import MENU

ACTIVATION, EXPORT = "marketing-activation", "marketing-export"
AGENT = "allyport marketing job"


def new_job(actor: Actor, kind: str, catalog: str) -> BulkJob:
    assert actor.company is not None
    options = {"iam": iam_options(actor)} if actor.is_iam and actor.iam is not None else {}
    return BulkJob.objects.create(
        company=actor.company,
        catalog=catalog,
        kind=kind,
        created_by=actor.user,
        source_ip=actor.source_ip[:64],
        options=options,
    )


def job_actor(job: BulkJob) -> Actor:
    if job.options.get("iam"):
        return iam_job_actor(job)
    user = job.created_by
    if (
        user is None
        or not user.is_active
        or user.status != User.Status.ACTIVE
        or (user.company_id != job.company_id)
    ):
        raise JobFailed(_("The member who started this job can no longer act for the company."))
    actor = actors.for_user(user, job.source_ip, AGENT)
    try:
        require(actor, MENU)
    except PermissionDenied as refused:
        raise JobFailed(refused.decision.reason) from None
    return actor

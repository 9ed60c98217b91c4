"""Jobs started through the API act as the IAM user whose key started them.

The job keeps the IAM user and access key id (`options["iam"]`); the worker
builds the principal again as it is then (its policies now, its account still
linked to the job's company) into an IAM actor (`Actor.for_iam`); each row goes
through the services, which ask the policy evaluator as the single call would.
Every kind of job (`allyport.jobs`) started through the API uses this: the bulk
app's opportunity jobs and the customer-account jobs.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.cloud.models import IamUser
from allyport.cloud.principals import IamPrincipal
from allyport.cloud.services import account_company
from allyport.jobs.models import BulkJob
from allyport.jobs.runner import JobFailed

AGENT = "allyport bulk job"


def iam_options(actor: Actor) -> dict[str, Any]:
    """What the worker needs to act as the calling IAM user again."""
    principal = actor.iam
    assert principal is not None and principal.user is not None, "API keys belong to users"
    return {"user": principal.user.pk, "key": principal.access_key_id}


def job_actor(job: BulkJob) -> Actor:
    info = job.options.get("iam") or {}
    user = IamUser.objects.select_related("account").filter(pk=int(info.get("user") or 0)).first()
    if user is None or account_company(user.account) != job.company:
        raise JobFailed(_("The IAM user who started this job can no longer act for the company."))
    return Actor.for_iam(
        IamPrincipal.for_user(user, access_key_id=str(info.get("key") or "")),
        job.company,
        source_ip=job.source_ip,
        user_agent=AGENT,
    )

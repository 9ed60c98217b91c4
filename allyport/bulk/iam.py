"""Jobs started through the API act as the IAM user whose key started them.

The job keeps the IAM user and access key id (`options["iam"]`); the worker
builds the principal again as it is then (its policies now, its account still
linked to the job's company), and each row is asked of the policy evaluator as
the single call would be: CreateOpportunity for an import, UpdateOpportunity on
the opportunity's ARN for each updated row.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Decision, PermissionDenied
from allyport.bulk.models import BulkJob
from allyport.bulk.runner import JobFailed
from allyport.cloud.models import IamUser
from allyport.cloud.principals import IamPrincipal, refusal
from allyport.cloud.services import account_company
from allyport.pipeline.selectors import opportunity_arn

AGENT = "allyport bulk job"
PREFIX = "partnercentral"


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


def check(actor: Actor, operation: str, catalog: str, resource: str = "*") -> None:
    """The evaluator's answer for an IAM actor (members' rights are the services')."""
    principal = actor.iam
    if actor.kind != "iam" or principal is None:
        return
    action = f"{PREFIX}:{operation}"
    result = principal.check(action, resource, {"partnercentral:Catalog": catalog})
    if not result.allowed:
        raise PermissionDenied(Decision(False, refusal(principal, action, resource, result)))


def check_opportunity(actor: Actor, operation: str, catalog: str, identifier: str) -> None:
    if actor.kind == "iam" and actor.iam is not None:
        arn = opportunity_arn(catalog, identifier, actor.iam.account_id)
        check(actor, operation, catalog, arn)

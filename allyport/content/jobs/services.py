"""Post a job (title, location, certifications wanted) and close it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.content.jobs.models import JobPosting
from allyport.content.permissions import JOB_BOARD, MANAGE_JOBS
from allyport.content.shared import guard, review
from allyport.content.shared.rules import raise_if, text_fields, url_errors
from allyport.core.errors import ChangeRefused, FieldError

LIMITS = {"title": 200, "location": 200, "description": 5000, "apply_url": 200}
MAX_CERTIFICATIONS = 10


def _certifications(given: Any) -> tuple[list[str], list[FieldError]]:
    lines = given.splitlines() if isinstance(given, str) else list(given or [])
    names = list(dict.fromkeys(str(line).strip()[:120] for line in lines if str(line).strip()))
    if len(names) > MAX_CERTIFICATIONS:
        message = _("At most %(n)s certifications.") % {"n": MAX_CERTIFICATIONS}
        return names, [FieldError("certifications", message)]
    return names, []


def clean(given: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any]
    data, errors = text_fields(given, LIMITS, optional=("apply_url",))  # type: ignore[assignment]
    certifications, more = _certifications(given.get("certifications"))
    raise_if(errors + more + url_errors(data["apply_url"], "apply_url"))
    return {**data, "certifications": certifications}


def create_job_posting(actor: Actor, given: Mapping[str, Any]) -> JobPosting:
    guard.require(actor, MANAGE_JOBS, actor.company, menu=JOB_BOARD)
    data = clean(given)
    with transaction.atomic():
        posting = JobPosting.objects.create(
            company=guard.company_of(actor), posted_by=actor.user, **data
        )
        guard.record(
            actor, "CreateJobPosting", company=guard.company_of(actor), resource_type="JobPosting",
            identifier=posting.public_id,
        )  # fmt: skip
    return posting


def close_job_posting(actor: Actor, public_id: str) -> JobPosting:
    guard.require(actor, MANAGE_JOBS, actor.company, menu=JOB_BOARD)
    with transaction.atomic():
        posting = review.find_for(actor, JobPosting, public_id, lock=True)
        if posting.status == JobPosting.Status.CLOSED:
            raise ChangeRefused(_("This job is already closed."))
        posting.status = JobPosting.Status.CLOSED
        posting.closed_at = timezone.now()
        posting.save(update_fields=["status", "closed_at"])
        guard.record(
            actor, "CloseJobPosting", company=posting.company, resource_type="JobPosting",
            identifier=public_id,
        )  # fmt: skip
    return posting

"""Well-Architected workloads (Software or Services path, Confirmed or higher): record
a workload review with each pillar's risk and findings and the improvement plan;
submit it; staff validate it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.content.build.models import PILLARS, RISKS, WorkloadPath, WorkloadReview
from allyport.content.permissions import RECORD_WORKLOAD, REVIEW_WORKLOAD, WORKLOADS
from allyport.content.shared import guard, review
from allyport.content.shared.rules import raise_if, text_fields
from allyport.core.errors import FieldError

LIMITS = {"name": 200, "customer": 200, "description": 5000, "improvement_plan": 10000}
RISK_KEYS = {key for key, _label in RISKS}


def _pillars(given: Mapping[str, Any]) -> tuple[dict[str, dict[str, str]], list[FieldError]]:
    """Each pillar's risk (one of RISKS) and findings (required unless no risk)."""
    found: dict[str, dict[str, str]] = {}
    errors = []
    for key, _label in PILLARS:
        risk = str(given.get(f"{key}_risk") or "")
        findings = str(given.get(f"{key}_findings") or "").strip()[:3000]
        if risk not in RISK_KEYS:
            errors.append(FieldError(f"{key}_risk", _("Choose the pillar's risk.")))
        elif risk != "none" and not findings:
            errors.append(
                FieldError(f"{key}_findings", _("Describe the findings behind the risk."))
            )
        found[key] = {"risk": risk, "findings": findings}
    return found, errors


def clean(actor: Actor, given: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any]
    data, errors = text_fields(given, LIMITS, optional=("customer",))  # type: ignore[assignment]
    pillars, more = _pillars(given)
    path = given.get("path")
    allowed = [p for p in WorkloadPath.values if actor.is_member is False or p in actor.paths]
    if path not in allowed:
        more.append(FieldError("path", _("Choose the Software or Services path of your company.")))
    raise_if(errors + more)
    return {**data, "path": path, "pillars": pillars}


def create_workload(actor: Actor, given: Mapping[str, Any]) -> WorkloadReview:
    guard.require(actor, RECORD_WORKLOAD, actor.company, menu=WORKLOADS)
    data = clean(actor, given)
    with transaction.atomic():
        workload = WorkloadReview.objects.create(company=guard.company_of(actor), **data)
        guard.record(
            actor,
            "CreateWorkloadReview",
            company=guard.company_of(actor),
            resource_type="WorkloadReview",
            identifier=workload.public_id,
        )
    return workload


def update_workload(actor: Actor, public_id: str, given: Mapping[str, Any]) -> WorkloadReview:
    guard.require(actor, RECORD_WORKLOAD, actor.company, menu=WORKLOADS)
    data = clean(actor, given)
    with transaction.atomic():
        workload = review.find_for(actor, WorkloadReview, public_id, lock=True)
        review.check_editable(workload)
        for name, value in data.items():
            setattr(workload, name, value)
        workload.updated_at = timezone.now()
        workload.save()
        guard.record(
            actor, "UpdateWorkloadReview", company=workload.company,
            resource_type="WorkloadReview", identifier=public_id,
        )  # fmt: skip
    return workload


def submit_workload(actor: Actor, public_id: str) -> WorkloadReview:
    return review.submit(
        actor, WorkloadReview, public_id, RECORD_WORKLOAD, WORKLOADS, "SubmitWorkloadReview"
    )


def review_workload(
    actor: Actor, public_id: str, *, approve: bool, note: str = ""
) -> WorkloadReview:
    return review.decide(
        actor, WorkloadReview, public_id, REVIEW_WORKLOAD, approve=approve, note=note,
        event="ReviewWorkloadReview",
    )  # fmt: skip

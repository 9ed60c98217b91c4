"""Case studies: members create and edit them (with the offerings they concern),
submit them for validation; staff validate them. Validated ones show on the company's
profile and on program applications (the "company.case_studies" slot)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.content.build.models import CaseStudy
from allyport.content.permissions import CASE_STUDIES, EDIT_CASE_STUDY, REVIEW_CASE_STUDY
from allyport.content.shared import guard, review
from allyport.content.shared.rules import raise_if, text_fields, url_errors
from allyport.core.errors import FieldError
from allyport.pipeline.models import Solution

LIMITS = {
    "title": 200, "customer": 200, "summary": 500, "challenge": 5000, "solution": 5000,
    "results": 5000, "url": 200,
}  # fmt: skip


def _offerings(actor: Actor, given: Any) -> tuple[list[Solution], list[FieldError]]:
    wanted = {str(value) for value in (given or [])}
    found = list(Solution.objects.filter(company=actor.company, public_id__in=wanted))
    if len(found) != len(wanted):
        return found, [FieldError("offerings", _("Choose offerings of your company."))]
    return found, []


def clean(actor: Actor, given: Mapping[str, Any]) -> tuple[dict[str, str], list[Solution]]:
    data, errors = text_fields(given, LIMITS, optional=("url",))
    offerings, more = _offerings(actor, given.get("offerings"))
    raise_if(errors + url_errors(data["url"], "url") + more)
    return data, offerings


def create_case_study(actor: Actor, given: Mapping[str, Any]) -> CaseStudy:
    guard.require(actor, EDIT_CASE_STUDY, actor.company, menu=CASE_STUDIES)
    data, offerings = clean(actor, given)
    with transaction.atomic():
        study = CaseStudy.objects.create(
            company=guard.company_of(actor), created_by=actor.user, **data
        )
        study.offerings.set(offerings)
        guard.record(
            actor, "CreateCaseStudy", company=guard.company_of(actor), resource_type="CaseStudy",
            identifier=study.public_id,
        )  # fmt: skip
    return study


def update_case_study(actor: Actor, public_id: str, given: Mapping[str, Any]) -> CaseStudy:
    guard.require(actor, EDIT_CASE_STUDY, actor.company, menu=CASE_STUDIES)
    data, offerings = clean(actor, given)
    with transaction.atomic():
        study = review.find_for(actor, CaseStudy, public_id, lock=True)
        review.check_editable(study)
        for name, value in data.items():
            setattr(study, name, value)
        study.updated_at = timezone.now()
        study.save()
        study.offerings.set(offerings)
        guard.record(
            actor, "UpdateCaseStudy", company=study.company, resource_type="CaseStudy",
            identifier=public_id,
        )  # fmt: skip
    return study


def submit_case_study(actor: Actor, public_id: str) -> CaseStudy:
    return review.submit(
        actor, CaseStudy, public_id, EDIT_CASE_STUDY, CASE_STUDIES, "SubmitCaseStudy"
    )


def review_case_study(actor: Actor, public_id: str, *, approve: bool, note: str = "") -> CaseStudy:
    return review.decide(
        actor, CaseStudy, public_id, REVIEW_CASE_STUDY, approve=approve, note=note,
        event="ReviewCaseStudy",
    )  # fmt: skip

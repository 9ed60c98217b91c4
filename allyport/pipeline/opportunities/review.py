"""The review life cycle (spec §2.6): what each ReviewStatus lets a partner edit, and
AWS's review outcomes — set by staff, or simulated by Sandbox callers through
UpdateOpportunity's LifeCycle.ReviewStatus (Appendix A §1.8)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.core.errors import (
    BAD_STATE,
    NOT_PERMITTED,
    REQUIRED,
    FieldError,
    RuleViolation,
    refuse,
)
from allyport.pipeline.enums import Catalog, ReviewStatus
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.payload import (
    ACTION_REQUIRED_FIELDS,
    REVIEW_FIELDS,
    changed_paths,
    without_indexes,
)
from allyport.pipeline.shared.permissions import REVIEW_OPPORTUNITY

READ_ONLY = (ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW, ReviewStatus.REJECTED)
# AWS decides from these states, to these outcomes.
UNDER_REVIEW = (ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW, ReviewStatus.ACTION_REQUIRED)
OUTCOMES = (
    ReviewStatus.IN_REVIEW,
    ReviewStatus.APPROVED,
    ReviewStatus.ACTION_REQUIRED,
    ReviewStatus.REJECTED,
)
NEEDS_REASON = (ReviewStatus.ACTION_REQUIRED, ReviewStatus.REJECTED)


def requested_outcome(opportunity: Opportunity, given: Mapping[str, Any]) -> dict[str, Any]:
    """The review fields an update sets: none for a partner (values equal to the stored
    ones are ignored), an outcome for a Sandbox caller simulating AWS."""
    stored = opportunity.life_cycle
    changes = {k: given[k] for k in REVIEW_FIELDS if k in given and given[k] != stored.get(k)}
    if not changes:
        return {}
    if opportunity.catalog != Catalog.SANDBOX or "ReviewStatus" not in changes:
        raise RuleViolation(
            [
                FieldError(f"LifeCycle.{key}", _("Only AWS sets this field."), NOT_PERMITTED)
                for key in changes
            ]
        )
    return check_outcome(opportunity, given["ReviewStatus"], given)


def check_outcome(
    opportunity: Opportunity, status: str, given: Mapping[str, Any]
) -> dict[str, Any]:
    field = "LifeCycle.ReviewStatus"
    if opportunity.review_status not in UNDER_REVIEW:
        raise refuse(
            field,
            _("Only a submitted opportunity is reviewed (this one is %(s)s).")
            % {"s": opportunity.review_status},
            BAD_STATE,
        )
    if status not in OUTCOMES:
        raise refuse(field, _("A review ends In review, Approved, Action Required or Rejected."))
    if status in NEEDS_REASON and not given.get("ReviewStatusReason"):
        raise refuse("LifeCycle.ReviewStatusReason", _("Give the reason."), REQUIRED)
    return {
        "ReviewStatus": status,
        "ReviewStatusReason": given.get("ReviewStatusReason"),
        "ReviewComments": given.get("ReviewComments"),
    }


def check_editable(
    opportunity: Opportunity,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    outcome: Mapping[str, Any],
) -> None:
    """Submitted, In review and Rejected are read-only; Action Required allows the
    eleven listed fields; Pending Submission and Approved allow everything."""
    status = opportunity.review_status
    paths = changed_paths(before, after)
    if status in READ_ONLY and not outcome:
        raise refuse(
            "LifeCycle.ReviewStatus",
            _("The opportunity is read-only while %(s)s.") % {"s": status},
            BAD_STATE,
        )
    if status in READ_ONLY:
        refused = paths
    elif status == ReviewStatus.ACTION_REQUIRED:
        refused = [p for p in paths if without_indexes(p) not in ACTION_REQUIRED_FIELDS]
    else:
        refused = []
    if refused:
        message = _("This field cannot change while the opportunity is %(s)s.") % {"s": status}
        raise RuleViolation([FieldError(path, message, NOT_PERMITTED) for path in refused])


def next_review(opportunity: Opportunity, outcome: Mapping[str, Any]) -> dict[str, Any]:
    """The review fields after an update: the simulated outcome, back to Submitted after
    a partner answers Action Required, or unchanged."""
    stored = {key: opportunity.life_cycle.get(key) for key in REVIEW_FIELDS}
    if outcome:
        return dict(outcome)
    if opportunity.review_status == ReviewStatus.ACTION_REQUIRED:
        return {**stored, "ReviewStatus": ReviewStatus.SUBMITTED}
    return stored


def set_review_status(
    actor: Actor, opportunity: Opportunity, status: str, *, reason: str = "", comments: str = ""
) -> Opportunity:
    """An operator records AWS's decision (the staff review queue)."""
    from allyport.pipeline.opportunities.services import save_change

    require(actor, REVIEW_OPPORTUNITY)
    with transaction.atomic():
        locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
        given = {"ReviewStatusReason": reason or None, "ReviewComments": comments or None}
        outcome = check_outcome(locked, status, given)
        life = dict(locked.life_cycle)
        life.update({key: value for key, value in outcome.items()})
        locked.data = {**locked.data, "LifeCycle": {k: v for k, v in life.items() if v}}
        save_change(actor, locked, "ReviewOpportunity", {"reviewStatus": status})
    return locked

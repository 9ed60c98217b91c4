"""Create, read and update opportunities (CreateOpportunity, GetOpportunity,
UpdateOpportunity). Payloads are the API's structures, as dicts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import NOT_PERMITTED, Conflict, FieldError, RuleViolation, refuse
from allyport.pipeline import effects
from allyport.pipeline.enums import Catalog, Origin, ReviewStatus
from allyport.pipeline.leads.sandbox_referral import deliver_sandbox_referral, simulates_referral
from allyport.pipeline.opportunities import review
from allyport.pipeline.opportunities.models import Opportunity, opportunity_id
from allyport.pipeline.opportunities.rules import consistency, normalize, parse_date
from allyport.pipeline.shared.clock import next_modified
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.payload import (
    CREATE_ONLY,
    UPDATABLE,
    clean,
    editable,
    pick,
    split_review,
)
from allyport.pipeline.shared.permissions import CREATE_OPPORTUNITY, UPDATE_OPPORTUNITY
from allyport.pipeline.shared.scope import (
    check_catalog,
    find_opportunity,
    opportunity_target,
    require_pipeline,
)

HISTORY_LIMIT = 50


def copy_columns(opportunity: Opportunity) -> None:
    """Refresh the indexed copies of `data`."""
    data = opportunity.data
    account = (data.get("Customer") or {}).get("Account") or {}
    life = opportunity.life_cycle
    opportunity.stage = life.get("Stage", "")
    opportunity.review_status = life.get("ReviewStatus", ReviewStatus.PENDING_SUBMISSION)
    opportunity.customer_company_name = account.get("CompanyName", "")
    opportunity.title = (data.get("Project") or {}).get("Title", "")
    opportunity.target_close_date = parse_date(life.get("TargetCloseDate"))
    opportunity.partner_opportunity_identifier = data.get("PartnerOpportunityIdentifier", "")
    opportunity.origin = data.get("Origin", Origin.PARTNER_REFERRAL)


def _note_next_steps(life: dict[str, Any], before: Mapping[str, Any], moment: datetime) -> None:
    """Keep the last 50 NextSteps values with their times (NextStepsHistory)."""
    history = list(before.get("NextStepsHistory") or [])
    steps = life.get("NextSteps")
    if steps and steps != before.get("NextSteps"):
        history.append({"Value": steps, "Time": clean(moment)})
    if history:
        life["NextStepsHistory"] = history[-HISTORY_LIMIT:]


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise RuleViolation(errors)


def _create_data(catalog: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    data = normalize(pick(payload, UPDATABLE + CREATE_ONLY))
    taken = split_review(data)
    data.setdefault("Origin", Origin.PARTNER_REFERRAL)
    if catalog == Catalog.AWS and data["Origin"] != Origin.PARTNER_REFERRAL:
        raise refuse("Origin", _("Only the Sandbox catalog creates AWS referrals."), NOT_PERMITTED)
    # AWS referrals come from AWS already validated; partner referrals await submission.
    status = (
        ReviewStatus.APPROVED
        if data["Origin"] == Origin.AWS_REFERRAL
        else ReviewStatus.PENDING_SUBMISSION
    )
    # The Sandbox takes "Pending Submission" on an AWS referral it is asked to simulate.
    allowed = {status}
    if data["Origin"] == Origin.AWS_REFERRAL:
        allowed.add(ReviewStatus.PENDING_SUBMISSION)
    if any(key != "ReviewStatus" or value not in allowed for key, value in taken.items()):
        raise refuse("LifeCycle.ReviewStatus", _("AWS sets the review fields."), NOT_PERMITTED)
    data.setdefault("LifeCycle", {})["ReviewStatus"] = status
    return data


def _insert(opportunity: Opportunity) -> None:
    """Insert with a fresh random id, retrying the rare collision."""
    for attempt in range(5):
        try:
            with transaction.atomic():
                opportunity.save(force_insert=True)
            return
        except IntegrityError:
            if attempt == 4:
                raise
            opportunity.public_id = opportunity_id()


def prepare_opportunity(actor: Actor, catalog: str, payload: Mapping[str, Any]) -> Opportunity:
    """The opportunity a create would insert (not saved), or its refusal with every
    field error. Bulk imports prepare rows with it and insert them together."""
    company = require_pipeline(actor, CREATE_OPPORTUNITY, opportunity_target(actor, catalog))
    check_catalog(catalog)
    data = _create_data(catalog, payload)
    _raise_if(consistency(data, {}))
    moment = next_modified(None)
    _note_next_steps(data["LifeCycle"], {}, moment)
    opportunity = Opportunity(
        company=company,
        catalog=catalog,
        owner=actor.user if actor.kind == "user" else None,
        data=clean(data),
        tags=clean(list(payload.get("Tags") or [])),
        created_date=moment,
        last_modified_date=moment,
    )
    copy_columns(opportunity)
    return opportunity


def create_opportunity(actor: Actor, catalog: str, payload: Mapping[str, Any]) -> Opportunity:
    """A new opportunity, pending submission (an AWS referral in Sandbox: approved, and
    delivered as AWS's engagement invitation).
    Portal members own what they create; API-created ones have no owner yet."""
    opportunity = prepare_opportunity(actor, catalog, payload)
    with transaction.atomic():
        _insert(opportunity)
        record_console(
            actor,
            "CreateOpportunity",
            opportunity,
            request={"catalog": catalog},
            response={"id": opportunity.public_id},
        )
        effects.changed(actor, opportunity, "Created")
        if simulates_referral(opportunity):
            deliver_sandbox_referral(actor, opportunity)
    return opportunity


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def check_fresh(opportunity: Opportunity, last_modified_date: datetime) -> None:
    if _as_utc(last_modified_date) != opportunity.last_modified_date.astimezone(UTC):
        raise Conflict(
            _(
                "The opportunity was changed since you read it (its LastModifiedDate is "
                "%(stored)s); read it again and retry."
            )
            % {"stored": opportunity.last_modified_date.isoformat()},
            "Opportunity",
            opportunity.public_id,
        )


def _updated_data(opportunity: Opportunity, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The full replacement: the payload's members, the kept ones, and the review."""
    new = normalize(pick(payload, UPDATABLE))
    outcome = review.requested_outcome(opportunity, split_review(new))
    review.check_editable(opportunity, editable(opportunity.data), new, outcome)
    before = opportunity.life_cycle
    data = {**new, **pick(opportunity.data, CREATE_ONLY)}
    life = data.setdefault("LifeCycle", {})
    life.update(review.next_review(opportunity, outcome))
    _note_next_steps(life, before, next_modified(None))
    return data


def update_opportunity(
    actor: Actor,
    catalog: str,
    identifier: str,
    payload: Mapping[str, Any],
    *,
    last_modified_date: datetime,
) -> Opportunity:
    """UpdateOpportunity: full replacement (an omitted member is cleared), refused with
    Conflict unless `last_modified_date` is the stored one."""
    with transaction.atomic():
        opportunity = find_opportunity(
            actor, catalog, identifier, lock=True, permission=UPDATE_OPPORTUNITY
        )
        check_fresh(opportunity, last_modified_date)
        data = _updated_data(opportunity, payload)
        _raise_if(consistency(data, opportunity.related, before=opportunity.data))
        opportunity.data = clean(data)
        save_change(actor, opportunity, "UpdateOpportunity")
    return opportunity


def save_change(
    actor: Actor,
    opportunity: Opportunity,
    event_name: str,
    request: Mapping[str, Any] | None = None,
) -> None:
    """Store a change with a new LastModifiedDate, audit it, announce it. Runs inside
    the caller's transaction, with the row locked."""
    opportunity.data = clean(opportunity.data)
    copy_columns(opportunity)
    opportunity.last_modified_date = next_modified(opportunity.last_modified_date)
    effects.review_status_saving(opportunity)
    opportunity.save()
    record_console(
        actor,
        event_name,
        opportunity,
        request={
            "catalog": opportunity.catalog,
            "identifier": opportunity.public_id,
            **(request or {}),
        },
        response={"lastModifiedDate": clean(opportunity.last_modified_date)},
    )
    effects.changed(actor, opportunity, "Updated")

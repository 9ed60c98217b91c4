"""Submitting to AWS (SubmitOpportunity) and transferring ownership (AssignOpportunity)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.access.decisions import authorize, require
from allyport.accounts.models import User
from allyport.core.errors import REQUEST, TOO_MANY, RuleViolation, refuse
from allyport.pipeline.enums import ReviewStatus
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.opportunities.services import save_change
from allyport.pipeline.opportunities.submission import submission_errors
from allyport.pipeline.shared.permissions import ASSIGN_OPPORTUNITY, SUBMIT_OPPORTUNITY
from allyport.pipeline.shared.scope import (
    MANAGE_ALL,
    MANAGE_OWNED,
    find_opportunity,
    opportunity_target,
)
from allyport.shapes.selling import INVOLVEMENT_TYPES, VISIBILITIES

TEAM_LIMIT = 10
OWNER_TITLES = ("PartnerAccountManager", "OpportunityOwner")


def _check_choice(field: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise refuse(
            field, _("Choose one of: %(values)s.") % {"values": ", ".join(allowed)}, reason=REQUEST
        )


def submit_opportunity(
    actor: Actor, catalog: str, identifier: str, involvement_type: str, visibility: str = "Full"
) -> Opportunity:
    """Share a complete, pending opportunity with AWS: Co-Sell or For Visibility Only,
    with Full or Limited visibility. It becomes Submitted (read-only)."""
    require(actor, SUBMIT_OPPORTUNITY, opportunity_target(actor, catalog, identifier))
    _check_choice("InvolvementType", involvement_type, INVOLVEMENT_TYPES)
    _check_choice("Visibility", visibility, VISIBILITIES)
    with transaction.atomic():
        opportunity = find_opportunity(actor, catalog, identifier, lock=True)
        errors = submission_errors(opportunity, involvement_type)
        if errors:
            raise RuleViolation(errors)
        life = {**opportunity.life_cycle, "ReviewStatus": ReviewStatus.SUBMITTED}
        opportunity.data = {**opportunity.data, "LifeCycle": life}
        opportunity.involvement_type = involvement_type
        opportunity.visibility = visibility
        opportunity.submitted_at = timezone.now()
        save_change(
            actor,
            opportunity,
            "SubmitOpportunity",
            {"involvementType": involvement_type, "visibility": visibility},
        )
    return opportunity


def assignee_of(user: User, business_title: str = "OpportunityOwner") -> dict[str, str]:
    """The AssignOpportunity Assignee for a member (what a transfer form sends)."""
    return {
        "Email": user.email,
        "FirstName": user.first_name,
        "LastName": user.last_name,
        "BusinessTitle": business_title,
    }


def _assignee(opportunity: Opportunity, email: str) -> User:
    user = (
        User.objects.filter(
            company_id=opportunity.company_id,
            email__iexact=email,
            status=User.Status.ACTIVE,
            is_active=True,
        )
        .select_related("company")
        .first()
    )
    if user is None:
        raise refuse("Assignee.Email", _("No active user of your company has this email."))
    member = actors.for_user(user)
    if not (authorize(member, MANAGE_ALL) or authorize(member, MANAGE_OWNED)):
        raise refuse(
            "Assignee.Email", _("This user has no role that may own opportunities (ACE roles).")
        )
    return user


def _team_with(team: list[dict[str, Any]], contact: dict[str, Any]) -> list[dict[str, Any]]:
    """The partner team with the new owner's contact replacing the one of that title."""
    title = contact.get("BusinessTitle")
    kept = [
        member
        for member in team
        if not (title in OWNER_TITLES and member.get("BusinessTitle") == title)
        and member.get("Email") != contact["Email"]
    ]
    if len(kept) >= TEAM_LIMIT:
        raise refuse("Assignee", _("The opportunity team has 10 members already."), TOO_MANY)
    return [*kept, contact]


def assign_opportunity(
    actor: Actor, catalog: str, identifier: str, assignee: Mapping[str, Any]
) -> Opportunity:
    """Transfer ownership to an active member of the company, found by email; their
    profile fills the contact added to the opportunity team."""
    with transaction.atomic():
        opportunity = find_opportunity(
            actor, catalog, identifier, lock=True, permission=ASSIGN_OPPORTUNITY
        )
        user = _assignee(opportunity, str(assignee.get("Email", "")))
        contact = {
            "Email": user.email.lower(),
            "FirstName": user.first_name or assignee.get("FirstName"),
            "LastName": user.last_name or assignee.get("LastName"),
            "BusinessTitle": assignee.get("BusinessTitle") or "OpportunityOwner",
            "Phone": assignee.get("Phone"),
        }
        team = _team_with(list(opportunity.data.get("OpportunityTeam") or []), contact)
        opportunity.data = {**opportunity.data, "OpportunityTeam": team}
        opportunity.owner = user
        save_change(actor, opportunity, "AssignOpportunity", {"assignee": user.email})
    return opportunity

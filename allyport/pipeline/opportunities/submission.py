"""What SubmitOpportunity needs: "complete details" (spec §2.6, its recommended check)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from allyport.core.errors import BAD_STATE, INVALID, NOT_PERMITTED, REQUIRED, FieldError
from allyport.pipeline.enums import Origin, ReviewStatus
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.opportunities.rules import CLOSED_LOST, CO_SELL, consistency, has_offering
from allyport.pipeline.shared.payload import get_path

# Always needed, and needed for Co-Sell only.
_REQUIRED = (
    "Customer.Account.CompanyName",
    "Customer.Account.Industry",
    "Customer.Account.Address.CountryCode",
    "Project.Title",
    "Project.CustomerBusinessProblem",
    "Project.ExpectedCustomerSpend",
    "Project.DeliveryModels",
    "LifeCycle.Stage",
    "LifeCycle.TargetCloseDate",
    "OpportunityType",
)
_CO_SELL_REQUIRED = ("Project.SalesActivities", "PrimaryNeedsFromAws")


def _missing(data: Mapping[str, Any], paths: tuple[str, ...]) -> list[FieldError]:
    return [
        FieldError(path, _("This field is required to submit."), REQUIRED)
        for path in paths
        if get_path(data, path) in (None, "", [])
    ]


def _conditional(data: Mapping[str, Any], related: Mapping[str, list[str]]) -> list[FieldError]:
    errors = []
    account = get_path(data, "Customer.Account") or {}
    if data.get("NationalSecurity") != "Yes" and not account.get("WebsiteUrl"):
        errors.append(
            FieldError(
                "Customer.Account.WebsiteUrl",
                _("The customer's website is required unless it is a national security case."),
                REQUIRED,
            )
        )
    if get_path(account, "Address.CountryCode") == "US" and not get_path(
        account, "Address.StateOrRegion"
    ):
        errors.append(
            FieldError(
                "Customer.Account.Address.StateOrRegion",
                _("The state is required for customers in the United States."),
                REQUIRED,
            )
        )
    if "Other" in related.get("Solutions", []) and not get_path(
        data, "Project.OtherSolutionDescription"
    ):
        errors.append(
            FieldError(
                "Project.OtherSolutionDescription",
                _('Describe the solution when it is "Other".'),
                REQUIRED,
            )
        )
    if not has_offering(related) and "Other" not in related.get("Solutions", []):
        errors.append(
            FieldError(
                "RelatedEntityIdentifiers.Solutions",
                _("Associate at least one solution or Marketplace product."),
                REQUIRED,
            )
        )
    return errors


def submission_errors(opportunity: Opportunity, involvement_type: str) -> list[FieldError]:
    """Every reason this opportunity cannot be submitted now, or []."""
    if opportunity.review_status != ReviewStatus.PENDING_SUBMISSION:
        return [
            FieldError(
                "LifeCycle.ReviewStatus",
                _("Only opportunities pending submission can be submitted (this one is %(s)s).")
                % {"s": opportunity.review_status},
                BAD_STATE,
            )
        ]
    data, related = opportunity.data, opportunity.related
    errors = []
    if opportunity.origin != Origin.PARTNER_REFERRAL:
        errors.append(
            FieldError("Origin", _("Only partner referrals are submitted to AWS."), NOT_PERMITTED)
        )
    errors += _missing(data, _REQUIRED)
    if involvement_type == CO_SELL:
        errors += _missing(data, _CO_SELL_REQUIRED)
    if get_path(data, "LifeCycle.Stage") == CLOSED_LOST:
        errors.append(
            FieldError(
                "LifeCycle.Stage", _("Closed lost opportunities are not submitted."), INVALID
            )
        )
    errors += _conditional(data, related)
    # A target close date that has passed since it was saved counts now.
    return errors + consistency(data, related)

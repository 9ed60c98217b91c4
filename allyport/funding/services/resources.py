"""Resources tied to an application, by ARN: the company's opportunities (read through
`pipeline.models`, named by `pipeline.selectors`' ARNs), its benefit allocations, and
marketing campaigns. An ARN of another company, the other catalog, or nothing kept
is refused the same way, naming the field."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from allyport.accounts.models import Company
from allyport.core.errors import FieldError, RuleViolation
from allyport.funding.models import BenefitAllocation
from allyport.funding.scope import ALLOCATION, ARN
from allyport.pipeline.models import Opportunity
from allyport.pipeline.selectors import linked_account_id

OPPORTUNITY, BENEFIT_ALLOCATION, CAMPAIGN = "OPPORTUNITY", "BENEFIT_ALLOCATION", "CAMPAIGN"
_CAMPAIGN_ID = re.compile(r"^[0-9A-Za-z\-]{1,64}$")


def kind_of(company: Company, catalog: str, arn: str) -> str | None:
    """OPPORTUNITY, BENEFIT_ALLOCATION or CAMPAIGN when the ARN names such a resource of
    the company in the catalog; None otherwise."""
    match = ARN.match(arn)
    if match is None or match["catalog"] != catalog:
        return None
    if (match["account"] or "") != linked_account_id(company) or not match["account"]:
        return None
    kind, identifier = match["type"], match["id"]
    if kind == "opportunity":
        found = Opportunity.objects.filter(company=company, catalog=catalog, public_id=identifier)
        return OPPORTUNITY if found.exists() else None
    if kind == ALLOCATION:
        found_allocation = BenefitAllocation.objects.filter(
            company=company, catalog=catalog, public_id=identifier
        )
        return BENEFIT_ALLOCATION if found_allocation.exists() else None
    if kind == "campaign" and _CAMPAIGN_ID.match(identifier):
        return CAMPAIGN  # no campaign records are kept yet: the ARN's form and owner only
    return None


def check_arns(company: Company, catalog: str, arns: list[str], field: str) -> list[str]:
    """The ARNs, each checked (duplicates dropped); every refusal at once."""
    errors = [
        FieldError(
            f"{field}[{index}]" if field != "ResourceArn" else field,
            _(
                "Name an opportunity, benefit allocation or campaign of your company in this "
                "catalog."
            ),
        )
        for index, arn in enumerate(arns)
        if kind_of(company, catalog, arn) is None
    ]
    if errors:
        raise RuleViolation(errors)
    return list(dict.fromkeys(arns))

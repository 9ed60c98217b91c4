"""ARNs of the selling domain's resources, in the linked AWS account of their company."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from allyport.pipeline.opportunities.models import Opportunity


def linked_account_id(company: Any) -> str:
    link = getattr(company, "account_link", None)
    return link.account.account_id if link is not None else ""


def opportunity_arn(catalog: str, identifier: str, account_id: str) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account_id}:"
        f"catalog/{catalog}/opportunity/{identifier}"
    )


def arn_of(opportunity: Opportunity) -> str:
    return opportunity_arn(
        opportunity.catalog, opportunity.public_id, linked_account_id(opportunity.company)
    )

"""EventBridge envelopes of the selling API's events (spec Appendix A §1.9 [PC-EVENTS]).

{"version": "0", "id": <UUIDv4>, "detail-type": "Opportunity Created",
 "source": "aws.partnercentral-selling", "account": <12 digits>, "time": <ISO, UTC>,
 "region": <ALLYPORT_AWS_REGION>, "resources": [<ARN>], "detail": {...}}
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from allyport.pipeline.models import Opportunity
from allyport.pipeline.selectors import arn_of, linked_account_id

SOURCE = "aws.partnercentral-selling"
TEST_SOURCE = "allyport.webhooks"
TEST_DETAIL_TYPE = "Webhook Test"
SCHEMA_VERSION = "1"
ENVELOPE_KEYS = (
    "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail",
)  # fmt: skip

# The selling API's detail-types, in the order of the EventBridge reference.
DETAIL_TYPES = (
    "Opportunity Created",
    "Opportunity Updated",
    "Opportunity Accepted",
    "Opportunity Rejected",
    "Engagement Invitation Created",
    "Engagement Invitation Accepted",
    "Engagement Invitation Rejected",
    "Engagement Invitation Expired",
    "Engagement Member Joined",
    "Engagement Member Added",
    "Resource Snapshot Created",
    "Engagement Resource Snapshot Created",
    "Engagement Created",
    "Engagement Updated",
    # The Benefits API's (events/benefit_envelopes.py; source aws.partnercentral-benefits).
    "Benefit Application Status Changed",
)


def iso(moment: datetime) -> str:
    """EventBridge's `time`: UTC to the second, with a Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(
    detail_type: str,
    *,
    account: str,
    resources: list[str],
    detail: Mapping[str, Any],
    source: str = SOURCE,
) -> dict[str, Any]:
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": detail_type,
        "source": source,
        "account": account,
        "time": iso(timezone.now()),
        "region": settings.ALLYPORT_AWS_REGION,
        "resources": resources,
        "detail": dict(detail),
    }


def opportunity_event(opportunity: Opportunity, change: str) -> dict[str, Any]:
    """Opportunity Created and Updated: the identifier only; consumers call
    GetOpportunity for the rest, as with the real service."""
    detail = {
        "schemaVersion": SCHEMA_VERSION,
        "catalog": opportunity.catalog,
        "opportunity": {"identifier": opportunity.public_id},
    }
    return envelope(
        f"Opportunity {change}",
        account=linked_account_id(opportunity.company),
        resources=[arn_of(opportunity)],
        detail=detail,
    )


def test_event(company: Any, webhook_id: str) -> dict[str, Any]:
    """The event of Send test event: its own source, so rules on the selling API's source
    never match it."""
    detail = {
        "schemaVersion": SCHEMA_VERSION,
        "webhookId": webhook_id,
        "message": "This is a test event from Allyport.",
    }
    return envelope(
        TEST_DETAIL_TYPE,
        account=linked_account_id(company),
        resources=[],
        detail=detail,
        source=TEST_SOURCE,
    )

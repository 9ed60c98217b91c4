"""EventBridge envelopes of benefit applications (source `aws.partnercentral-benefits`).

The spec names no Benefits events; these follow the selling ones: the identifier and
what changed, and consumers call GetBenefitApplication for the rest.

{"detail-type": "Benefit Application Status Changed", "source": "aws.partnercentral-benefits",
 "resources": [<application ARN>], "detail": {"schemaVersion": "1", "catalog": "AWS",
 "benefitApplication": {"id", "arn", "benefitId", "status", "previousStatus", "stage"}}}
"""

from __future__ import annotations

from typing import Any

from allyport.events.envelopes import SCHEMA_VERSION, envelope
from allyport.funding.models import BenefitApplication
from allyport.funding.selectors import application_arn
from allyport.pipeline.selectors import linked_account_id

SOURCE = "aws.partnercentral-benefits"
STATUS_CHANGED = "Benefit Application Status Changed"
DETAIL_TYPES = (STATUS_CHANGED,)


def status_changed_event(application: BenefitApplication, previous: str) -> dict[str, Any]:
    arn = application_arn(application)
    detail = {
        "schemaVersion": SCHEMA_VERSION,
        "catalog": application.catalog,
        "benefitApplication": {
            "id": application.public_id, "arn": arn,
            "benefitId": application.benefit.public_id, "status": application.status,
            "previousStatus": previous or None, "stage": application.stage,
        },
    }  # fmt: skip
    return envelope(
        STATUS_CHANGED,
        account=linked_account_id(application.company),
        resources=[arn],
        detail=detail,
        source=SOURCE,
    )

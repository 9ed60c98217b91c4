"""The Benefits API's views of benefits, applications and allocations (the endpoint
serializes them by the output shapes)."""

from __future__ import annotations

from typing import Any

from allyport.funding.models import Benefit, BenefitAllocation, BenefitApplication
from allyport.funding.scope import benefit_arn
from allyport.funding.services import files
from allyport.funding.services.history import allocation_arn, application_arn


def benefit_summary(benefit: Benefit) -> dict[str, Any]:
    return {
        "Id": benefit.public_id,
        "Catalog": benefit.catalog,
        "Arn": benefit_arn(benefit.catalog, benefit.public_id),
        "Name": benefit.name,
        "Description": benefit.description,
        "Programs": list(benefit.programs or ()),
        "FulfillmentTypes": list(benefit.fulfillment_types or ()),
        "Status": benefit.status,
    }


def benefit_view(benefit: Benefit) -> dict[str, Any]:
    return {**benefit_summary(benefit), "BenefitRequestSchema": benefit.request_schema or {}}


def written(application: BenefitApplication) -> dict[str, Any]:
    """What Create, Update, Associate and Disassociate answer."""
    return {
        "Id": application.public_id,
        "Arn": application_arn(application),
        "Revision": str(application.revision),
    }


def _text_details(details: Any) -> dict[str, str]:
    """The summary's BenefitApplicationDetails is a map of strings."""
    if not isinstance(details, dict):
        return {}
    return {str(k): v if isinstance(v, str) else str(v) for k, v in details.items()}


def application_summary(application: BenefitApplication) -> dict[str, Any]:
    return {
        "Catalog": application.catalog,
        "Name": application.name or None,
        "Id": application.public_id,
        "Arn": application_arn(application),
        "BenefitId": application.benefit.public_id,
        "Programs": list(application.benefit.programs or ()),
        "FulfillmentTypes": list(application.fulfillment_types or ()),
        "Status": application.status,
        "Stage": application.stage,
        "CreatedAt": application.created_at,
        "UpdatedAt": application.updated_at,
        "BenefitApplicationDetails": _text_details(application.details),
        "AssociatedResources": list(application.associated_resources or ()),
    }


def file_detail(found: Any) -> dict[str, Any]:
    return {
        "FileURI": files.uri(found),
        "BusinessUseCase": found.business_use_case or None,
        "FileName": found.file_name,
        "FileStatus": "UPLOADED",
        "FileType": found.content_type,
        "CreatedBy": found.created_by[:255] or None,
        "CreatedAt": found.created_at,
    }


def application_view(application: BenefitApplication) -> dict[str, Any]:
    summary = application_summary(application)
    return {
        **summary,
        "Description": application.description or None,
        "BenefitApplicationDetails": application.details or {},
        "StatusReason": application.status_reason or None,
        "StatusReasonCodes": list(application.status_reason_codes or ()),
        "Revision": str(application.revision),
        "PartnerContacts": list(application.partner_contacts or ()),
        "FileDetails": [file_detail(f) for f in application.files.all()],
    }


def _money(amount: Any, currency: str) -> dict[str, str]:
    return {"Amount": f"{amount:.2f}", "CurrencyCode": currency}


def fulfillment_detail(allocation: BenefitAllocation) -> dict[str, Any]:
    """The union's one member for the allocation's fulfillment type."""
    if allocation.fulfillment_type == "ACCESS":
        return {"AccessDetails": {"Description": allocation.access_description or allocation.name}}
    if allocation.fulfillment_type == "CREDITS":
        return {
            "CreditDetails": {
                "AllocatedAmount": _money(allocation.allocated_amount, allocation.currency),
                "IssuedAmount": _money(allocation.utilized_amount, allocation.currency),
                "Codes": [],
            }
        }
    return {
        "ConsumableDetails": {
            "AllocatedAmount": _money(allocation.allocated_amount, allocation.currency),
            "RemainingAmount": _money(allocation.remaining_amount, allocation.currency),
            "UtilizedAmount": _money(allocation.utilized_amount, allocation.currency),
        }
    }


def allocation_summary(allocation: BenefitAllocation) -> dict[str, Any]:
    return {
        "Id": allocation.public_id,
        "Catalog": allocation.catalog,
        "Arn": allocation_arn(allocation),
        "Status": allocation.status,
        "StatusReason": allocation.status_reason or None,
        "Name": allocation.name,
        "BenefitId": allocation.benefit.public_id,
        "BenefitApplicationId": allocation.application.public_id,
        "FulfillmentTypes": [allocation.fulfillment_type],
        "CreatedAt": allocation.created_at,
        "ExpiresAt": allocation.expires_at,
        "ApplicableBenefitIds": [allocation.benefit.public_id],
    }


def allocation_view(allocation: BenefitAllocation) -> dict[str, Any]:
    return {
        "Id": allocation.public_id,
        "Catalog": allocation.catalog,
        "Arn": allocation_arn(allocation),
        "Name": allocation.name,
        "Description": allocation.description or None,
        "Status": allocation.status,
        "StatusReason": allocation.status_reason or None,
        "BenefitApplicationId": allocation.application.public_id,
        "BenefitId": allocation.benefit.public_id,
        "FulfillmentType": allocation.fulfillment_type,
        "ApplicableBenefitIds": [allocation.benefit.public_id],
        "FulfillmentDetail": fulfillment_detail(allocation),
        "CreatedAt": allocation.created_at,
        "UpdatedAt": allocation.updated_at,
        "StartsAt": allocation.starts_at,
        "ExpiresAt": allocation.expires_at,
    }

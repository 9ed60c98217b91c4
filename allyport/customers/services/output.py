"""Customer accounts in the API's output shapes (GetCustomerAccount, the summaries of
SearchCustomerAccounts, the Create and Update answers)."""

from __future__ import annotations

from typing import Any

from allyport.customers.models import CustomerAccount, EnrichmentStatus
from allyport.customers.services.enrichment import existing_arn
from allyport.customers.services.scope import customer_account_arn


def _base(account: CustomerAccount, account_id: str) -> dict[str, Any]:
    value: dict[str, Any] = {
        "Arn": customer_account_arn(account.catalog, account.public_id, account_id),
        "Id": account.public_id,
        "Catalog": account.catalog,
        "CreatedDate": account.created_date,
    }
    if account.partner_account_identifier:
        value["PartnerAccountIdentifier"] = account.partner_account_identifier
    return value


def created(account: CustomerAccount, account_id: str) -> dict[str, Any]:
    return {**_base(account, account_id), "Status": account.enrichment_status}


def updated(account: CustomerAccount, account_id: str) -> dict[str, Any]:
    return {
        **created(account, account_id),
        "LastModifiedDate": account.last_modified_date,
    }


def account_view(account: CustomerAccount, account_id: str) -> dict[str, Any]:
    """GetCustomerAccount: AwsEnrichment only when ENRICHED; ReasonCode and the existing
    account's ARN only when ACTION_REQUIRED."""
    value = {
        **_base(account, account_id),
        "EnrichmentStatus": account.enrichment_status,
        "LastModifiedDate": account.last_modified_date,
        "Account": account.data,
        "Tags": list(account.tags),
    }
    if account.enrichment_status == EnrichmentStatus.ENRICHED and account.enrichment:
        value["AwsEnrichment"] = account.enrichment
    if account.enrichment_status == EnrichmentStatus.ACTION_REQUIRED:
        value["ReasonCode"] = account.reason_code
        arn = existing_arn(account)
        if arn:
            value["ExistingCustomerAccountArn"] = arn
    if account.message and account.enrichment_status != EnrichmentStatus.ENRICHED:
        value["Message"] = account.message
    return value


def account_summary(account: CustomerAccount, account_id: str) -> dict[str, Any]:
    """A search result: no DUNS or address, the enrichment reduced to what searches
    filter, sort and group on."""
    value = {
        **_base(account, account_id),
        "EnrichmentStatus": account.enrichment_status,
        "LastModifiedDate": account.last_modified_date,
        "CustomerAccount": {"CompanyName": account.company_name},
    }
    if account.enrichment_status == EnrichmentStatus.ENRICHED and account.enrichment:
        customer = account.enrichment.get("Customer", {})
        insights = account.enrichment.get("Insights", {})
        summary_customer = {
            "Industry": customer.get("Industry"),
            "AccountPlanningQualification": customer.get("CustomerAccountPlanningQualification"),
            "EligiblePrograms": customer.get("EligiblePrograms"),
            "Geo": customer.get("Geo"),
            "Country": customer.get("Country"),
            "Segment": customer.get("Segment"),
        }
        summary_insights = {
            key: insights.get(key)
            for key in ("MarketplaceEngagementScore", "SolutionCategory", "SolutionScore")
        }
        value["AwsEnrichment"] = {
            "Customer": {k: v for k, v in summary_customer.items() if v},
            "Insights": {k: v for k, v in summary_insights.items() if v},
        }
    return value

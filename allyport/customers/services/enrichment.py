"""Enrichment: match a customer account against the program's customer directory.

By DUNS first, then by the host of Domain (or WebsiteUrl). A match fills
AwsEnrichment from the directory entry (ENRICHED); none is NO_MATCH_FOUND. When
another account of the same company and catalog is already ENRICHED with the same
entry, the account is ACTION_REQUIRED with DUPLICATE_CUSTOMER_MATCH and that
account's ARN. The directory entry's row is locked while deciding, so two accounts
matched at once cannot both take the customer (a unique constraint backs it up).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from allyport.access import actor as actors
from allyport.audit import services as audit
from allyport.customers.models import (
    SCORE_RANK,
    CustomerAccount,
    DirectoryEntry,
    EligibleProgram,
    EnrichmentStatus,
)
from allyport.customers.services.scope import arn_of, customer_account_arn
from allyport.pipeline.selectors import linked_account_id
from allyport.pipeline.services import SELLING_SOURCE

DUPLICATE_CUSTOMER_MATCH = "DUPLICATE_CUSTOMER_MATCH"
# Columns copied from the entry, the same name on both models.
COPIED = (
    "geo", "country", "segment", "region", "solution_category", "marketplace_engagement_score",
    "solution_score", "account_planning_qualification",
)  # fmt: skip


def queue(account: CustomerAccount) -> None:
    """In the caller's transaction: with the database backend an account that is not
    stored is never queued, and the worker sees it once committed."""
    from allyport.customers.tasks import enrich_customer_account

    enrich_customer_account.enqueue(account.public_id)


def reset(account: CustomerAccount) -> None:
    """Back to PENDING with no enrichment (the caller saves)."""
    account.enrichment_status = EnrichmentStatus.PENDING
    account.directory_entry = None
    account.enrichment = {}
    account.reason_code = account.message = account.existing_account_id = ""
    account.aws_industry = ""
    for column in COPIED:
        setattr(account, column, "")
    account.engagement_rank = account.solution_rank = None
    if account.pk is not None:
        EligibleProgram.objects.filter(account=account).delete()


def match(account: CustomerAccount) -> DirectoryEntry | None:
    entries = DirectoryEntry.objects.all()
    if account.duns:
        found = entries.filter(duns=account.duns).first()
        if found is not None:
            return found
    if account.domain_host:
        return entries.filter(website_domain=account.domain_host).first()
    return None


def aws_enrichment(entry: DirectoryEntry) -> dict[str, Any]:
    """The AwsEnrichment structure of an entry (empty members left out)."""
    customer = {
        "AccountName": entry.name,
        "Industry": entry.industry,
        "SubIndustry": entry.sub_industry,
        "Sector": entry.sector,
        "Segment": entry.segment,
        "CompanySize": entry.company_size,
        "Region": entry.region,
        "SubRegion": entry.sub_region,
        "Geo": entry.geo,
        "Country": entry.country,
        "CustomerAccountPlanningQualification": entry.account_planning_qualification,
        "EligiblePrograms": [str(p) for p in entry.eligible_programs or [] if str(p).strip()],
    }
    insights = {
        "MarketplaceEngagementScore": entry.marketplace_engagement_score,
        "SolutionCategory": entry.solution_category,
        "SolutionScore": entry.solution_score,
        "SolutionSubCategory": entry.solution_sub_category,
    }
    parts = {
        "Customer": {key: value for key, value in customer.items() if value},
        "Insights": {key: value for key, value in insights.items() if value},
    }
    return {name: part for name, part in parts.items() if part}


def _enriched(account: CustomerAccount, entry: DirectoryEntry) -> None:
    account.enrichment_status = EnrichmentStatus.ENRICHED
    account.directory_entry = entry
    account.enrichment = aws_enrichment(entry)
    account.aws_industry = entry.industry
    for column in COPIED:
        setattr(account, column, getattr(entry, column))
    account.engagement_rank = SCORE_RANK.get(entry.marketplace_engagement_score)  # type: ignore[call-overload]
    account.solution_rank = SCORE_RANK.get(entry.solution_score)  # type: ignore[call-overload]
    programs = dict.fromkeys(account.enrichment.get("Customer", {}).get("EligiblePrograms", []))
    EligibleProgram.objects.bulk_create(
        [EligibleProgram(account=account, program=name[:100]) for name in programs]
    )


def _duplicate(account: CustomerAccount, entry: DirectoryEntry, holder: CustomerAccount) -> None:
    account.enrichment_status = EnrichmentStatus.ACTION_REQUIRED
    account.directory_entry = entry
    account.reason_code = DUPLICATE_CUSTOMER_MATCH
    account.existing_account_id = holder.public_id
    account.message = _(
        "Customer account %(existing)s already maps this customer. Update or delete one "
        "of the two accounts."
    ) % {"existing": holder.public_id}


def enrich(public_id: str) -> str:
    """Match one account (the task's work); returns the status it ends with."""
    with transaction.atomic():
        account = (
            CustomerAccount.objects.select_for_update()
            .select_related("company")
            .filter(public_id=public_id)
            .first()
        )
        if account is None:
            return "deleted"
        reset(account)
        entry = match(account)
        if entry is None:
            account.enrichment_status = EnrichmentStatus.NO_MATCH_FOUND
            account.message = _("No customer in the directory has this DUNS number or domain.")
        else:
            entry = DirectoryEntry.objects.select_for_update().get(pk=entry.pk)
            holder = (
                CustomerAccount.objects.filter(
                    company=account.company_id,
                    catalog=account.catalog,
                    directory_entry=entry,
                    enrichment_status=EnrichmentStatus.ENRICHED,
                )
                .exclude(pk=account.pk)
                .first()
            )
            if holder is None:
                _enriched(account, entry)
            else:
                _duplicate(account, entry, holder)
        account.save()
        audit.record(
            actors.system(),
            "EnrichCustomerAccount",
            event_source=SELLING_SOURCE,
            company=account.company,
            request_parameters={"catalog": account.catalog, "identifier": account.public_id},
            response_elements={"enrichmentStatus": account.enrichment_status},
            resources=[{"ARN": arn_of(account), "type": "AWS::PartnerCentral::CustomerAccount"}],
        )
    return str(account.enrichment_status)


def existing_arn(account: CustomerAccount) -> str | None:
    if not account.existing_account_id:
        return None
    return customer_account_arn(
        account.catalog, account.existing_account_id, linked_account_id(account.company)
    )


def rematch_duplicates_of(account: CustomerAccount) -> None:
    """Accounts held back because `account` had their customer: match them again."""
    held = CustomerAccount.objects.select_for_update().filter(
        company=account.company_id,
        catalog=account.catalog,
        existing_account_id=account.public_id,
        enrichment_status=EnrichmentStatus.ACTION_REQUIRED,
    )
    for other in held:
        reset(other)
        other.save()
        queue(other)


def concerned(entry: DirectoryEntry) -> list[CustomerAccount]:
    """The accounts an entry may concern: its DUNS or domain, or matched to it already."""
    related = Q(directory_entry=entry.pk) if entry.pk else Q(pk__in=[])
    if entry.duns:
        related |= Q(duns=entry.duns)
    if entry.website_domain:
        related |= Q(domain_host=entry.website_domain)
    return list(CustomerAccount.objects.filter(related).only("public_id"))


def rematch(accounts: list[CustomerAccount]) -> None:
    """Match these accounts again (after staff add, change or delete an entry)."""
    for account in accounts:
        queue(account)

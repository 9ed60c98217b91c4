"""Which customer accounts an actor sees: its company's, in one catalog.

Portal members need the opportunity rights of the access model (managing all or
their own opportunities); customer accounts have no owner, so either right shows
every account of the company. IAM callers: the policy evaluator, for the service's
operation (`customers/permissions.py`) on the account's ARN.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models import QuerySet

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, Target
from allyport.accounts.models import Company
from allyport.core.errors import NotFound
from allyport.customers.models import CustomerAccount
from allyport.pipeline.selectors import linked_account_id
from allyport.pipeline.services import check_catalog, pipeline_company, require_pipeline

RESOURCE = "CustomerAccount"
# ARN resource types, and the ids each names.
CUSTOMER_ACCOUNT, BULK_JOB = "customer-account", "customer-account-bulk-job"
_IDS = {CUSTOMER_ACCOUNT: r"cust-acc-[0-9a-z]{13}", BULK_JOB: r"bulkjob-[0-9a-z]{13}"}
_ARN = re.compile(
    r"^arn:[a-z\-]*:partnercentral:[a-z0-9\-]*:(?P<account>[0-9]{12}):"
    r"catalog/(?P<catalog>[a-zA-Z]+)/(?P<type>[a-z-]+)/(?P<id>[0-9a-z-]+)$"
)


def resource_arn(kind: str, catalog: str, identifier: str, account_id: str) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account_id}:"
        f"catalog/{catalog}/{kind}/{identifier}"
    )


def customer_account_arn(catalog: str, identifier: str, account_id: str) -> str:
    return resource_arn(CUSTOMER_ACCOUNT, catalog, identifier, account_id)


def arn_of(account: CustomerAccount) -> str:
    return customer_account_arn(
        account.catalog, account.public_id, linked_account_id(account.company)
    )


def visible(actor: Actor, catalog: str) -> QuerySet[CustomerAccount]:
    company = pipeline_company(actor)
    return CustomerAccount.objects.filter(company=company, catalog=check_catalog(catalog))


def public_id_of(
    company: Company, catalog: str, identifier: str, kind: str = CUSTOMER_ACCOUNT
) -> str:
    """The id an Identifier names: the id itself, or the id of an ARN of this company's
    `kind` in this catalog (any other ARN names nothing we keep)."""
    if not identifier.startswith("arn:"):
        return identifier
    match = _ARN.match(identifier)
    if (
        match is None
        or match["type"] != kind
        or re.fullmatch(_IDS[kind], match["id"]) is None
        or match["catalog"] != catalog
        or match["account"] != linked_account_id(company)
    ):
        raise NotFound("BulkJob" if kind == BULK_JOB else RESOURCE, identifier)
    return match["id"]


def account_target(actor: Actor, catalog: str, identifier: str) -> Target:
    """The account as policies name it: the ARN given, or the one the id makes."""
    account = actor.iam.account_id if actor.iam is not None else ""
    arn = (
        identifier
        if identifier.startswith("arn:")
        else (customer_account_arn(catalog, identifier, account))
    )
    return Target(arn=arn, catalog=catalog)


def find(
    actor: Actor,
    catalog: str,
    identifier: str,
    *,
    lock: bool = False,
    permission: Permission | None = None,
) -> CustomerAccount:
    """The account, or NotFound: missing, another company's and the other catalog's
    all answer the same; `permission`'s operation is authorized first."""
    company = (
        pipeline_company(actor)
        if permission is None
        else require_pipeline(actor, permission, account_target(actor, catalog, identifier))
    )
    queryset = CustomerAccount.objects.filter(company=company, catalog=check_catalog(catalog))
    public_id = public_id_of(company, catalog, identifier)
    if lock:
        queryset = queryset.select_for_update()
    found = queryset.filter(public_id=public_id).first()
    if found is None:
        raise NotFound(RESOURCE, identifier)
    return found

"""Create, read, update and delete customer accounts. Every change is audited (the API
layer records API calls; console changes are recorded here) and queues enrichment."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Target
from allyport.audit import services as audit
from allyport.core.errors import (
    REQUIRED,
    Conflict,
    FieldError,
    NotFound,
    RuleViolation,
)
from allyport.customers.models import (
    CustomerAccount,
    DeletedCustomerAccount,
    customer_account_id,
    host_of,
)
from allyport.customers.permissions import (
    CREATE_CUSTOMER_ACCOUNT,
    DELETE_CUSTOMER_ACCOUNT,
    GET_CUSTOMER_ACCOUNT,
    UPDATE_CUSTOMER_ACCOUNT,
)
from allyport.customers.services import enrichment
from allyport.customers.services.bulk_kind import KIND
from allyport.customers.services.scope import RESOURCE, arn_of, find, public_id_of
from allyport.jobs.models import BulkJob
from allyport.pipeline.services import (
    SELLING_SOURCE,
    check_catalog,
    check_tags,
    clean,
    next_modified,
    pipeline_company,
    require_pipeline,
)

ACCOUNT_MEMBERS = (
    "CompanyName", "WebsiteUrl", "Duns", "Address", "Industry", "OtherIndustry", "Domain",
    "ParentCompanyName",
)  # fmt: skip
ADDRESS_MEMBERS = ("City", "PostalCode", "StateOrRegion", "CountryCode", "StreetAddress")
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def clean_account(given: Mapping[str, Any], field: str = "Account") -> dict[str, Any]:
    """CustomerAccountData as stored, or a refusal naming each field. Names are trimmed;
    a website and a domain must name a host, since matching reads it."""
    errors: list[FieldError] = []
    data: dict[str, Any] = {key: given[key] for key in ACCOUNT_MEMBERS if key in given}
    for key in ("CompanyName", "ParentCompanyName", "Industry", "OtherIndustry"):
        if key in data:
            data[key] = _text(data[key])
    if not data.get("CompanyName"):
        errors.append(FieldError(f"{field}.CompanyName", _("Enter the company name."), REQUIRED))
    duns = data.get("Duns")
    if duns is not None and not (isinstance(duns, str) and re.fullmatch(r"[0-9]{9}", duns)):
        errors.append(FieldError(f"{field}.Duns", _("A DUNS number is nine digits.")))
    for key in ("WebsiteUrl", "Domain"):
        if _text(data.get(key)) and not _HOST.match(host_of(data[key])):
            errors.append(
                FieldError(f"{field}.{key}", _("Enter a website or domain such as example.com."))
            )
    if isinstance(data.get("Address"), Mapping):
        data["Address"] = {k: data["Address"][k] for k in ADDRESS_MEMBERS if k in data["Address"]}
    if errors:
        raise RuleViolation(errors)
    return clean(data)  # type: ignore[no-any-return]


def copy_columns(account: CustomerAccount) -> None:
    """Refresh the columns matching and searches read from `data`."""
    data = account.data
    account.company_name = data.get("CompanyName", "")[:120]
    account.duns = data.get("Duns", "")
    account.domain_host = host_of(data.get("Domain") or data.get("WebsiteUrl") or "")[:253]


def _audit(
    actor: Actor, event_name: str, account: CustomerAccount, request: dict[str, Any]
) -> None:
    """Every caller's change; inside an API call it joins the call's record."""
    audit.record_change(
        actor,
        event_name,
        event_source=SELLING_SOURCE,
        company=account.company,
        request_parameters={"catalog": account.catalog, **request},
        response_elements={"id": account.public_id},
        resources=[{"ARN": arn_of(account), "type": "AWS::PartnerCentral::CustomerAccount"}],
    )


def _insert(account: CustomerAccount) -> None:
    """Insert with a fresh random id, retrying the rare collision."""
    for attempt in range(5):
        try:
            with transaction.atomic():
                account.save(force_insert=True)
            return
        except IntegrityError:
            if attempt == 4:
                raise
            account.public_id = customer_account_id()


def prepare_customer_account(
    actor: Actor, catalog: str, payload: Mapping[str, Any], *, import_id: str = ""
) -> CustomerAccount:
    """The account a create would insert (not saved), or its refusal."""
    company = require_pipeline(actor, CREATE_CUSTOMER_ACCOUNT, Target(catalog=catalog))
    check_catalog(catalog)
    moment = next_modified(None)
    account = CustomerAccount(
        company=company,
        catalog=catalog,
        data=clean_account(payload.get("Account") or {}),
        partner_account_identifier=_text(payload.get("PartnerAccountIdentifier"))[:64],
        tags=check_tags(payload.get("Tags") or []),
        import_id=import_id,
        created_date=moment,
        last_modified_date=moment,
    )
    copy_columns(account)
    return account


def create_customer_account(
    actor: Actor, catalog: str, payload: Mapping[str, Any], *, import_id: str = ""
) -> CustomerAccount:
    """A new account, PENDING until the enrichment task has matched it."""
    account = prepare_customer_account(actor, catalog, payload, import_id=import_id)
    with transaction.atomic():
        _insert(account)
        _audit(actor, "CreateCustomerAccount", account, {})
        enrichment.queue(account)
    return account


def get_customer_account(actor: Actor, catalog: str, identifier: str) -> CustomerAccount:
    return find(actor, catalog, identifier, permission=GET_CUSTOMER_ACCOUNT)


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def check_fresh(account: CustomerAccount, last_modified_date: datetime) -> None:
    if _as_utc(last_modified_date) != account.last_modified_date.astimezone(UTC):
        raise Conflict(
            _(
                "The customer account was changed since you read it (its LastModifiedDate "
                "is %(stored)s); read it again and retry."
            )
            % {"stored": clean(account.last_modified_date)},
            RESOURCE,
            account.public_id,
        )


def update_customer_account(
    actor: Actor,
    catalog: str,
    identifier: str,
    payload: Mapping[str, Any],
    *,
    last_modified_date: datetime,
) -> CustomerAccount:
    """Replace the Account (an omitted member is cleared) and match again; Conflict
    unless `last_modified_date` is the stored one. PartnerAccountIdentifier is kept
    when not given."""
    data = clean_account(payload.get("Account") or {})
    with transaction.atomic():
        account = find(actor, catalog, identifier, lock=True, permission=UPDATE_CUSTOMER_ACCOUNT)
        check_fresh(account, last_modified_date)
        account.data = data
        if "PartnerAccountIdentifier" in payload:
            account.partner_account_identifier = _text(payload["PartnerAccountIdentifier"])[:64]
        copy_columns(account)
        enrichment.reset(account)
        account.last_modified_date = next_modified(account.last_modified_date)
        account.save()
        _audit(actor, "UpdateCustomerAccount", account, {"identifier": account.public_id})
        enrichment.queue(account)
    return account


def delete_customer_account(actor: Actor, catalog: str, identifier: str) -> None:
    """Delete, keeping only the id so that deleting it again succeeds; an id this
    company never had is not found. Accounts held back as duplicates of this one are
    matched again, since the customer is free now."""
    company = pipeline_company(actor)
    with transaction.atomic():
        try:
            account = find(
                actor, catalog, identifier, lock=True, permission=DELETE_CUSTOMER_ACCOUNT
            )
        except NotFound:
            public_id = public_id_of(company, catalog, identifier)
            gone = DeletedCustomerAccount.objects.filter(
                company=company, catalog=catalog, public_id=public_id
            )
            if not gone.exists():
                raise
            return
        _audit(actor, "DeleteCustomerAccount", account, {"identifier": account.public_id})
        DeletedCustomerAccount.objects.get_or_create(
            company=company, catalog=catalog, public_id=account.public_id
        )
        account.delete()
        if account.import_id:  # the job's DeletedCount only goes up
            BulkJob.objects.filter(company=company, kind=KIND, public_id=account.import_id).update(
                removed=F("removed") + 1
            )
        enrichment.rematch_duplicates_of(account)

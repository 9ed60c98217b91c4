"""Selling API handlers of customer accounts (registered on import; listed in
`awsapi.apps.HANDLER_MODULES`)."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, operation
from allyport.customers import api_bulk  # noqa: F401 - registers the bulk-job operations
from allyport.customers.services import accounts, output, search, statistics
from allyport.customers.services.scope import customer_account_arn
from allyport.shapes import selling


def _arn(ctx: ApiContext, catalog: str, identifier: str) -> str:
    """The resource policies are asked about: the ARN given, or the one the id makes."""
    if identifier.startswith("arn:"):
        return identifier
    return customer_account_arn(catalog, identifier, ctx.account_id)


@operation(selling.SERVICE, "CreateCustomerAccount")
def create_customer_account(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)

    def create() -> dict[str, Any]:
        account = accounts.create_customer_account(ctx.actor, catalog, params)
        return output.created(account, ctx.account_id)

    token = params.get("ClientToken")
    return with_client_token(ctx, token, params, create) if token else create()


@operation(selling.SERVICE, "GetCustomerAccount")
def get_customer_account(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(_arn(ctx, catalog, identifier), catalog=catalog)
    account = accounts.get_customer_account(ctx.actor, catalog, identifier)
    return output.account_view(account, ctx.account_id)


@operation(selling.SERVICE, "UpdateCustomerAccount")
def update_customer_account(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(_arn(ctx, catalog, identifier), catalog=catalog)
    account = accounts.update_customer_account(
        ctx.actor, catalog, identifier, params, last_modified_date=params["LastModifiedDate"]
    )
    return output.updated(account, ctx.account_id)


@operation(selling.SERVICE, "DeleteCustomerAccount")
def delete_customer_account(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(_arn(ctx, catalog, identifier), catalog=catalog)
    accounts.delete_customer_account(ctx.actor, catalog, identifier)
    return {}


@operation(selling.SERVICE, "SearchCustomerAccounts")
def search_customer_accounts(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = search.search_customer_accounts(ctx.actor, catalog, params)
    account = ctx.account_id
    return {
        "CustomerAccountSummaries": [output.account_summary(a, account) for a in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "GetCustomerAccountStatistics")
def get_customer_account_statistics(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    return statistics.customer_account_statistics(ctx.actor, catalog, params)

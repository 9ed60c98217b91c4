"""The benefit application operations: create, read, list, update, Submit, recall,
cancel, amend, and the resources tied to an application."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, operation
from allyport.funding import output
from allyport.funding.scope import APPLICATION, target
from allyport.funding.services import applications, lifecycle, listing

SERVICE = "partnercentral-benefits"


def _once(ctx: ApiContext, params: dict[str, Any], run: Any) -> dict[str, Any]:
    """ClientToken idempotency where the operation models one. The call is decided
    first, so a replayed answer is given only to a caller still allowed it."""
    where = target(ctx.actor, APPLICATION, params["Catalog"], params.get("Identifier") or "")
    ctx.authorize(where.arn, catalog=params["Catalog"])
    token = params.get("ClientToken")
    return with_client_token(ctx, token, params, run) if token else run()


@operation(SERVICE, "CreateBenefitApplication")
def create_benefit_application(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def create() -> dict[str, Any]:
        made = applications.create_application(ctx.actor, params["Catalog"], params)
        return output.written(made)

    return _once(ctx, params, create)


@operation(SERVICE, "GetBenefitApplication")
def get_benefit_application(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = applications.get_application(ctx.actor, params["Catalog"], params["Identifier"])
    return output.application_view(found)


@operation(SERVICE, "ListBenefitApplications")
def list_benefit_applications(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    page = listing.list_applications(ctx.actor, params["Catalog"], params)
    return {
        "BenefitApplicationSummaries": [output.application_summary(a) for a in page.items],
        "NextToken": page.next_token,
    }


@operation(SERVICE, "UpdateBenefitApplication")
def update_benefit_application(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def update() -> dict[str, Any]:
        changed = applications.update_application(
            ctx.actor, params["Catalog"], params["Identifier"], params["Revision"], params
        )
        return output.written(changed)

    return _once(ctx, params, update)


@operation(SERVICE, "SubmitBenefitApplication")
def submit_benefit_application(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    lifecycle.submit_application(ctx.actor, params["Catalog"], params["Identifier"])
    return {}


@operation(SERVICE, "RecallBenefitApplication")
def recall_benefit_application(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def recall() -> dict[str, Any]:
        lifecycle.recall_application(
            ctx.actor, params["Catalog"], params["Identifier"], params["Reason"]
        )
        return {}

    return _once(ctx, params, recall)


@operation(SERVICE, "CancelBenefitApplication")
def cancel_benefit_application(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def cancel() -> dict[str, Any]:
        lifecycle.cancel_application(
            ctx.actor, params["Catalog"], params["Identifier"], params.get("Reason") or ""
        )
        return {}

    return _once(ctx, params, cancel)


@operation(SERVICE, "AmendBenefitApplication")
def amend_benefit_application(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def amend() -> dict[str, Any]:
        lifecycle.amend_application(
            ctx.actor,
            params["Catalog"],
            params["Identifier"],
            params["Revision"],
            params["AmendmentReason"],
            params["Amendments"],
        )
        return {}

    return _once(ctx, params, amend)


@operation(SERVICE, "AssociateBenefitApplicationResource")
def associate_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    changed = lifecycle.associate_resource(
        ctx.actor, params["Catalog"], params["BenefitApplicationIdentifier"], params["ResourceArn"]
    )
    return output.written(changed)


@operation(SERVICE, "DisassociateBenefitApplicationResource")
def disassociate_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    changed = lifecycle.disassociate_resource(
        ctx.actor, params["Catalog"], params["BenefitApplicationIdentifier"], params["ResourceArn"]
    )
    return output.written(changed)

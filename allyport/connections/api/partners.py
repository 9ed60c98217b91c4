"""CreatePartner: the profiles service creates the partner; its Tags join the Account
API's tag store, which is this app's (so the handler lives here, above profiles)."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext
from allyport.connections.services import tags
from allyport.pipeline.services import check_catalog, check_tags
from allyport.profiles.api.common import account_operation, once
from allyport.profiles.selectors.partner import alliance_lead_contact, partner_view
from allyport.profiles.services.partner import create_partner


@account_operation("CreatePartner")
def create_partner_handler(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    """A key acts for the partner its account is linked to, so through the API this
    answers DUPLICATE_PARTNER; staff and operator commands create partners."""
    catalog = check_catalog(params["Catalog"])
    ctx.authorize(catalog=catalog)
    given = check_tags(params.get("Tags") or [])

    def create() -> dict[str, Any]:
        company = create_partner(
            ctx.actor, params["LegalName"], params["PrimarySolutionType"],
            params["AllianceLeadContact"], params["EmailVerificationCode"], catalog=catalog,
        )  # fmt: skip
        view = partner_view(company, catalog, ctx.account_id)
        if given:
            tags.set_created_tags(company, view["Arn"], given)
        return {**view, "AllianceLeadContact": alliance_lead_contact(company)}

    return once(ctx, params, create)  # type: ignore[no-any-return]

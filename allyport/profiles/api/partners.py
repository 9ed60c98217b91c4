"""GetPartner, ListPartners, alliance lead contact, profile visibility, the
training-and-certification email domains and SendEmailVerificationCode."""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.utils.translation import gettext as _

from allyport.awsapi.registry import ApiContext
from allyport.core.errors import REQUEST, refuse
from allyport.pipeline.services import check_catalog
from allyport.profiles import permissions as perms
from allyport.profiles.api.common import account_operation, once, partner
from allyport.profiles.selectors import company as company_selectors
from allyport.profiles.selectors import partner as partner_views
from allyport.profiles.selectors.partner import alliance_lead_contact, partner_view
from allyport.profiles.services import codes, domains, profile
from allyport.profiles.services.common import partner_arn
from allyport.profiles.services.partner import put_alliance_lead_contact

TOKEN_SALT = "allyport.profiles.api.list_partners"


def _head(ctx: ApiContext, params: dict[str, Any], company: Any) -> dict[str, Any]:
    catalog = params["Catalog"]
    return {
        "Catalog": catalog,
        "Arn": partner_arn(company, catalog, ctx.account_id),
        "Id": company.public_id,
    }


@account_operation("GetPartner")
def get_partner(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.GET_PARTNER)
    return partner_view(company, params["Catalog"], ctx.account_id)


@account_operation("ListPartners")
def list_partners(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    """A partner's keys see the one partner they act for (profiles' `list_partners`,
    which pages every partner for the program's operators)."""
    catalog = check_catalog(params["Catalog"])
    ctx.authorize(catalog=catalog)
    rows, last = partner_views.list_partners(ctx.actor, _after(params.get("NextToken")))
    return {
        "PartnerSummaryList": [
            partner_views.partner_summary(company, catalog, ctx.account_id) for company in rows
        ],
        "NextToken": signing.dumps(last, salt=TOKEN_SALT) if last else None,
    }


def _after(token: str | None) -> str:
    """The partner id a NextToken continues after (signed, so it is opaque)."""
    if not token:
        return ""
    try:
        return str(signing.loads(token, salt=TOKEN_SALT))
    except signing.BadSignature:
        raise refuse(
            "NextToken", _("The NextToken is not valid for this request."), reason=REQUEST
        ) from None


@account_operation("GetAllianceLeadContact")
def get_alliance_lead_contact(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.GET_ALLIANCE_LEAD)
    return {**_head(ctx, params, company), "AllianceLeadContact": alliance_lead_contact(company)}


@account_operation("PutAllianceLeadContact")
def put_alliance_lead(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.PUT_ALLIANCE_LEAD)
    put_alliance_lead_contact(
        ctx.actor, company, params["AllianceLeadContact"], params.get("EmailVerificationCode"),
        catalog=params["Catalog"],
    )  # fmt: skip
    return {**_head(ctx, params, company), "AllianceLeadContact": alliance_lead_contact(company)}


def _visibility(ctx: ApiContext, params: dict[str, Any], company: Any) -> dict[str, Any]:
    shown = company_selectors.profile(company)
    return {
        **_head(ctx, params, company),
        "Visibility": shown.visibility,
        "ProfileId": shown.profile_id,
    }


@account_operation("GetProfileVisibility")
def get_profile_visibility(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    return _visibility(ctx, params, partner(ctx, params, perms.GET_VISIBILITY))


@account_operation("PutProfileVisibility")
def put_profile_visibility(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.PUT_VISIBILITY)
    profile.put_profile_visibility(
        ctx.actor, company, params["Visibility"], catalog=params["Catalog"]
    )
    return _visibility(ctx, params, company)


@account_operation("SendEmailVerificationCode")
def send_email_verification_code(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = check_catalog(params["Catalog"])
    codes.send_email_verification_code(
        ctx.actor, ctx.actor.company, params["Email"], catalog=catalog
    )
    return {}


@account_operation("AssociateAwsTrainingCertificationEmailDomain")
def associate_certification_domain(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.ASSOCIATE_CERT_DOMAIN)

    def associate() -> dict[str, Any]:
        domains.associate_certification_domain(
            ctx.actor, company, params["Email"], params["EmailVerificationCode"],
            catalog=params["Catalog"],
        )  # fmt: skip
        return {}

    return once(ctx, params, associate)  # type: ignore[no-any-return]


@account_operation("DisassociateAwsTrainingCertificationEmailDomain")
def disassociate_certification_domain(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.DISASSOCIATE_CERT_DOMAIN)

    def disassociate() -> dict[str, Any]:
        domains.disassociate_certification_domain(
            ctx.actor, company, params["DomainName"], catalog=params["Catalog"]
        )
        return {}

    return once(ctx, params, disassociate)  # type: ignore[no-any-return]

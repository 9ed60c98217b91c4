"""What every profile service shares: the partner's ARN, the decision, the record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, Target, require
from allyport.accounts.models import Company
from allyport.audit import services as audit
from allyport.pipeline.selectors import linked_account_id

ACCOUNT_API_SOURCE = "partnercentral-account.amazonaws.com"
DEFAULT_CATALOG = "AWS"


def partner_arn(company: Company, catalog: str = DEFAULT_CATALOG, account_id: str = "") -> str:
    """`arn:aws:partnercentral:<region>:<account>:catalog/<catalog>/partner/partner-…`;
    the account is the company's linked AWS account (or the caller's, for IAM)."""
    account = account_id or linked_account_id(company) or "000000000000"
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account}:"
        f"catalog/{catalog}/partner/{company.public_id}"
    )


def target(actor: Actor, company: Company, catalog: str = DEFAULT_CATALOG) -> Target:
    account = actor.iam.account_id if actor.iam is not None else ""
    return Target(company=company, arn=partner_arn(company, catalog, account), catalog=catalog)


def require_on(
    actor: Actor, permission: Permission, company: Company, catalog: str = DEFAULT_CATALOG
) -> None:
    """Decide before anything is read or written; another company's is "not found"."""
    require(actor, permission, target(actor, company, catalog))


def record(
    actor: Actor,
    event_name: str,
    company: Company,
    request: Mapping[str, Any] | None = None,
    response: Mapping[str, Any] | None = None,
) -> None:
    """The change's record in the caller's transaction (folded into an API call's own
    record when the event is named as the call)."""
    audit.record_change(
        actor,
        event_name,
        event_source=ACCOUNT_API_SOURCE,
        company=company,
        request_parameters=dict(request or {}),
        response_elements=dict(response or {}),
        resources=[{"ARN": partner_arn(company), "type": "AWS::PartnerCentral::Partner"}],
    )


def lock(company: Company) -> Company:
    """The company's row under lock: numbering, limits and stage moves serialize here."""
    return Company.objects.select_for_update().get(pk=company.pk)


def actor_label(actor: Actor) -> str:
    if actor.iam is not None:
        return str(actor.iam.user_identity().get("arn", "iam"))
    return actor.label

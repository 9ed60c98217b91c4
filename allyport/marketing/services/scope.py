"""What every marketing service shares: deciding access (tenancy first), ARNs and
identifiers, the audit record of a change, page sizes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import Target, require
from allyport.accounts.models import Company
from allyport.audit import services as audit
from allyport.core.errors import REQUEST, refuse
from allyport.marketing.permissions import MENU, PERMISSIONS

SOURCE = "partnercentral-marketing.amazonaws.com"
CATALOGS = ("AWS", "Sandbox")
MAX_PAGE = 100
# An ARN needs a 12-digit account: a company that has not linked one yet uses zeros.
NO_ACCOUNT = "000000000000"


def account_of(company: Company) -> str:
    link = getattr(company, "account_link", None)
    return link.account.account_id if link is not None else NO_ACCOUNT


def campaign_arn(campaign: Any) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account_of(campaign.company)}:"
        f"catalog/{campaign.catalog}/campaign/{campaign.public_id}"
    )


def plain_id(identifier: str) -> str:
    """The id an identifier names, whether given bare or as an ARN."""
    return identifier.rsplit("/", 1)[-1]


def check_catalog(catalog: str) -> str:
    if catalog not in CATALOGS:
        raise refuse("Catalog", _("The catalog is AWS or Sandbox."), reason=REQUEST)
    return catalog


def page_size(value: Any, default: int = 20) -> int:
    size = default if value is None else value
    if not isinstance(size, int) or not 1 <= size <= MAX_PAGE:
        raise refuse(
            "MaxResults", _("MaxResults is 1 to %(max)s.") % {"max": MAX_PAGE}, reason=REQUEST
        )
    return size


def require_marketing(actor: Actor, operation: str, catalog: str, resource: str = "*") -> Company:
    """The caller's company once it may do `operation`: members need the Marketing
    Central menu item (roles and stage), IAM principals their policies; another
    company's resource is never reached, as every query filters by this company."""
    if actor.kind == ActorKind.MEMBER:
        require(actor, MENU)
    else:
        require(actor, PERMISSIONS[operation], Target(arn=resource, catalog=catalog))
    check_catalog(catalog)
    if actor.company is None:
        raise refuse("Catalog", _("Only a partner company has campaigns."), reason=REQUEST)
    return actor.company


def record(
    actor: Actor,
    event_name: str,
    *,
    company: Company,
    request: Mapping[str, Any],
    response: Mapping[str, Any] | None = None,
    resource_arn: str = "",
) -> None:
    """The change's CloudTrail record, in the caller's transaction (folded into the API
    call's own record when it is the call's change)."""
    resources = (
        [{"ARN": resource_arn, "type": "AWS::PartnerCentral::Campaign"}] if resource_arn else []
    )
    audit.record_change(
        actor,
        event_name,
        event_source=SOURCE,
        company=company,
        request_parameters=jsonable(request),
        response_elements=jsonable(response) if response is not None else None,
        resources=resources,
    )


def jsonable(value: Any) -> Any:
    """A request value as stored JSON: datetimes become ISO-8601 UTC strings."""
    if isinstance(value, Mapping):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return value

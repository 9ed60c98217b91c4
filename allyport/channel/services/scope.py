"""What every channel service shares: deciding access (tenancy first), the company's
linked AWS account, the resources' ARNs, identifiers given as ids or ARNs, the audit
record of a change, catalogs and page sizes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import Target, require
from allyport.accounts.models import Company
from allyport.audit import services as audit
from allyport.channel.permissions import MENU, PERMISSIONS
from allyport.core.errors import REQUEST, refuse

SOURCE = "partnercentral-channel.amazonaws.com"
CATALOGS = ("AWS", "Sandbox")
MAX_PAGE = 100


def account_of(company: Company | None) -> str:
    """The AWS account the company linked ("" when none)."""
    link = getattr(company, "account_link", None) if company is not None else None
    return link.account.account_id if link is not None else ""


def company_for_account(account_id: str) -> Company | None:
    return Company.objects.filter(account_link__account__account_id=account_id).first()


def arn(catalog: str, account: str, path: str) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account}:catalog/{catalog}/{path}"
    )


def plain_id(identifier: str) -> str:
    """The id an identifier names, whether given bare or as an ARN."""
    return identifier.rsplit("/", 1)[-1]


def check_catalog(catalog: str) -> str:
    if catalog not in CATALOGS:
        raise refuse("catalog", _("The catalog is AWS or Sandbox."), reason=REQUEST)
    return catalog


def page_size(value: Any) -> int:
    size = 20 if value is None else value
    if not isinstance(size, int) or not 1 <= size <= MAX_PAGE:
        raise refuse(
            "maxResults", _("maxResults is 1 to %(max)s.") % {"max": MAX_PAGE}, reason=REQUEST
        )
    return size


def require_channel(actor: Actor, operation: str, catalog: str, resource: str = "*") -> Company:
    """The caller's company once it may do `operation` (members: the Channel Management
    page's rights too); another company's resource is never reached, as selectors
    filter by this company."""
    if actor.kind == ActorKind.MEMBER:
        require(actor, MENU)
    require(actor, PERMISSIONS[operation], Target(arn=resource, catalog=catalog))
    check_catalog(catalog)
    assert actor.company is not None
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
        [{"ARN": resource_arn, "type": "AWS::PartnerCentral::Channel"}] if resource_arn else []
    )
    audit.record_change(
        actor,
        event_name,
        event_source=SOURCE,
        company=company,
        request_parameters=request,
        response_elements=response,
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
    return value

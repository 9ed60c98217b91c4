"""Reads of engagements and their members, scoped to the actor: Get/ListEngagements,
ListEngagementMembers, the answers' shapes, engagement ARNs and AWS as a party."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, Target, require
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, NotFound, refuse
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.pipeline.engagements.models import Engagement, EngagementMember
from allyport.pipeline.shared.arns import linked_account_id
from allyport.pipeline.shared.permissions import LIST_ENGAGEMENT_MEMBERS, LIST_ENGAGEMENTS
from allyport.pipeline.shared.scope import MANAGE_ALL, check_catalog, company_of

# AWS as a party to engagements and invitations (the program's referrals and leads).
PROGRAM_NAME = "AWS"
# AWS's own account in ids and ARNs: twelve digits no account of the embedded cloud has
# (theirs never start with 0).
PROGRAM_ACCOUNT_ID = "000000000000"
PROGRAM_WEBSITE = "https://aws.amazon.com"
MEMBER_PAGE = 10
_MEMBER_SALT = "allyport.pipeline.engagement-members"
SORT_KEY = SortKey("created_at", "datetime")


def engagement_arn(catalog: str, identifier: str) -> str:
    """Engagements are shared, so their ARN names no account."""
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}::catalog/{catalog}/"
        f"engagement/{identifier}"
    )


def plain_id(identifier: str) -> str:
    """The id in an id or an ARN (its last path segment)."""
    return identifier.rsplit("/", 1)[-1] if identifier.startswith("arn:") else identifier


def account_of(company: Company | None) -> str:
    return PROGRAM_ACCOUNT_ID if company is None else linked_account_id(company)


def engagement_target(catalog: str, identifier: str = "") -> Target:
    """An engagement as policies name it: the ARN given, or the one its id makes; "*"
    without an identifier (creates, lists)."""
    if not identifier:
        return Target(catalog=catalog)
    arn = identifier if identifier.startswith("arn:") else engagement_arn(catalog, identifier)
    return Target(arn=arn, catalog=catalog)


def member_company(
    actor: Actor, permission: Permission | None = None, target: Target | None = None
) -> Company:
    """The actor's company, once `permission`'s operation is authorized on `target` for
    whatever kind of caller. Referrals, leads and engagements belong to no one member,
    so members need the "manage all" right. Without a permission (a look-up inside an
    operation already decided) only members are asked, for that right."""
    company = company_of(actor)
    if permission is not None:
        require(actor, permission, target or Target())
    elif actor.is_member:
        require(actor, MANAGE_ALL)
    return company


def engagements(
    actor: Actor, catalog: str, permission: Permission | None = None, identifier: str = ""
) -> QuerySet[Engagement]:
    """The engagements the actor's company is a member of, in the catalog (once
    `permission`'s operation is authorized on the engagement `identifier` names)."""
    company = member_company(actor, permission, engagement_target(catalog, identifier))
    mine = EngagementMember.objects.filter(company=company).values("engagement_id")
    return Engagement.objects.filter(catalog=check_catalog(catalog), pk__in=mine)


def find_engagement(
    actor: Actor, catalog: str, identifier: str, permission: Permission | None = None
) -> Engagement:
    visible = engagements(actor, catalog, permission, identifier)
    found = visible.filter(public_id=plain_id(identifier)).first()
    if found is None:
        raise NotFound("Engagement", plain_id(identifier))
    return found


def _any_type(kinds: list[str]) -> Q:
    query = Q(pk__in=[])
    for kind in kinds:
        query |= Q(context_types__contains=f",{kind},")
    return query


def list_engagements(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """ListEngagements: filters by creator, context types and ids; sorted by CreatedDate."""
    queryset = engagements(actor, catalog, LIST_ENGAGEMENTS)
    if request.get("EngagementIdentifier"):
        ids = [plain_id(i) for i in request["EngagementIdentifier"]]
        queryset = queryset.filter(public_id__in=ids)
    if request.get("CreatedBy"):
        queryset = queryset.filter(created_by__in=list(request["CreatedBy"]))
    if request.get("ExcludeCreatedBy"):
        queryset = queryset.exclude(created_by__in=list(request["ExcludeCreatedBy"]))
    if request.get("ContextTypes"):
        queryset = queryset.filter(_any_type(list(request["ContextTypes"])))
    if request.get("ExcludeContextTypes"):
        queryset = queryset.exclude(_any_type(list(request["ExcludeContextTypes"])))
    sort = request.get("Sort") or {"SortBy": "CreatedDate", "SortOrder": "DESCENDING"}
    if sort.get("SortBy") != "CreatedDate" or sort.get("SortOrder") not in (
        "ASCENDING",
        "DESCENDING",
    ):
        raise refuse("Sort", _("Unknown sort."), reason=REQUEST)
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        queryset,
        SORT_KEY,
        descending=sort["SortOrder"] == "DESCENDING",
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"catalog": catalog, "filters": filters},
    )


def list_members(
    actor: Actor, catalog: str, identifier: str, request: Mapping[str, Any]
) -> tuple[list[EngagementMember], str | None]:
    """ListEngagementMembers: members only; pages of up to 10 in joining order."""
    engagement = find_engagement(actor, catalog, identifier, LIST_ENGAGEMENT_MEMBERS)
    size = request.get("MaxResults") or MEMBER_PAGE
    if not isinstance(size, int) or not 1 <= size <= MEMBER_PAGE:
        raise refuse("MaxResults", _("MaxResults is 1 to 10."), reason=REQUEST)
    queryset = engagement.members.order_by("pk")
    if request.get("NextToken"):
        try:
            token = signing.loads(request["NextToken"], salt=_MEMBER_SALT)
            if token["e"] != engagement.public_id:
                raise ValueError("another engagement")
            queryset = queryset.filter(pk__gt=int(token["after"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise refuse(
                "NextToken", _("The NextToken is not valid for this request."), reason=REQUEST
            ) from None
    rows = list(queryset[: size + 1])
    if len(rows) <= size:
        return rows, None
    token = signing.dumps(
        {"e": engagement.public_id, "after": rows[size - 1].pk}, salt=_MEMBER_SALT
    )
    return rows[:size], token


def _dropped_empty(value: dict[str, Any]) -> dict[str, Any]:
    return {key: item for key, item in value.items() if item not in (None, "")}


def engagement_summary(engagement: Engagement) -> dict[str, Any]:
    """A ListEngagements item (EngagementSummary)."""
    return _dropped_empty(
        {
            "Arn": engagement_arn(engagement.catalog, engagement.public_id),
            "Id": engagement.public_id,
            "Title": engagement.title,
            "CreatedAt": engagement.created_at,
            "CreatedBy": engagement.created_by,
            "MemberCount": engagement.member_count,
            "ModifiedAt": engagement.modified_at,
            "ModifiedBy": engagement.modified_by,
            "ContextTypes": [t for t in engagement.context_types.split(",") if t],
        }
    )


def engagement_view(engagement: Engagement) -> dict[str, Any]:
    """The GetEngagement answer."""
    value = engagement_summary(engagement)
    del value["Arn"]
    value.pop("ContextTypes", None)
    return _dropped_empty(
        {
            **value,
            "Arn": engagement_arn(engagement.catalog, engagement.public_id),
            "Description": engagement.description,
            "Contexts": engagement.contexts,
        }
    )


def member_view(member: EngagementMember) -> dict[str, Any]:
    return _dropped_empty(
        {
            "CompanyName": member.company_name,
            "WebsiteUrl": member.website_url,
            "AccountId": member.account_id,
        }
    )

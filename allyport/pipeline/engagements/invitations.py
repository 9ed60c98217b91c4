"""Engagement invitations (spec §2.11): finding, listing and expiry; answering them is
`invitation_answers`, sending them `invitation_sending`, the API's views of them
`invitation_output`.

A company sees the invitations it received or sent, in one catalog; another
company's and a missing one are both NotFound. Pending invitations expire 15
days after they were sent: they are flipped to EXPIRED lazily, when a list or a
read reaches them (or by the maintenance sweep), and can no longer be accepted
or rejected (Conflict).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, Target
from allyport.core.errors import REQUEST, Conflict, NotFound, refuse
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.pipeline import effects
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.engagements.selectors import member_company, plain_id
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.permissions import LIST_ENGAGEMENT_INVITATIONS
from allyport.pipeline.shared.scope import check_catalog

Status = EngagementInvitation.Status
RECEIVER, SENDER = "RECEIVER", "SENDER"
SORT_KEY = SortKey("invitation_date", "datetime")
TYPE = "EngagementInvitation"


def invitation_arn(invitation: EngagementInvitation) -> str:
    """As the service answers it: the region, no account, the catalog's path."""
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}::catalog/{invitation.catalog}/"
        f"engagement-invitation/{invitation.public_id}"
    )


def expire_due(**scope: Any) -> int:
    """Flip the pending invitations in `scope` whose date has passed to EXPIRED, and
    announce each ("Engagement Invitation Expired") once that commits."""
    now = timezone.now()
    due = EngagementInvitation.objects.filter(
        status=Status.PENDING, expiration_date__lte=now, **scope
    )
    pks = list(due.values_list("pk", flat=True))
    if not pks:
        return 0
    count = EngagementInvitation.objects.filter(pk__in=pks, status=Status.PENDING).update(
        status=Status.EXPIRED, responded_at=now
    )
    for invitation in EngagementInvitation.objects.filter(pk__in=pks).select_related("engagement"):
        effects.invitation_announced(invitation, "Expired", None)
    return count


def invitation_target(actor: Actor, catalog: str, identifier: str = "") -> Target:
    """An invitation as policies name it: the ARN given, or for a bare id
    `arn:aws:partnercentral::<caller's account>:<Catalog>/engagement-invitation/<id>`
    (named with the caller's account, as opportunities are); "*" for lists."""
    if not identifier:
        return Target(catalog=catalog)
    if identifier.startswith("arn:"):
        return Target(arn=identifier, catalog=catalog)
    account = actor.iam.account_id if actor.iam is not None else ""
    arn = f"arn:aws:partnercentral::{account}:{catalog}/engagement-invitation/{identifier}"
    return Target(arn=arn, catalog=catalog)


def find_invitation(
    actor: Actor,
    catalog: str,
    identifier: str,
    *,
    received: bool = False,
    lock: bool = False,
    permission: Permission | None = None,
) -> EngagementInvitation:
    """The invitation the actor's company received (or, unless `received`, sent), once
    `permission`'s operation is authorized on it."""
    company = member_company(actor, permission, invitation_target(actor, catalog, identifier))
    public_id = plain_id(identifier)
    expire_due(public_id=public_id)
    queryset = EngagementInvitation.objects.filter(
        catalog=check_catalog(catalog), public_id=public_id
    )
    if received:
        queryset = queryset.filter(receiver_company=company)
    else:
        queryset = queryset.filter(Q(receiver_company=company) | Q(sender_company=company))
    found = (queryset.select_for_update() if lock else queryset).first()
    if found is None:
        raise NotFound(TYPE, public_id)
    return found


def check_pending(invitation: EngagementInvitation) -> None:
    """Only a pending invitation that has not expired is answered."""
    if invitation.status == Status.PENDING and invitation.expiration_date <= timezone.now():
        invitation.status = Status.EXPIRED
    if invitation.status != Status.PENDING:
        raise Conflict(
            _("The invitation is %(status)s; only pending invitations can be answered.")
            % {"status": invitation.get_status_display().lower()},
            TYPE,
            invitation.public_id,
        )


def _sort(request: Mapping[str, Any]) -> bool:
    sort = request.get("Sort") or {"SortBy": "InvitationDate", "SortOrder": "DESCENDING"}
    if sort.get("SortBy") != "InvitationDate" or sort.get("SortOrder") not in (
        "ASCENDING",
        "DESCENDING",
    ):
        raise refuse("Sort", _("Unknown sort."), reason=REQUEST)
    return bool(sort["SortOrder"] == "DESCENDING")


def invitations(
    actor: Actor, catalog: str, participant: str, permission: Permission | None = None
) -> QuerySet[EngagementInvitation]:
    """The invitations the company received (RECEIVER) or sent (SENDER), expired ones
    flipped first (once `permission`'s operation is authorized)."""
    company = member_company(actor, permission, Target(catalog=catalog))
    if participant not in (RECEIVER, SENDER):
        raise refuse("ParticipantType", _("RECEIVER or SENDER."), reason=REQUEST)
    side = "receiver_company" if participant == RECEIVER else "sender_company"
    scope = {side: company, "catalog": check_catalog(catalog)}
    expire_due(**scope)
    return EngagementInvitation.objects.filter(**scope)


def list_invitations(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """ListEngagementInvitations: filters by payload type, status, engagement and sender;
    sorted by InvitationDate (newest first unless asked)."""
    queryset = invitations(
        actor, catalog, str(request.get("ParticipantType")), LIST_ENGAGEMENT_INVITATIONS
    )
    filters = (
        ("PayloadType", "payload_type"),
        ("Status", "status"),
        ("SenderAwsAccountId", "sender_account_id"),
    )
    for member, column in filters:
        if request.get(member):
            queryset = queryset.filter(**{f"{column}__in": list(request[member])})
    if request.get("EngagementIdentifier"):
        ids = [plain_id(i) for i in request["EngagementIdentifier"]]
        queryset = queryset.filter(engagement__public_id__in=ids)
    query = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        queryset.select_related("engagement"),
        SORT_KEY,
        descending=_sort(request),
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"catalog": catalog, "filters": query},
    )


def record_call(actor: Actor, event: str, invitation: EngagementInvitation, **request: Any) -> None:
    """The console record of a member's call on one invitation."""
    record_console(
        actor,
        event,
        company=actor.company,
        request={"catalog": invitation.catalog, "identifier": invitation.public_id, **request},
    )

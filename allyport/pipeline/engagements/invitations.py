"""Engagement invitations (spec §2.11): list, read, accept, reject, and the ones a
partner sends (CreateEngagementInvitation).

A company sees the invitations it received or sent, in one catalog; another
company's and a missing one are both NotFound. Pending invitations expire 15
days after they were sent: they are flipped to EXPIRED lazily, when a list or a
read reaches them, and can no longer be accepted or rejected (Conflict).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, Conflict, NotFound, refuse
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.marketplace.models import AccountLink
from allyport.pipeline import effects
from allyport.pipeline.engagements.invitation_payloads import check_payload
from allyport.pipeline.engagements.models import (
    Engagement,
    EngagementInvitation,
    EngagementMember,
    invitation_id,
)
from allyport.pipeline.engagements.selectors import (
    PROGRAM_ACCOUNT_ID,
    PROGRAM_NAME,
    account_of,
    find_engagement,
    member_company,
    plain_id,
)
from allyport.pipeline.engagements.services import add_member, insert_fresh
from allyport.pipeline.enums import ReviewStatus
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared import notifications
from allyport.pipeline.shared.clock import now_ms
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.scope import check_catalog

Status = EngagementInvitation.Status
INVITATION_DAYS = 15
# RejectEngagementInvitation's documented reasons.
REJECTION_REASONS = (
    "Customer problem unclear",
    "Next steps unclear",
    "Unable to support",
    "Duplicate of partner referral",
    "Other",
)
RECEIVER, SENDER = "RECEIVER", "SENDER"
EXISTING_MEMBERS_LIMIT = 10
SORT_KEY = SortKey("invitation_date", "datetime")
TYPE = "EngagementInvitation"


def invitation_arn(invitation: EngagementInvitation) -> str:
    """As the model writes it: no region, the sender's account, the catalog's name."""
    return (
        f"arn:aws:partnercentral::{invitation.sender_account_id}:{invitation.catalog}/"
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


def find_invitation(
    actor: Actor, catalog: str, identifier: str, *, received: bool = False, lock: bool = False
) -> EngagementInvitation:
    """The invitation the actor's company received (or, unless `received`, sent)."""
    company = member_company(actor)
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


def invitations(actor: Actor, catalog: str, participant: str) -> QuerySet[EngagementInvitation]:
    """The invitations the company received (RECEIVER) or sent (SENDER), expired ones
    flipped first."""
    company = member_company(actor)
    if participant not in (RECEIVER, SENDER):
        raise refuse("ParticipantType", _("RECEIVER or SENDER."), reason=REQUEST)
    side = "receiver_company" if participant == RECEIVER else "sender_company"
    scope = {side: company, "catalog": check_catalog(catalog)}
    expire_due(**scope)
    return EngagementInvitation.objects.filter(**scope)


def list_invitations(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """ListEngagementInvitations: filters by payload type, status, engagement and sender;
    sorted by InvitationDate (newest first unless asked)."""
    queryset = invitations(actor, catalog, str(request.get("ParticipantType")))
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


def accept_in_place(actor: Actor, invitation: EngagementInvitation) -> None:
    """Accept a locked, pending invitation: its receiver joins the engagement."""
    invitation.status = Status.ACCEPTED
    invitation.responded_at = now_ms()
    invitation.save(update_fields=["status", "responded_at"])
    add_member(invitation.engagement, invitation.receiver_company, actor)
    effects.invitation_announced(invitation, "Accepted", actor)


def _record(actor: Actor, event: str, invitation: EngagementInvitation, **request: Any) -> None:
    record_console(
        actor,
        event,
        company=actor.company,
        request={"catalog": invitation.catalog, "identifier": invitation.public_id, **request},
    )


def accept_invitation(actor: Actor, catalog: str, identifier: str) -> EngagementInvitation:
    """AcceptEngagementInvitation: join the engagement (no opportunity is created)."""
    with transaction.atomic():
        invitation = find_invitation(actor, catalog, identifier, received=True, lock=True)
        check_pending(invitation)
        accept_in_place(actor, invitation)
        _record(actor, "AcceptEngagementInvitation", invitation)
    return invitation


def reject_invitation(
    actor: Actor, catalog: str, identifier: str, reason: str | None = None
) -> EngagementInvitation:
    """RejectEngagementInvitation, with one of the documented reasons (or none)."""
    if reason is not None and reason not in REJECTION_REASONS:
        raise refuse(
            "RejectionReason",
            _("Give one of: %(reasons)s.") % {"reasons": ", ".join(REJECTION_REASONS)},
        )
    with transaction.atomic():
        invitation = find_invitation(actor, catalog, identifier, received=True, lock=True)
        check_pending(invitation)
        invitation.status = Status.REJECTED
        invitation.rejection_reason = reason or ""
        invitation.responded_at = now_ms()
        invitation.save(update_fields=["status", "rejection_reason", "responded_at"])
        _record(actor, "RejectEngagementInvitation", invitation, rejectionReason=reason)
        effects.invitation_announced(invitation, "Rejected", actor)
    return invitation


def answer_for_aws(actor: Actor, opportunity: Opportunity, review_status: str) -> None:
    """AWS's review answers the invitation a partner sent it with this opportunity
    (StartEngagementFromOpportunityTask): Approved accepts it — AWS joins the
    engagement — and Rejected rejects it. Runs in the caller's transaction."""
    if review_status not in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        return
    pending = EngagementInvitation.objects.select_for_update().filter(
        receiver_company=None, status=Status.PENDING, engagement__opportunity=opportunity
    )
    for invitation in pending:
        if review_status == ReviewStatus.APPROVED:
            accept_in_place(actor, invitation)
            event = "AcceptEngagementInvitation"
        else:
            invitation.status = Status.REJECTED
            invitation.responded_at = now_ms()
            invitation.save(update_fields=["status", "responded_at"])
            effects.invitation_announced(invitation, "Rejected", actor)
            event = "RejectEngagementInvitation"
        record_console(
            actor,
            event,
            company=opportunity.company,
            request={"catalog": invitation.catalog, "identifier": invitation.public_id},
        )


def new_invitation(
    engagement: Engagement,
    *,
    sender: Company | None,
    receiver: Company | None,
    payload_type: str,
    payload: dict[str, Any],
    message: str = "",
    receiver_alias: str = "",
    actor: Actor | None = None,
) -> EngagementInvitation:
    """Insert a pending invitation, expiring in 15 days; the receiving company's ACE
    managers hear of it once the transaction commits. Runs in the caller's transaction."""
    moment = now_ms()
    invitation = EngagementInvitation(
        catalog=engagement.catalog,
        engagement=engagement,
        sender_company=sender,
        sender_name=sender.legal_name if sender is not None else PROGRAM_NAME,
        sender_account_id=account_of(sender),
        sent_by=actor.user if actor is not None and actor.kind == "staff" else None,
        receiver_company=receiver,
        receiver_alias=(receiver_alias or (receiver.legal_name if receiver else PROGRAM_NAME))[:80],
        payload_type=payload_type,
        payload=payload,
        message=message[:255],
        invitation_date=moment,
        expiration_date=moment + timedelta(days=INVITATION_DAYS),
    )
    insert_fresh(invitation, invitation_id)
    effects.invitation_announced(invitation, "Created", actor)
    if receiver is not None:
        notifications.referral_shared(invitation)
    return invitation


def _receiver_company(account_id: str) -> Company | None:
    if account_id in (PROGRAM_ACCOUNT_ID, PROGRAM_NAME):
        return None
    link = AccountLink.objects.select_related("company").filter(account__account_id=account_id)
    found = link.first()
    if found is None:
        raise refuse(
            "Invitation.Receiver.Account.AwsAccountId",
            _("No partner has linked the AWS account %(id)s.") % {"id": account_id},
        )
    return found.company


def _single(union: Mapping[str, Any], field: str) -> tuple[str, Any]:
    if len(union) != 1:
        raise refuse(field, _("Give exactly one member."), reason=REQUEST)
    return next(iter(union.items()))


def create_engagement_invitation(
    actor: Actor, catalog: str, engagement_identifier: str, invitation: Mapping[str, Any]
) -> EngagementInvitation:
    """CreateEngagementInvitation: a member invites one receiver (a partner's linked AWS
    account, or AWS) to the engagement."""
    company = member_company(actor)
    _kind, receiver = _single(invitation.get("Receiver") or {}, "Invitation.Receiver")
    payload_type, payload = _single(invitation.get("Payload") or {}, "Invitation.Payload")
    checked = check_payload(payload_type, payload)
    with transaction.atomic():
        engagement = find_engagement(actor, catalog, engagement_identifier)
        target = _receiver_company(str(receiver.get("AwsAccountId", "")))
        field = "Invitation.Receiver.Account.AwsAccountId"
        if target == company:
            raise refuse(field, _("You cannot invite your own company."))
        if EngagementMember.objects.filter(engagement=engagement, company=target).exists():
            raise Conflict(
                _("The receiver is a member already."), "Engagement", engagement.public_id
            )
        pending = engagement.invitations.filter(receiver_company=target, status=Status.PENDING)
        if pending.filter(expiration_date__gt=timezone.now()).exists():
            raise Conflict(
                _("The receiver has a pending invitation to this engagement."),
                "Engagement",
                engagement.public_id,
            )
        created = new_invitation(
            engagement,
            sender=company,
            receiver=target,
            payload_type=payload_type,
            payload=checked,
            message=str(invitation.get("Message") or ""),
            receiver_alias=str(receiver.get("Alias") or ""),
            actor=actor,
        )
        _record(actor, "CreateEngagementInvitation", created)
    return created


# --- the API's views ---------------------------------------------------------------


def receiver_accounts(rows: Iterable[EngagementInvitation]) -> dict[int, str]:
    """The linked AWS account of each receiving company, in one query."""
    ids = {row.receiver_company_id for row in rows if row.receiver_company_id is not None}
    links = AccountLink.objects.filter(company_id__in=ids)
    return dict(links.values_list("company_id", "account__account_id"))


def _receiver(invitation: EngagementInvitation, accounts: Mapping[int, str]) -> Any:
    if invitation.receiver_company_id is None:
        return {"Account": {"AwsAccountId": PROGRAM_ACCOUNT_ID, "Alias": PROGRAM_NAME}}
    account = accounts.get(invitation.receiver_company_id)
    if not account:
        return None
    alias = invitation.receiver_alias or None
    return {
        "Account": {"AwsAccountId": account, "Alias": alias} if alias else {"AwsAccountId": account}
    }


def _dropped_empty(value: dict[str, Any]) -> dict[str, Any]:
    return {key: item for key, item in value.items() if item not in (None, "")}


def _common(invitation: EngagementInvitation, accounts: Mapping[int, str]) -> dict[str, Any]:
    return {
        "Arn": invitation_arn(invitation),
        "PayloadType": invitation.payload_type,
        "Id": invitation.public_id,
        "EngagementId": invitation.engagement.public_id,
        "EngagementTitle": invitation.engagement.title,
        "Status": invitation.status,
        "InvitationDate": invitation.invitation_date,
        "ExpirationDate": invitation.expiration_date,
        "SenderAwsAccountId": invitation.sender_account_id,
        "SenderCompanyName": invitation.sender_name,
        "Receiver": _receiver(invitation, accounts),
        "Catalog": invitation.catalog,
    }


def invitation_summary(
    invitation: EngagementInvitation, company: Company, accounts: Mapping[int, str]
) -> dict[str, Any]:
    """A ListEngagementInvitations item, from the viewing company's side."""
    received = invitation.receiver_company_id == company.pk
    value = {**_common(invitation, accounts), "ParticipantType": RECEIVER if received else SENDER}
    return _dropped_empty(value)


def invitation_view(
    invitation: EngagementInvitation, accounts: Mapping[int, str]
) -> dict[str, Any]:
    """The GetEngagementInvitation answer. A rejected invitation's payload is no longer
    shared ("all related data will become inaccessible")."""
    members = invitation.engagement.members.order_by("pk")[:EXISTING_MEMBERS_LIMIT]
    shared = invitation.status != Status.REJECTED
    value = {
        **_common(invitation, accounts),
        "RejectionReason": invitation.rejection_reason,
        "Payload": {invitation.payload_type: invitation.payload} if shared else None,
        "InvitationMessage": invitation.message,
        "EngagementDescription": invitation.engagement.description,
        "ExistingMembers": [
            _dropped_empty({"CompanyName": m.company_name, "WebsiteUrl": m.website_url})
            for m in members
        ],
    }
    return _dropped_empty(value)

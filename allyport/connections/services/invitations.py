"""Connection invitations: create, accept, reject, cancel, and their expiry.

The sender invites another company to one connection type; only the receiver
answers, only the sender cancels, and only while the invitation is pending (an
invitation past its `expires_at` is Expired, flipped lazily and by the sweep).
Either side sees the invitation; a third company finds nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission
from allyport.accounts.models import Company
from allyport.connections import permissions as perms
from allyport.connections.models import (
    Connection,
    ConnectionInvitation,
    ConnectionTypeDetail,
    InvitationStatus,
    TypeStatus,
)
from allyport.connections.services import preferences
from allyport.connections.services.scope import (
    business,
    company_of,
    connection_arn,
    invitation_arn,
    participant,
    record,
    require,
    require_linked,
)
from allyport.core.errors import Conflict, NotFound, QuotaExceeded

RESOURCE = "ConnectionInvitation"
NOT_FOUND = "CONNECTION_INVITATION_NOT_FOUND"
MAX_OPEN = 100  # pending invitations a company has sent
MAX_PER_DAY = 50  # invitations a company sends in 24 hours
MAX_ACTIVE = 1000  # connections a company holds


def expire_due(queryset: QuerySet[ConnectionInvitation] | None = None) -> int:
    """Mark pending invitations past their expiry Expired (the sweep and lazily)."""
    now = timezone.now()
    rows = queryset if queryset is not None else ConnectionInvitation.objects.all()
    due = rows.filter(status=InvitationStatus.PENDING, expires_at__lte=now)
    return due.update(status=InvitationStatus.EXPIRED, updated_at=now)


def of_company(company: Company, catalog: str) -> QuerySet[ConnectionInvitation]:
    """The invitations either side of which is the company (reads write nothing: an
    overdue pending one shows as Expired through `current_status`)."""
    mine = ConnectionInvitation.objects.filter(Q(sender=company) | Q(receiver=company))
    return mine.filter(catalog=catalog)


def status_q(status: str) -> Q:
    """Invitations whose status as of now is `status`."""
    now = timezone.now()
    if status == InvitationStatus.PENDING:
        return Q(status=status, expires_at__gt=now)
    if status == InvitationStatus.EXPIRED:
        return Q(status=status) | Q(status=InvitationStatus.PENDING, expires_at__lte=now)
    return Q(status=status)


def find(
    actor: Actor, catalog: str, identifier: str, permission: Permission, *, lock: bool = False
) -> ConnectionInvitation:
    """The invitation if the actor's company sent or received it; NotFound otherwise."""
    company = require(actor, permission, invitation_arn(catalog, identifier), catalog)
    rows = of_company(company, catalog).select_related("sender", "receiver", "connection")
    if lock:
        rows = rows.select_for_update(of=("self",))
    found = rows.filter(public_id=identifier).first()
    if found is None:
        raise NotFound(RESOURCE, identifier, NOT_FOUND)
    if lock and found.current_status != found.status:  # a change settles the expiry first
        expire_due(ConnectionInvitation.objects.filter(pk=found.pk))
        found.status = found.current_status
    return found


def _conflict(message: str, invitation_id: str, reason: str) -> Conflict:
    return Conflict(message, RESOURCE, invitation_id, reason)


def _check_quota(company: Company, catalog: str) -> None:
    sent = ConnectionInvitation.objects.filter(sender=company, catalog=catalog)
    if sent.filter(status=InvitationStatus.PENDING).count() >= MAX_OPEN:
        raise QuotaExceeded(
            _("Your company has %(count)s open invitations; wait for answers or cancel some.")
            % {"count": MAX_OPEN},
            "LIMIT_EXCEEDED_NUMBER_OF_OPEN_CONNECTION_INVITATION",
        )
    since = timezone.now() - timedelta(days=1)
    if sent.filter(created_at__gte=since).count() >= MAX_PER_DAY:
        raise QuotaExceeded(
            _("Your company sent %(count)s invitations in the last 24 hours; try again later.")
            % {"count": MAX_PER_DAY},
            "LIMIT_EXCEEDED_NUMBER_OF_CONNECTION_INVITATION_PER_DAY",
        )


def _receiver(company: Company, catalog: str, identifier: str) -> Company:
    other = participant(identifier)
    if other is None:
        raise NotFound("Participant", identifier, "RECEIVER_PROFILE_NOT_FOUND")
    if other.pk == company.pk:
        raise business(
            _("A company cannot invite itself."), "INCOMPATIBLE_CONNECTION_INVITATION_REQUEST"
        )
    require_linked(company, _("Link your company's AWS account before connecting with partners."))
    require_linked(other, _("This partner has not linked an AWS account yet."))
    if not preferences.accepts_invitation_from(other, catalog, company):
        raise Conflict(
            _("This partner does not accept connection invitations from your company."),
            "Participant",
            identifier,
            "INCOMPATIBLE_CONNECTION_INVITATION_RECEIVER",
        )
    return other


def _check_not_connected(company: Company, other: Company, catalog: str, kind: str) -> None:
    active = ConnectionTypeDetail.objects.filter(
        connection__in=pair_connection(company, other, catalog),
        connection_type=kind,
        status=TypeStatus.ACTIVE,
    )
    if active.exists():
        raise Conflict(
            _("Your companies already have this connection."),
            "Connection",
            other.public_id,
            "DUPLICATE_CONNECTION",
        )
    between = of_company(company, catalog).filter(Q(sender=other) | Q(receiver=other))
    expire_due(between)  # an overdue one no longer blocks a new invitation
    pending = between.filter(connection_type=kind, status=InvitationStatus.PENDING)
    if pending.exists():
        raise Conflict(
            _("An invitation between your companies for this connection is already pending."),
            RESOURCE,
            other.public_id,
            "DUPLICATE_CONNECTION_INVITATION",
        )


def pair_connection(a: Company, b: Company, catalog: str) -> QuerySet[Connection]:
    first, second = sorted((a.pk, b.pk))
    return Connection.objects.filter(catalog=catalog, first_id=first, second_id=second)


@transaction.atomic
def create_invitation(
    actor: Actor,
    catalog: str,
    *,
    receiver: str,
    connection_type: str,
    email: str,
    name: str,
    message: str,
) -> ConnectionInvitation:
    """Invite the company `receiver` names (partner id or account id) to a connection."""
    company = require(actor, perms.CREATE_CONNECTION_INVITATION, "*", catalog)
    Company.objects.select_for_update().filter(pk=company.pk).first()  # one sender at a time
    other = _receiver(company, catalog, receiver)
    _check_not_connected(company, other, catalog, connection_type)
    _check_quota(company, catalog)
    invitation = ConnectionInvitation.objects.create(
        catalog=catalog, connection_type=connection_type, sender=company, receiver=other,
        inviter_name=name, inviter_email=email, message=message,
    )  # fmt: skip
    _record(
        actor, "CreateConnectionInvitation", company, invitation, {"receiverIdentifier": receiver}
    )
    return invitation


def _record(
    actor: Actor,
    event: str,
    company: Company,
    invitation: ConnectionInvitation,
    request: dict[str, str] | None = None,
) -> None:
    catalog = invitation.catalog
    resources = [{"ARN": invitation_arn(catalog, invitation.public_id),
                  "type": "AWS::PartnerCentral::ConnectionInvitation"}]  # fmt: skip
    if invitation.connection is not None:
        resources.append({"ARN": connection_arn(catalog, invitation.connection.public_id),
                          "type": "AWS::PartnerCentral::Connection"})  # fmt: skip
    record(
        actor, event, company,
        request={"catalog": catalog, "identifier": invitation.public_id, **(request or {})},
        response={"status": invitation.status},
        resources=resources,
    )  # fmt: skip


def _answerable(invitation: ConnectionInvitation, company: Company, *, as_sender: bool) -> None:
    side = invitation.sender_id if as_sender else invitation.receiver_id
    if side != company.pk:
        message = (
            _("Only the company that sent the invitation can cancel it.")
            if as_sender
            else _("Only the invited company can answer the invitation.")
        )
        raise _conflict(
            message, invitation.public_id, "INCOMPATIBLE_CONNECTION_INVITATION_RECEIVER"
        )
    if invitation.current_status != InvitationStatus.PENDING:
        raise _conflict(
            _("The invitation is %(status)s, no longer pending.")
            % {"status": invitation.current_status_display},
            invitation.public_id,
            "INCOMPATIBLE_CONNECTION_INVITATION_STATE",
        )


def _answered(invitation: ConnectionInvitation, status: str, reason: str = "") -> None:
    invitation.status = status
    invitation.reason = reason
    invitation.updated_at = timezone.now()
    invitation.save(update_fields=["status", "reason", "updated_at", "connection"])


@transaction.atomic
def accept_invitation(actor: Actor, catalog: str, identifier: str) -> Connection:
    """The receiver accepts: the pair's connection gains the type, Active."""
    invitation = find(actor, catalog, identifier, perms.ACCEPT_CONNECTION_INVITATION, lock=True)
    company = company_of(actor)
    _answerable(invitation, company, as_sender=False)
    connection = _connect(invitation)
    invitation.connection = connection
    _answered(invitation, InvitationStatus.ACCEPTED)
    _record(actor, "AcceptConnectionInvitation", company, invitation)
    return connection


def _connect(invitation: ConnectionInvitation) -> Connection:
    sender, receiver = invitation.sender, invitation.receiver
    for company in (sender, receiver):
        held = ConnectionTypeDetail.objects.filter(
            Q(connection__first=company) | Q(connection__second=company),
            status=TypeStatus.ACTIVE,
        )
        if held.count() >= MAX_ACTIVE:
            raise QuotaExceeded(
                _("A company may hold %(count)s active connections.") % {"count": MAX_ACTIVE},
                "LIMIT_EXCEEDED_NUMBER_OF_ACTIVE_CONNECTION",
            )
    first, second = sorted((sender, receiver), key=lambda c: c.pk)
    now = timezone.now()
    connection, _made = Connection.objects.select_for_update().get_or_create(
        catalog=invitation.catalog, first=first, second=second
    )
    detail, made = ConnectionTypeDetail.objects.get_or_create(
        connection=connection,
        connection_type=invitation.connection_type,
        defaults={
            "inviter_name": invitation.inviter_name,
            "inviter_email": invitation.inviter_email,
        },
    )
    if not made:
        if detail.status == TypeStatus.ACTIVE:
            raise Conflict(
                _("Your companies already have this connection."),
                "Connection",
                connection.public_id,
                "DUPLICATE_CONNECTION",
            )
        detail.status, detail.created_at = TypeStatus.ACTIVE, now
        detail.inviter_name, detail.inviter_email = (
            invitation.inviter_name,
            invitation.inviter_email,
        )
        detail.canceled_at, detail.canceled_by, detail.cancel_reason = None, None, ""
        detail.save()
    connection.updated_at = now
    connection.save(update_fields=["updated_at"])
    return connection


@transaction.atomic
def reject_invitation(
    actor: Actor, catalog: str, identifier: str, reason: str = ""
) -> ConnectionInvitation:
    invitation = find(actor, catalog, identifier, perms.REJECT_CONNECTION_INVITATION, lock=True)
    company = company_of(actor)
    _answerable(invitation, company, as_sender=False)
    _answered(invitation, InvitationStatus.REJECTED, reason)
    _record(actor, "RejectConnectionInvitation", company, invitation)
    return invitation


@transaction.atomic
def cancel_invitation(actor: Actor, catalog: str, identifier: str) -> ConnectionInvitation:
    invitation = find(actor, catalog, identifier, perms.CANCEL_CONNECTION_INVITATION, lock=True)
    company = company_of(actor)
    _answerable(invitation, company, as_sender=True)
    _answered(invitation, InvitationStatus.CANCELED)
    _record(actor, "CancelConnectionInvitation", company, invitation)
    return invitation

"""Inviting colleagues: signed links that expire and work once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.access.grants import grantable_roles
from allyport.access.model import access_model
from allyport.accounts.models import Invitation, User
from allyport.accounts.services.refusals import records_refusals
from allyport.accounts.services.registration import (
    Person,
    RegistrationError,
    email_taken,
    register_user,
    removed_member,
)
from allyport.audit import services as audit
from allyport.core import mail

SALT = "allyport.invitation"
MAX_LISTED = 10  # emails named in the record of a refused invitation


class InvitationError(Exception):
    pass


@dataclass
class InviteRow:
    email: str
    roles: list[str]


def token_for(invitation: Invitation) -> str:
    return signing.dumps(invitation.public_id, salt=SALT)


def row_problems(actor: Actor, row: InviteRow) -> dict[str, str]:
    """What is wrong with one row, by field; empty when it can be sent."""
    problems: dict[str, str] = {}
    assert actor.company is not None
    domains = set(actor.company.domains.values_list("domain", flat=True))
    if row.email.rsplit("@", 1)[-1] not in domains:
        problems["email"] = _("Use an address in one of your company's domains: %(d)s.") % {
            "d": ", ".join(sorted(domains))
        }
    elif removed_member(row.email, actor.company) is None and email_taken(row.email):
        problems["email"] = _("This person is already registered.")
    if not row.roles:
        problems["roles"] = _("Choose at least one role.")
    refused = set(row.roles) - grantable_roles(actor)
    if refused:
        names = ", ".join(access_model().role_name(r) for r in sorted(refused))
        problems["roles"] = _("You cannot grant: %(roles)s.") % {"roles": names}
    return problems


@records_refusals(
    "InvitePartnerUser", lambda a: {"emails": [row.email for row in a["rows"]][:MAX_LISTED]}
)
def invite_users(actor: Actor, rows: list[InviteRow]) -> list[Invitation]:
    """Create one invitation per row and email its link. Rows must be checked first."""
    require(actor, "invite_users")
    assert actor.company is not None
    now = timezone.now()
    created = []
    with transaction.atomic():
        for row in rows:
            Invitation.objects.filter(
                company=actor.company, email=row.email, accepted_at=None, revoked_at=None
            ).update(revoked_at=now)
            invitation = Invitation.objects.create(
                public_id=str(uuid.uuid4()),
                company=actor.company,
                email=row.email,
                roles=row.roles,
                invited_by=actor.user,
                expires_at=now + timedelta(days=settings.ALLYPORT_INVITATION_DAYS),
            )
            audit.record(
                actor,
                "InvitePartnerUser",
                request_parameters={"email": row.email, "roles": row.roles},
                response_elements={"invitationId": invitation.public_id},
            )
            _send(actor, invitation)
            created.append(invitation)
    return created


def _send(actor: Actor, invitation: Invitation) -> None:
    link = settings.ALLYPORT_PUBLIC_URL + reverse(
        "accounts:accept_invitation", args=[token_for(invitation)]
    )
    mail.send(
        "accounts/email/invitation",
        invitation.email,
        {
            "link": link,
            "company": invitation.company.legal_name,
            "inviter": actor.user.full_name if actor.user else "",
            # Lazy: named in the invitee's language when the message is rendered.
            "roles": [gettext_lazy(access_model().roles[r].name) for r in invitation.roles],
            "days": settings.ALLYPORT_INVITATION_DAYS,
        },
    )


def invitation_from_token(token: str) -> Invitation:
    max_age = timedelta(days=settings.ALLYPORT_INVITATION_DAYS)
    try:
        public_id = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise InvitationError(_("This invitation has expired. Ask for a new one.")) from exc
    except signing.BadSignature as exc:
        raise InvitationError(_("This invitation link is not valid.")) from exc
    invitation = Invitation.objects.select_related("company").filter(public_id=public_id).first()
    if invitation is None:
        raise InvitationError(_("This invitation link is not valid."))
    _check_usable(invitation)
    return invitation


def _check_usable(invitation: Invitation) -> None:
    if invitation.accepted_at is not None:
        raise InvitationError(_("This invitation has already been used. Sign in instead."))
    if invitation.revoked_at is not None:
        raise InvitationError(_("This invitation was withdrawn. Ask for a new one."))
    if invitation.expires_at <= timezone.now():
        raise InvitationError(_("This invitation has expired. Ask for a new one."))


def accept_invitation(actor: Actor, token: str, person: Person) -> User:
    """Register the invited person with the invited roles; the link then stops working."""
    with transaction.atomic():
        invitation = invitation_from_token(token)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        _check_usable(invitation)
        if person.email != invitation.email:
            raise RegistrationError(_("Register with the invited address."), "email")
        user = register_user(
            actor,
            person,
            invitation.company,
            invitation.roles,
            event_name="AcceptInvitation",
            invited=True,
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user

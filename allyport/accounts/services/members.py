"""Changes to a company's members: remove, deactivate and reactivate, MFA, requests to
change the alliance lead, revoking invitations.

Each takes the Actor first, checks the right with `require` (PermissionDenied),
refuses bad input with ChangeRefused, and writes its audit record in the same
transaction; a refusal is recorded too, with its reason (`records_refusals`). Users
are looked up through the actor's company only, so another company's user is "not
found" like a missing one.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.access.grants import LEAD
from allyport.access.models import RoleAssignment
from allyport.accounts import selectors
from allyport.accounts.models import AllianceLeadChangeRequest, Company, Invitation, User
from allyport.accounts.services.refusals import records_refusals
from allyport.accounts.services.roles import lock_company
from allyport.audit import services as audit
from allyport.core import mail
from allyport.core.confirm import require_confirm
from allyport.core.errors import ChangeRefused

MAX_MESSAGE = 2000


def _member(company: Company, user_id: str) -> User:
    """A user of `company` that is not removed, else ChangeRefused("not found")."""
    user = (
        User.objects.filter(company=company, public_id=user_id)
        .exclude(status=User.Status.REMOVED)
        .first()
    )
    if user is None:
        raise ChangeRefused(_("not found"))
    return user


def _check_not_lead_or_self(actor: Actor, user: User) -> None:
    if RoleAssignment.objects.filter(user=user, role=LEAD).exists():
        raise ChangeRefused(_("Reassign the alliance lead role before removing this user."))
    if actor.user is not None and user.pk == actor.user.pk:
        raise ChangeRefused(_("You cannot remove or deactivate yourself."))


def _user_params(user: User) -> dict[str, str]:
    return {"userId": user.public_id, "email": user.email}


@records_refusals("RemovePartnerUser", lambda a: {"userId": a["user_id"]})
def remove_user(actor: Actor, user_id: str, confirm: str) -> None:
    """Remove a member: access ends at once (inactive, no roles, their pending
    invitations revoked); the user row and its records stay, shown as removed."""
    require(actor, "remove_users")
    require_confirm(confirm)
    assert actor.company is not None
    with transaction.atomic():
        company = lock_company(actor.company)
        user = _member(company, user_id)
        _check_not_lead_or_self(actor, user)
        roles = list(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
        RoleAssignment.objects.filter(user=user).delete()
        Invitation.objects.filter(
            company=company, invited_by=user, accepted_at=None, revoked_at=None
        ).update(revoked_at=timezone.now())
        User.objects.filter(pk=user.pk).update(status=User.Status.REMOVED, is_active=False)
        audit.record(
            actor,
            "RemovePartnerUser",
            request_parameters=_user_params(user),
            additional_event_data={"removedRoles": sorted(roles)},
        )


@records_refusals(
    lambda a: "ReactivatePartnerUser" if a["active"] else "DeactivatePartnerUser",
    lambda a: {"userId": a["user_id"]},
)
def set_user_active(actor: Actor, user_id: str, active: bool) -> None:
    """Deactivate a member (remove_users right) or reactivate one (alliance lead only).

    A deactivated user keeps their roles but cannot sign in.
    """
    # Reactivation is the lead's alone; reassign_alliance_lead is the lead-only right.
    require(actor, "reassign_alliance_lead" if active else "remove_users")
    assert actor.company is not None
    with transaction.atomic():
        company = lock_company(actor.company)
        user = _member(company, user_id)
        if active and user.status != User.Status.DEACTIVATED:
            raise ChangeRefused(_("This user is not deactivated."))
        if not active:
            _check_not_lead_or_self(actor, user)
            if user.status != User.Status.ACTIVE:
                raise ChangeRefused(_("This user is already deactivated."))
        status = User.Status.ACTIVE if active else User.Status.DEACTIVATED
        User.objects.filter(pk=user.pk).update(status=status, is_active=active)
        event = "ReactivatePartnerUser" if active else "DeactivatePartnerUser"
        audit.record(actor, event, request_parameters=_user_params(user))


@records_refusals("UpdateMfaSetting", lambda a: {"mfaEnabled": a["enabled"]})
def update_mfa(actor: Actor, enabled: bool) -> None:
    """Turn the company's MFA on or off; it applies from each member's next sign-in."""
    require(actor, "manage_mfa")
    assert actor.company is not None
    with transaction.atomic():
        company = lock_company(actor.company)
        company.mfa_enabled = enabled
        company.save(update_fields=["mfa_enabled"])
        actor.company.mfa_enabled = enabled
        audit.record(actor, "UpdateMfaSetting", request_parameters={"mfaEnabled": enabled})


@records_refusals("RequestAllianceLeadChange", lambda a: {"message": str(a["message"] or "")[:200]})
def request_alliance_lead_change(actor: Actor, message: str) -> AllianceLeadChangeRequest:
    """Record a member's request to change the alliance lead and email the lead;
    staff see the requests in the admin."""
    require(actor, "request_alliance_lead_change")
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE:
        raise ChangeRefused(
            _("Keep the message under %(n)d characters.") % {"n": MAX_MESSAGE}, field="message"
        )
    assert actor.company is not None
    with transaction.atomic():
        request = AllianceLeadChangeRequest.objects.create(
            company=actor.company, requested_by=actor.user, message=message
        )
        audit.record(
            actor,
            "RequestAllianceLeadChange",
            request_parameters={"message": message},
            response_elements={"requestId": request.pk},
        )
        lead = selectors.alliance_lead(actor)
        if lead is not None:
            mail.send(
                "accounts/email/lead_change_request",
                lead.email,
                {
                    "requester": actor.user.full_name if actor.user else "",
                    "requester_email": actor.user.email if actor.user else "",
                    "company": actor.company.legal_name,
                    "message": message,
                },
            )
    return request


@records_refusals("RevokeInvitation", lambda a: {"invitationId": a["invitation_id"]})
def revoke_invitation(actor: Actor, invitation_id: str) -> None:
    """Withdraw a pending invitation of the actor's company; its link stops working."""
    require(actor, "invite_users")
    assert actor.company is not None
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(company=actor.company, public_id=invitation_id)
            .first()
        )
        if invitation is None:
            raise ChangeRefused(_("not found"))
        if not invitation.is_pending:
            raise ChangeRefused(_("This invitation is no longer pending."))
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit.record(
            actor,
            "RevokeInvitation",
            request_parameters={"invitationId": invitation.public_id, "email": invitation.email},
        )

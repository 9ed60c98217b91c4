"""Reads scoped to the actor's company."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.access.models import RoleAssignment
from allyport.accounts.models import Invitation, User


def company_users(actor: Actor) -> QuerySet[User]:
    assert actor.company is not None
    return (
        User.objects.filter(company=actor.company)
        .prefetch_related(
            Prefetch("role_assignments", queryset=RoleAssignment.objects.only("user_id", "role"))
        )
        .order_by("email")
    )


def pending_invitations(actor: Actor) -> QuerySet[Invitation]:
    assert actor.company is not None
    return Invitation.objects.filter(
        company=actor.company,
        accepted_at=None,
        revoked_at=None,
        expires_at__gt=timezone.now(),
    ).order_by("-created_at")

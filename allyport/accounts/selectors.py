"""Reads scoped to the actor's company: another company's rows are never returned."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.access.grants import LEAD
from allyport.access.models import RoleAssignment
from allyport.accounts.models import Invitation, User


def _roles_prefetch() -> Prefetch:
    return Prefetch(
        "role_assignments", queryset=RoleAssignment.objects.only("user_id", "role").order_by("pk")
    )


def company_users(
    actor: Actor, *, role: str = "", status: str = "", query: str = "", with_roles: bool = True
) -> QuerySet[User]:
    """The company's users, filtered by role, status and a search of name and email (every
    word must match); with their roles prefetched unless `with_roles` is false."""
    assert actor.company is not None
    users = User.objects.filter(company=actor.company)
    if role:
        users = users.filter(role_assignments__role=role)
    if status:
        users = users.filter(status=status)
    for word in query.split():
        users = users.filter(
            Q(email__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word)
        )
    users = users.order_by("email")
    return users.prefetch_related(_roles_prefetch()) if with_roles else users


def role_keys_by_user(users: Iterable[User]) -> dict[int, set[str]]:
    """The role keys of each of `users`, in one query (lighter than a prefetch for a
    page of rows that only shows them)."""
    held: dict[int, set[str]] = {user.pk: set() for user in users}
    rows = RoleAssignment.objects.filter(user_id__in=list(held)).values_list("user_id", "role")
    for user_id, role in rows:
        held[user_id].add(role)
    return held


def company_user(actor: Actor, public_id: str) -> User | None:
    """One user of the actor's company by public id (None when missing or another's)."""
    assert actor.company is not None
    return (
        User.objects.filter(company=actor.company, public_id=public_id)
        .prefetch_related(_roles_prefetch())
        .first()
    )


def users_by_ids(actor: Actor, public_ids: Iterable[str]) -> dict[str, User]:
    """The actor's company users among `public_ids`, by public id, roles prefetched."""
    return {
        user.public_id: user for user in company_users(actor).filter(public_id__in=list(public_ids))
    }


def active_members(actor: Actor) -> QuerySet[User]:
    assert actor.company is not None
    return User.objects.filter(
        company=actor.company, status=User.Status.ACTIVE, is_active=True
    ).order_by("email")


def alliance_lead(actor: Actor) -> User | None:
    assert actor.company is not None
    return User.objects.filter(company=actor.company, role_assignments__role=LEAD).first()


def pending_invitations(actor: Actor) -> QuerySet[Invitation]:
    assert actor.company is not None
    return Invitation.objects.filter(
        company=actor.company,
        accepted_at=None,
        revoked_at=None,
        expires_at__gt=timezone.now(),
    ).order_by("-created_at")


def company_invitation(actor: Actor, public_id: str) -> Invitation | None:
    assert actor.company is not None
    return Invitation.objects.filter(company=actor.company, public_id=public_id).first()

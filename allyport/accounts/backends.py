"""The one authentication backend: allauth's (email sign-in, rate limits), loading the
user's company and roles with the user in one query, since every signed-in page
needs all three."""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend

from allyport.access.models import RoleAssignment
from allyport.accounts.models import User

PATH = "allyport.accounts.backends.MemberBackend"


class MemberBackend(AuthenticationBackend):
    def get_user(self, user_id: Any) -> User | None:
        user = _member_with_roles(user_id) or _user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


def _member_with_roles(user_id: Any) -> User | None:
    """A member with at least one role: one row per role, each joined to its user and
    company. The roles are kept on the user for the request's Actor."""
    rows = list(RoleAssignment.objects.filter(user_id=user_id).select_related("user__company"))
    if not rows:
        return None
    user = rows[0].user
    user.loaded_roles = frozenset(row.role for row in rows)  # type: ignore[attr-defined]
    return user


def _user(user_id: Any) -> User | None:
    """A user without roles: staff, or a removed member."""
    try:
        return User.objects.select_related("company").get(pk=user_id)
    except (User.DoesNotExist, ValueError):
        return None

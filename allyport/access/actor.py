"""Who acts: the first argument of every service."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from allyport.accounts.models import Company, User
    from allyport.cloud.principals import IamPrincipal


@dataclass(frozen=True)
class Actor:
    """A portal user, a staff operator, an IAM principal of the embedded cloud,
    the system, or nobody yet (anonymous).

    `roles`, `paths` and `stage` are read once when the actor is built, so one
    request makes one decision set, whatever changes meanwhile.
    """

    kind: str  # "user" | "staff" | "iam" | "system" | "anonymous"
    user: User | None = None
    company: Company | None = None
    roles: frozenset[str] = frozenset()
    paths: frozenset[str] = frozenset()
    stage: str | None = None
    source_ip: str = ""
    user_agent: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # The IAM user or role session acting (kind "iam"), or the role a portal user's
    # action runs as in the cloud account (mapping runs as the cloud admin role).
    iam: IamPrincipal | None = None

    @property
    def is_member(self) -> bool:
        return self.kind == "user" and self.company is not None

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.email
        return self.kind


def anonymous(source_ip: str = "", user_agent: str = "") -> Actor:
    return Actor(kind="anonymous", source_ip=source_ip, user_agent=user_agent)


def system() -> Actor:
    return Actor(kind="system", source_ip="allyport.internal", user_agent="allyport")


def for_user(user: User, source_ip: str = "", user_agent: str = "") -> Actor:
    """Build the actor for a signed-in portal user (one query for the roles)."""
    from allyport.access.models import RoleAssignment

    company = user.company
    # The sign-in backend loads the roles with the user; anything else asks now.
    roles = getattr(user, "loaded_roles", None)
    if roles is None:
        roles = frozenset(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
    kind = "user" if company is not None else ("staff" if user.is_staff else "anonymous")
    return Actor(
        kind=kind,
        user=user,
        company=company,
        roles=roles,
        paths=frozenset(company.paths) if company else frozenset(),
        stage=company.stage if company else None,
        source_ip=source_ip,
        user_agent=user_agent[:1024],
    )

"""Who acts: the first argument of every service."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from allyport.accounts.models import Company, User
    from allyport.cloud.principals import IamPrincipal


class ActorKind(StrEnum):
    """Who acts. Values are the words stored and compared before the enum existed."""

    MEMBER = "user"  # a signed-in user of a partner company
    STAFF = "staff"  # an operator of the program (the admin, operator commands)
    IAM = "iam"  # an IAM user or role session of the embedded cloud (API keys, jobs they start)
    SYSTEM = "system"  # Allyport itself: periodic work, sweeps
    ANONYMOUS = "anonymous"  # nobody signed in yet


SYSTEM_ADDRESS = "allyport.internal"
SYSTEM_AGENT = "allyport"


@dataclass(frozen=True)
class Actor:
    """A portal user, a staff operator, an IAM principal of the embedded cloud,
    the system, or nobody yet (anonymous).

    `roles`, `paths` and `stage` are read once when the actor is built, so one
    request makes one decision set, whatever changes meanwhile.
    """

    kind: ActorKind
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
        return self.kind == ActorKind.MEMBER and self.company is not None

    @property
    def is_iam(self) -> bool:
        return self.kind == ActorKind.IAM

    # -- factories: the only ways an Actor is made -------------------------------------

    @classmethod
    def for_member(cls, user: User, source_ip: str = "", user_agent: str = "") -> Actor:
        """A signed-in portal user (one query for the roles unless the sign-in loaded
        them); a user without a company acts as staff or nobody."""
        return for_user(user, source_ip, user_agent)

    @classmethod
    def for_iam(
        cls,
        principal: IamPrincipal,
        company: Company | None,
        *,
        source_ip: str = "",
        user_agent: str = "",
        user: User | None = None,
    ) -> Actor:
        """An IAM principal acting for `company` (the one its account is linked to), or a
        portal `user`'s action run in the cloud account as `principal`."""
        return cls(
            kind=ActorKind.IAM,
            user=user,
            company=company,
            paths=frozenset(company.paths or ()) if company is not None else frozenset(),
            stage=company.stage if company is not None else None,
            iam=principal,
            source_ip=source_ip,
            user_agent=user_agent[:1024],
        )

    @classmethod
    def for_staff(cls, user: User, source_ip: str = "", user_agent: str = "") -> Actor:
        """A staff operator, whatever company their own user may belong to."""
        return cls(
            kind=ActorKind.STAFF, user=user, source_ip=source_ip, user_agent=user_agent[:1024]
        )

    @classmethod
    def system(cls) -> Actor:
        return cls(kind=ActorKind.SYSTEM, source_ip=SYSTEM_ADDRESS, user_agent=SYSTEM_AGENT)

    @classmethod
    def anonymous(cls, source_ip: str = "", user_agent: str = "") -> Actor:
        return cls(kind=ActorKind.ANONYMOUS, source_ip=source_ip, user_agent=user_agent[:1024])

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.email
        return self.kind


def anonymous(source_ip: str = "", user_agent: str = "") -> Actor:
    return Actor.anonymous(source_ip, user_agent)


def system() -> Actor:
    return Actor.system()


def for_user(user: User, source_ip: str = "", user_agent: str = "") -> Actor:
    """Build the actor for a signed-in portal user (one query for the roles)."""
    from allyport.access.models import RoleAssignment

    company = user.company
    # The sign-in backend loads the roles with the user; anything else asks now.
    roles = getattr(user, "loaded_roles", None)
    if roles is None:
        roles = frozenset(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
    if company is not None:
        kind = ActorKind.MEMBER
    else:
        kind = ActorKind.STAFF if user.is_staff else ActorKind.ANONYMOUS
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

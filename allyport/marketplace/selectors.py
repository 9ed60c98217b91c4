"""Reads of the marketplace app, scoped to the actor's company first."""

from __future__ import annotations

from dataclasses import dataclass

from allyport.access.actor import Actor
from allyport.access.decisions import authorize
from allyport.accounts.models import User
from allyport.cloud.models import IamRole
from allyport.marketplace.models import AccountLink, CrmIntegrationRole, RoleMapping, UnlinkRequest


def company_link(actor: Actor) -> AccountLink | None:
    if actor.company is None:
        return None
    return (
        AccountLink.objects.select_related(
            "account", "company", "cloud_admin_role", "alliance_role", "ace_role"
        )
        .filter(company=actor.company)
        .first()
    )


@dataclass(frozen=True)
class MappingRow:
    user: User
    roles: frozenset[str]
    iam_role: IamRole | None

    @property
    def is_cloud_admin(self) -> bool:
        return "cloud_admin" in self.roles

    @property
    def label(self) -> str:
        name = f"{self.user.first_name} {self.user.last_name}".strip()
        return f"{name} <{self.user.email}>" if name else self.user.email


def mapping_rows(link: AccountLink) -> list[MappingRow]:
    """The company's active users with their partner roles and mapped IAM role
    (three queries, whatever the number of users)."""
    users = list(
        User.objects.filter(company=link.company, status=User.Status.ACTIVE, is_active=True)
        .prefetch_related("role_assignments")
        .order_by("email")
    )
    mapped = {
        m.user_id: m.role
        for m in RoleMapping.objects.filter(company=link.company).select_related("role")
    }
    return [
        MappingRow(u, frozenset(ra.role for ra in u.role_assignments.all()), mapped.get(u.pk))
        for u in users
    ]


def crm_role(link: AccountLink) -> IamRole | None:
    mapping = CrmIntegrationRole.objects.filter(company=link.company).select_related("role").first()
    return mapping.role if mapping else None


@dataclass(frozen=True)
class HomeSummary:
    """The AWS Marketplace section of the home page."""

    account_id: str | None
    unlinking_case_id: str | None
    can_link: bool
    can_view_events: bool


def home_summary(actor: Actor) -> HomeSummary:
    """One query when unlinked, two when linked: the home page stays cheap."""
    account_id = (
        AccountLink.objects.filter(company=actor.company)
        .values_list("account__account_id", flat=True)
        .first()
    )
    case_id = None
    if account_id is not None:
        case_id = (
            UnlinkRequest.objects.filter(link_company=actor.company, status=UnlinkRequest.OPEN)
            .values_list("case__case_id", flat=True)
            .first()
        )
    return HomeSummary(
        account_id,
        case_id,
        bool(authorize(actor, "link_marketplace_account")),
        bool(authorize(actor, "view_event_history")),
    )

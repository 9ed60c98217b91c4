"""What linking creates and what it needs, from the guide's "Prerequisites" and
"Linking your account": three IAM roles with their managed policies, and the
permissions of the guide's PartnerAccountManagement policy.

The signed-in IAM user's policies are evaluated against every request below, so
a missing permission is named before anything is created.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import ngettext

from allyport.cloud import managed
from allyport.cloud.guide import partner_trust_policy
from allyport.cloud.principals import SERVICE, IamPrincipal

ROLE_PREFIX = "PartnerCentralRoleFor"
# The trust policy the guide prints for roles Allyport may map.
TRUST_POLICY = partner_trust_policy()
SELLER_ACTIONS = (
    "aws-marketplace:ListChangeSets",
    "aws-marketplace:DescribeChangeSet",
    "aws-marketplace:StartChangeSet",
    "aws-marketplace:ListEntities",
    "aws-marketplace:DescribeEntity",
)
# What a cloud admin's role needs to map users (the managed policy
# PartnerCentralAccountManagementUserRoleAssociation grants it).
MAPPING_ACTIONS = ("iam:ListRoles", "partnercentral-account-management:AssociatePartnerUser")
UNMAPPING_ACTIONS = ("partnercentral-account-management:DisassociatePartnerUser",)


@dataclass(frozen=True)
class PlannedRole:
    kind: str  # "CloudAdmin" | "Alliance" | "Ace"
    label: str
    policies: tuple[str, ...]  # managed policy names

    def name(self, suffix: str) -> str:
        return f"{ROLE_PREFIX}{self.kind}-{suffix}"

    def policy_arns(self) -> list[str]:
        return [managed.managed_policy(name).arn for name in self.policies]


PLANNED_ROLES = (
    PlannedRole(
        "CloudAdmin",
        "CloudAdmin",
        (
            "PartnerCentralAccountManagementUserRoleAssociation",
            "AWSPartnerCentralFullAccess",
            "AWSMarketplaceSellerFullAccess",
        ),
    ),
    PlannedRole(
        "Alliance", "Alliance", ("AWSPartnerCentralFullAccess", "AWSMarketplaceSellerFullAccess")
    ),
    PlannedRole(
        "Ace",
        "ACE",
        ("AWSPartnerCentralOpportunityManagement", "AWSMarketplaceSellerOfferManagement"),
    ),
)


def role_suffix(company_public_id: str) -> str:
    """A stable suffix per company, so a company that links again reuses its roles."""
    return company_public_id.removeprefix("partner-")[:8]


@dataclass(frozen=True)
class Need:
    action: str
    resource: str = "*"
    context: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        text = f"{self.action} on {self.resource}"
        for key, value in self.context:
            text += f" with {key} = {value}"
        return text


def linking_needs(account_id: str, suffix: str) -> list[Need]:
    needs = []
    for planned in PLANNED_ROLES:
        arn = f"arn:aws:iam::{account_id}:role/{planned.name(suffix)}"
        needs.append(Need("iam:CreateRole", arn))
        needs += [
            Need("iam:AttachRolePolicy", arn, (("iam:PolicyARN", policy),))
            for policy in planned.policy_arns()
        ]
    needs.append(Need("partnercentral-account-management:AssociatePartnerAccount"))
    needs += [Need(action) for action in SELLER_ACTIONS]
    return needs


def mapping_needs(role_arn: str, unmap: bool = False) -> list[Need]:
    if unmap:
        return [Need(action) for action in UNMAPPING_ACTIONS]
    passed = (("iam:PassedToService", SERVICE),)
    return [Need("iam:PassRole", role_arn, passed)] + [Need(a) for a in MAPPING_ACTIONS]


def missing(principal: IamPrincipal, needs: list[Need]) -> list[str]:
    """Each need the principal's policies do not allow, described for people."""
    return [
        need.describe()
        for need in needs
        if not principal.check(need.action, need.resource, dict(need.context)).allowed
    ]


def missing_message(principal: IamPrincipal, gaps: list[str]) -> str:
    return ngettext(
        "%(arn)s lacks %(count)d permission: %(list)s",
        "%(arn)s lacks %(count)d permissions: %(list)s",
        len(gaps),
    ) % {
        "arn": principal.arn,
        "count": len(gaps),
        "list": "; ".join(gaps),
    }

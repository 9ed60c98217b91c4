"""Tenancy and rights of funding: whose applications an actor sees, the ARNs that name
them, and the one place every service asks before it looks anything up.

Every read filters by the actor's company and the catalog first; another company's
record, the other catalog's and a missing one are the same NotFound.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils.translation import gettext as _

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import Decision, Permission, PermissionDenied, Target, require
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, NotFound, refuse
from allyport.funding.models import Catalog
from allyport.funding.permissions import PORTAL_MENU
from allyport.pipeline.selectors import linked_account_id

APPLICATION, ALLOCATION, BENEFIT = "benefit-application", "benefit-allocation", "benefit"
RESOURCE_NAMES = {
    APPLICATION: "BenefitApplication",
    ALLOCATION: "BenefitAllocation",
    BENEFIT: "Benefit",
}
ID_PATTERNS = {
    APPLICATION: r"benappl-[0-9a-z]{14}",
    ALLOCATION: r"benalloc-[0-9a-z]{14}",
    BENEFIT: r"ben-[0-9a-z]{14}",
}
ARN = re.compile(
    r"^arn:aws:partnercentral:(?P<region>[a-z0-9\-]*):(?P<account>[0-9]{12})?:"
    r"catalog/(?P<catalog>[A-Za-z]+)/(?P<type>[a-z-]+)/(?P<id>[0-9A-Za-z\-]+)$"
)


def check_catalog(catalog: str) -> str:
    if catalog not in Catalog.values:
        raise refuse("Catalog", _("Catalog must be AWS or Sandbox."), reason=REQUEST)
    return catalog


def resource_arn(kind: str, catalog: str, identifier: str, account_id: str) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account_id}:"
        f"catalog/{catalog}/{kind}/{identifier}"
    )


def benefit_arn(catalog: str, identifier: str) -> str:
    """Benefits are the program's, not a partner's: no account in their ARN."""
    return resource_arn(BENEFIT, catalog, identifier, "")


def company_arn(kind: str, catalog: str, identifier: str, company: Company) -> str:
    return resource_arn(kind, catalog, identifier, linked_account_id(company))


def member_company(actor: Actor) -> Company:
    if actor.company is None or actor.kind not in (ActorKind.MEMBER, ActorKind.IAM):
        raise PermissionDenied(Decision(False, _("sign in as a member of a partner company")))
    return actor.company


def target(actor: Actor, kind: str, catalog: str, identifier: str = "") -> Target:
    """The resource as policies name it: the ARN given, the one the id makes, or "*"."""
    if not identifier:
        return Target(arn="*", catalog=catalog)
    if identifier.startswith("arn:"):
        return Target(arn=identifier, catalog=catalog)
    account = actor.iam.account_id if actor.iam is not None else ""
    account = "" if kind == BENEFIT else account
    return Target(arn=resource_arn(kind, catalog, identifier, account), catalog=catalog)


def require_funding(actor: Actor, permission: Permission, where: Target) -> Company:
    """The actor's company once `permission` is granted: IAM principals by their
    policies on `where`; members by the permission's right, or (reads) by seeing the
    Funding Portal."""
    company = member_company(actor)
    if actor.is_iam:
        require(actor, permission, Target(company=company.pk, arn=where.arn, catalog=where.catalog))
    else:
        require(actor, permission.member or PORTAL_MENU)
    return company


def public_id(kind: str, catalog: str, identifier: str, account_id: str | None) -> str:
    """The id an identifier names: the id itself, or the id of an ARN of this `kind`, in
    this catalog and (for a company's resources) this account; NotFound otherwise."""
    name = RESOURCE_NAMES[kind]
    if not identifier.startswith("arn:"):
        if re.fullmatch(ID_PATTERNS[kind], identifier) is None:
            raise NotFound(name, identifier)
        return identifier
    match = ARN.match(identifier)
    if (
        match is None
        or match["type"] != kind
        or match["catalog"] != catalog
        or re.fullmatch(ID_PATTERNS[kind], match["id"]) is None
        or (account_id is not None and (match["account"] or "") != account_id)
    ):
        raise NotFound(name, identifier)
    return match["id"]

"""Who may see which opportunities: the one tenancy and rights check of the pipeline.

Portal users: the access model's rights. Holders of "manage all" see every
opportunity of their company; holders of only "manage owned" see the ones they
own. IAM callers (the selling API and the jobs it starts): `authorize` asks the
policy evaluator for the operation's Permission (`permissions.py`) on the
resource's ARN, before anything is looked up; allowed, they act on all of their
company's opportunities in the catalog. An operation's Permission without an IAM
action refuses them; look-ups inside an operation already decided use
`pipeline_company`. Everything filters by company and catalog first.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import (
    Decision,
    Permission,
    PermissionDenied,
    Target,
    authorize,
    require,
)
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, NotFound, refuse
from allyport.pipeline.enums import Catalog
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.arns import opportunity_arn
from allyport.pipeline.solutions.models import Solution

MANAGE_ALL = "manage_all_opportunities_and_leads"
MANAGE_OWNED = "manage_owned_opportunities_and_leads"
SUBMIT = "submit_opportunities"
MANAGE_OFFERINGS = "manage_offerings"


def check_catalog(catalog: str) -> str:
    if catalog not in Catalog.values:
        raise refuse("Catalog", _("Catalog must be AWS or Sandbox."), reason=REQUEST)
    return catalog


def company_of(actor: Actor) -> Company:
    if actor.company is None or actor.kind not in (ActorKind.MEMBER, ActorKind.IAM):
        raise PermissionDenied(Decision(False, _("sign in as a member of a partner company")))
    return actor.company


def sees_all(actor: Actor) -> bool:
    """Whether the actor acts on every opportunity of its company (not only its own):
    IAM principals allowed the operation do; members holding "manage all" do."""
    return actor.is_iam or bool(authorize(actor, MANAGE_ALL))


def opportunity_target(actor: Actor, catalog: str, identifier: str = "") -> Target:
    """An opportunity as policies name it (catalog/<Catalog>/opportunity/<Id>); "*"
    without an identifier (creates, lists)."""
    account = actor.iam.account_id if actor.iam is not None else ""
    arn = opportunity_arn(catalog, identifier, account) if identifier else "*"
    return Target(arn=arn, catalog=catalog)


def require_pipeline(actor: Actor, permission: Permission, target: Target | None = None) -> Company:
    """The actor's company, once `permission`'s operation is authorized for it.

    Members need the member action unless they manage all; IAM principals need the
    policy's allow of the Permission's IAM action on `target` (a Permission without
    one refuses them)."""
    company = company_of(actor)
    if actor.is_iam:
        require(actor, permission, target or Target())
    elif not sees_all(actor):
        require(actor, permission.member or MANAGE_OWNED)
    return company


def pipeline_company(actor: Actor, action: str = MANAGE_OWNED) -> Company:
    """The actor's company for a look-up inside an operation already decided by its
    Permission (`require_pipeline`): members still need `action` unless they manage
    all; an IAM caller is not asked twice."""
    company = company_of(actor)
    if actor.is_member and not sees_all(actor):
        require(actor, action)
    return company


def opportunities(
    actor: Actor, catalog: str, permission: Permission | None = None, identifier: str = ""
) -> QuerySet[Opportunity]:
    """The opportunities the actor may see in this catalog (for `permission`'s
    operation, on the opportunity `identifier` names, when given)."""
    if permission is None:
        company = pipeline_company(actor)
    else:
        company = require_pipeline(
            actor, permission, opportunity_target(actor, catalog, identifier)
        )
    queryset = Opportunity.objects.filter(company=company, catalog=check_catalog(catalog))
    if not sees_all(actor):
        queryset = queryset.filter(owner=actor.user)
    return queryset


def find_opportunity(
    actor: Actor,
    catalog: str,
    identifier: str,
    *,
    lock: bool = False,
    permission: Permission | None = None,
) -> Opportunity:
    """The opportunity or NotFound (missing, another company's, the other catalog's,
    or not the member's own when they manage only owned ones), once `permission`'s
    operation is authorized on it (before the look-up: a refusal reveals nothing)."""
    queryset = opportunities(actor, catalog, permission, identifier)
    if lock:
        queryset = queryset.select_for_update()
    found = queryset.filter(public_id=identifier).first()
    if found is None:
        raise NotFound("Opportunity", identifier)
    return found


def solutions(actor: Actor, catalog: str) -> QuerySet[Solution]:
    """Every member with pipeline rights (to associate them) or offering rights sees them."""
    company = company_of(actor)
    if actor.kind == ActorKind.MEMBER and not (
        authorize(actor, MANAGE_OWNED) or authorize(actor, MANAGE_OFFERINGS)
    ):
        require(actor, MANAGE_OFFERINGS)
    return Solution.objects.filter(company=company, catalog=check_catalog(catalog))

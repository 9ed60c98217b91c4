"""Who may see which opportunities: the one tenancy and rights check of the pipeline.

Portal users: the access model's rights. Holders of "manage all" see every
opportunity of their company; holders of only "manage owned" see the ones they
own. IAM callers (the selling API): the policy evaluator has decided in the
handler; they then act on all of their company's opportunities in the catalog.
Everything filters by company and catalog first.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Decision, PermissionDenied, authorize, require
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, NotFound, refuse
from allyport.pipeline.enums import Catalog
from allyport.pipeline.opportunities.models import Opportunity
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
    if actor.company is None or actor.kind not in ("user", "iam"):
        raise PermissionDenied(Decision(False, _("sign in as a member of a partner company")))
    return actor.company


def sees_all(actor: Actor) -> bool:
    return actor.kind == "iam" or bool(authorize(actor, MANAGE_ALL))


def require_pipeline(actor: Actor, action: str = MANAGE_OWNED) -> Company:
    """The actor's company, once the portal right is checked (IAM: by the handler)."""
    company = company_of(actor)
    if actor.kind == "user" and not sees_all(actor):
        require(actor, action)
    return company


def opportunities(actor: Actor, catalog: str) -> QuerySet[Opportunity]:
    """The opportunities the actor may see in this catalog."""
    company = require_pipeline(actor)
    queryset = Opportunity.objects.filter(company=company, catalog=check_catalog(catalog))
    if not sees_all(actor):
        queryset = queryset.filter(owner=actor.user)
    return queryset


def find_opportunity(
    actor: Actor, catalog: str, identifier: str, *, lock: bool = False
) -> Opportunity:
    """The opportunity or NotFound (missing, another company's, the other catalog's,
    or not the member's own when they manage only owned ones)."""
    queryset = opportunities(actor, catalog)
    if lock:
        queryset = queryset.select_for_update()
    found = queryset.filter(public_id=identifier).first()
    if found is None:
        raise NotFound("Opportunity", identifier)
    return found


def solutions(actor: Actor, catalog: str) -> QuerySet[Solution]:
    """Every member with pipeline rights (to associate them) or offering rights sees them."""
    company = company_of(actor)
    if actor.kind == "user" and not (
        authorize(actor, MANAGE_OWNED) or authorize(actor, MANAGE_OFFERINGS)
    ):
        require(actor, MANAGE_OFFERINGS)
    return Solution.objects.filter(company=company, catalog=check_catalog(catalog))

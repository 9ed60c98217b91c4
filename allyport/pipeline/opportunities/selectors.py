"""Reads of single opportunities, scoped to the actor (GetOpportunity); the lists are
`listing` (ListOpportunities) and `search` (SearchOpportunities)."""

from __future__ import annotations

from allyport.access.actor import Actor
from allyport.access.decisions import Permission
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.permissions import GET_OPPORTUNITY
from allyport.pipeline.shared.scope import find_opportunity


def get_opportunity(
    actor: Actor, catalog: str, identifier: str, *, permission: Permission = GET_OPPORTUNITY
) -> Opportunity:
    """The opportunity, once the operation reading it (GetOpportunity unless the
    caller reads it to change it, e.g. a bulk update's UpdateOpportunity) is allowed."""
    return find_opportunity(actor, catalog, identifier, permission=permission)

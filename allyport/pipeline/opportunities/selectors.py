"""Reads of single opportunities, scoped to the actor (GetOpportunity); the lists are
`listing` (ListOpportunities) and `search` (SearchOpportunities)."""

from __future__ import annotations

from allyport.access.actor import Actor
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.scope import find_opportunity


def get_opportunity(actor: Actor, catalog: str, identifier: str) -> Opportunity:
    return find_opportunity(actor, catalog, identifier)

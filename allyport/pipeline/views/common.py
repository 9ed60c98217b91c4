"""What the pipeline's pages share: their menu items, the catalog switch, links to
opportunities, and the members who may own opportunities. Other apps' pages reach
the parts they share through `allyport.pipeline.web`."""

from __future__ import annotations

from django.http import QueryDict
from django.urls import reverse

from allyport.access.middleware import ActorRequest
from allyport.access.model import access_model
from allyport.accounts import selectors
from allyport.accounts.models import User
from allyport.pipeline.enums import Catalog
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.scope import MANAGE_ALL, MANAGE_OWNED

OPPORTUNITY_MANAGEMENT = "Sell/Opportunity Management"
OFFERINGS = "Build/Offerings"
LEADS_MANAGEMENT = "Market/Leads Management"


def catalog_of(request: ActorRequest) -> str:
    """The catalog the page works in: `?catalog=Sandbox`, AWS otherwise."""
    return Catalog.SANDBOX if request.GET.get("catalog") == Catalog.SANDBOX else Catalog.AWS


def posted(request: ActorRequest) -> QueryDict | None:
    """The form data of a POST (even an empty one), None for a GET."""
    return request.POST if request.method == "POST" else None


def catalog_query(catalog: str) -> str:
    return "?catalog=Sandbox" if catalog == Catalog.SANDBOX else ""


def opportunity_url(opportunity: Opportunity, name: str = "pipeline:opportunity") -> str:
    return reverse(name, args=[opportunity.public_id]) + catalog_query(opportunity.catalog)


def list_url(catalog: str) -> str:
    return reverse("pipeline:opportunities") + catalog_query(catalog)


def owner_candidates(request: ActorRequest) -> list[User]:
    """Active members holding a role that may own opportunities (ACE roles, the
    alliance team and lead, …), in email order."""
    actions = access_model().actions
    roles = set(actions[MANAGE_OWNED] or ()) | set(actions[MANAGE_ALL] or ())
    members = selectors.active_members(request.actor).filter(role_assignments__role__in=roles)
    return list(members.distinct().only("public_id", "email", "first_name", "last_name"))

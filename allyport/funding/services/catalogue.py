"""The benefits catalogue as partners read it (Funding Benefits, ListBenefits,
GetBenefit), and who is eligible for a benefit: its paths and lowest stage."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.model import access_model
from allyport.accounts.models import Company
from allyport.core import keyset
from allyport.core.errors import NotFound
from allyport.core.json_lists import ListHas
from allyport.core.listing import page_size
from allyport.funding.models import Benefit, BenefitStatus
from allyport.funding.permissions import GET_BENEFIT, LIST_BENEFITS
from allyport.funding.scope import BENEFIT, check_catalog, public_id, require_funding, target

ORDER = keyset.SortKey("public_id")


def benefits(actor: Actor, catalog: str) -> QuerySet[Benefit]:
    """Every benefit of the catalog (read once the caller may list them)."""
    require_funding(actor, LIST_BENEFITS, target(actor, BENEFIT, catalog))
    return Benefit.objects.filter(catalog=check_catalog(catalog))


def list_benefits(actor: Actor, catalog: str, params: dict[str, Any]) -> keyset.Page:
    """ListBenefits: Programs, FulfillmentTypes and Status filters, keyset pages."""
    queryset = benefits(actor, catalog)
    for program in params.get("Programs") or ():
        queryset = queryset.filter(ListHas("programs", (), program, contains=False))
    types = params.get("FulfillmentTypes") or ()
    if types:
        any_type = Q()
        for kind in types:
            any_type |= Q(ListHas("fulfillment_types", (), kind, contains=False))
        queryset = queryset.filter(any_type)
    if params.get("Status"):
        queryset = queryset.filter(status__in=params["Status"])
    query = {k: params.get(k) for k in ("Catalog", "Programs", "FulfillmentTypes", "Status")}
    return keyset.paginate(
        queryset,
        ORDER,
        descending=False,
        size=page_size(params.get("MaxResults")),
        token=params.get("NextToken"),
        query=query,
    )


def get_benefit(actor: Actor, catalog: str, identifier: str) -> Benefit:
    require_funding(actor, GET_BENEFIT, target(actor, BENEFIT, catalog, identifier))
    found = Benefit.objects.filter(
        catalog=check_catalog(catalog), public_id=public_id(BENEFIT, catalog, identifier, None)
    ).first()
    if found is None:
        raise NotFound("Benefit", identifier)
    return found


def ineligible_reasons(company: Company, benefit: Benefit) -> list[str]:
    """Why the company may not apply for the benefit (empty: it may). Tiers are shown
    in the catalogue but not checked: Allyport keeps no tier per company yet."""
    reasons = []
    if benefit.status != BenefitStatus.ACTIVE:
        reasons.append(_("This benefit is not open for applications."))
    paths = set(benefit.eligible_paths or ())
    if paths and not paths & set(company.paths or ()):
        reasons.append(_("Only for the %(paths)s path.") % {"paths": ", ".join(sorted(paths))})
    if benefit.min_stage:
        model = access_model()
        if model.stage_rank(company.stage) < model.stage_rank(benefit.min_stage):
            reasons.append(
                _("Your company must be %(stage)s or higher.") % {"stage": benefit.min_stage}
            )
    return reasons

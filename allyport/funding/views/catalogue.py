"""Funding > Funding Benefits ("Funding Benefits for AWS Partners"): the catalogue,
with each benefit's fund type, how it is paid, who is eligible and whether the
company is."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.funding.models import FundType
from allyport.funding.permissions import APPLY
from allyport.funding.services import catalogue
from allyport.funding.views.common import FUNDING_BENEFITS
from allyport.pipeline.web import catalog_of, catalog_query


@member_page(FUNDING_BENEFITS)
@require_GET
@service_refusals
def benefits(request: ActorRequest) -> HttpResponse:
    catalog = catalog_of(request)
    fund_type = request.GET.get("fund_type", "")
    queryset = catalogue.benefits(request.actor, catalog).filter(status="ACTIVE")
    if fund_type in FundType.values:
        queryset = queryset.filter(fund_type=fund_type)
    company = request.actor.company
    assert company is not None  # member_page: a member of a company
    rows = [(b, catalogue.ineligible_reasons(company, b)) for b in queryset]
    context = {
        "rows": rows,
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "fund_types": FundType.choices,
        "fund_type": fund_type,
        "may_apply": bool(authorize(request.actor, APPLY)),
    }
    return render(request, "funding/benefits.html", context)

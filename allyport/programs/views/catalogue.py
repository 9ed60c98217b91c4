"""Programs > AWS Partner Programs (the catalogue) and Solution Provider Resources."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from allyport.access.middleware import ActorRequest
from allyport.access.model import access_model
from allyport.access.views import member_page, service_refusals
from allyport.programs.permissions import PARTNER_PROGRAMS, SOLUTION_PROVIDER_RESOURCES
from allyport.programs.selectors import catalogue
from allyport.programs.views.common import company


@member_page(PARTNER_PROGRAMS)
@require_GET
def programs(request: ActorRequest) -> HttpResponse:
    path = request.GET.get("path", "")
    found = list(catalogue.published_programs())
    mine = company(request)
    rows = []
    for program in found:
        designations = [
            (d, catalogue.ineligibility(d, mine))
            for d in program.designations.all()
            if d.published and (not path or not d.paths or path in d.paths)
        ]
        if designations or not path:
            rows.append((program, designations))
    context = {"rows": rows, "path": path, "paths": access_model().paths}
    return render(request, "programs/programs.html", context)


@member_page(PARTNER_PROGRAMS)
@require_GET
@service_refusals
def program(request: ActorRequest, slug: str) -> HttpResponse:
    found = catalogue.find_program(slug)
    mine = company(request)
    designations = [
        (d, catalogue.ineligibility(d, mine)) for d in found.designations.all() if d.published
    ]
    resources = [r for r in found.resources.all() if r.published]
    context = {"program": found, "designations": designations, "resources": resources}
    return render(request, "programs/program.html", context)


@member_page(SOLUTION_PROVIDER_RESOURCES)
@require_GET
def resources(request: ActorRequest) -> HttpResponse:
    return render(request, "programs/resources.html", {"pages": catalogue.published_resources()})


@member_page(SOLUTION_PROVIDER_RESOURCES)
@require_GET
@service_refusals
def resource(request: ActorRequest, slug: str) -> HttpResponse:
    return render(request, "programs/resource.html", {"page": catalogue.find_resource(slug)})

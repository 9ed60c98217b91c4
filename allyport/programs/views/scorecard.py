"""My Company > Partner Scorecard (alliance lead, alliance team)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page
from allyport.programs.permissions import PARTNER_SCORECARD
from allyport.programs.selectors import certifications
from allyport.programs.selectors.scorecard import scorecard
from allyport.programs.selectors.scorecard_cache import cached_metrics


@member_page(PARTNER_SCORECARD)
@require_GET
def scorecard_page(request: ActorRequest) -> HttpResponse:
    company = request.actor.company
    cards, counts = scorecard(company, counts=cached_metrics(company))
    context = {
        "company": company,
        "cards": cards,
        "counts": counts,
        "delay_days": certifications.delay_days(),
    }
    return render(request, "programs/scorecard.html", context)

"""Market > Sponsorships: open opportunities to sponsor events, and the company's requests."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.market import sponsorships as services
from allyport.content.market.forms import SponsorshipRequestForm
from allyport.content.market.models import SponsorshipOpportunity, SponsorshipRequest
from allyport.content.permissions import SPONSORSHIPS
from allyport.content.shared.forms import show_refusal
from allyport.core.errors import ChangeRefused, RuleViolation


@member_page(SPONSORSHIPS)
@require_GET
def sponsorship_list(request: ActorRequest) -> HttpResponse:
    requests = SponsorshipRequest.objects.filter(company=request.actor.company).select_related(
        "opportunity"
    )
    context = {
        "opportunities": SponsorshipOpportunity.objects.filter(is_open=True),
        "requests": requests,
        "requested": {r.opportunity_id for r in requests},
    }
    return render(request, "content/market/sponsorships.html", context)


@member_page(SPONSORSHIPS)
@require_http_methods(["GET", "POST"])
@service_refusals
def sponsorship_request(request: ActorRequest, public_id: str) -> HttpResponse:
    opportunity = services.open_opportunity(public_id)
    initial = {"contact_email": getattr(request.actor.user, "email", "")}
    form = SponsorshipRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_sponsorship(request.actor, public_id, form.cleaned_data)
        except (RuleViolation, ChangeRefused) as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, _("Your request is sent; staff will confirm it."))
            return redirect("content:sponsorships")
    context = {"form": form, "opportunity": opportunity}
    return render(request, "content/market/sponsorship_request.html", context)

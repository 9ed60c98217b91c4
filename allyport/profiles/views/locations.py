"""Company Profile > Locations: offices, one of them the headquarters."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.confirm import CONFIRM_WORD
from allyport.core.errors import RuleViolation
from allyport.profiles.forms import LocationForm, RemoveLocationForm, show_refusal
from allyport.profiles.models import Location
from allyport.profiles.selectors import company as reads
from allyport.profiles.services import locations as services
from allyport.profiles.views.common import COMPANY_PROFILE, company_of, render_tab, tab_refusal


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET", "POST"])
@service_refusals
def locations(request: ActorRequest) -> HttpResponseBase:
    if refused := tab_refusal(request, "locations"):
        return refused
    company = company_of(request)
    form = LocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_location(request.actor, company, form.cleaned_data)
        except RuleViolation as refused_change:
            show_refusal(form, refused_change)
        else:
            messages.success(request, _("The location was added."))
            return redirect("profiles:locations")
    context = {"form": form, "locations": reads.locations(company)}
    return render_tab(request, "locations", "profiles/locations.html", context)


def _location(request: ActorRequest, location_id: int) -> Location:
    found = Location.objects.filter(company=company_of(request), pk=location_id).first()
    if found is None:
        raise Http404
    return found


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET", "POST"])
@service_refusals
def edit_location(request: ActorRequest, location_id: int) -> HttpResponseBase:
    if refused := tab_refusal(request, "locations"):
        return refused
    found = _location(request, location_id)
    initial = {f: getattr(found, f) for f in services.FIELDS}
    initial["country"] = str(found.country)
    form = LocationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_location(
                request.actor, company_of(request), found.pk, form.cleaned_data
            )
        except RuleViolation as refused_change:
            show_refusal(form, refused_change)
        else:
            messages.success(request, _("The location was saved."))
            return redirect("profiles:locations")
    return render_tab(
        request, "locations", "profiles/location_edit.html", {"form": form, "location": found}
    )


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET", "POST"])
@service_refusals
def delete_location(request: ActorRequest, location_id: int) -> HttpResponseBase:
    if refused := tab_refusal(request, "locations"):
        return refused
    found = _location(request, location_id)
    form = RemoveLocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["confirm"].strip() != CONFIRM_WORD:
            form.add_error("confirm", _('Type "confirm" to continue.'))
        else:
            services.delete_location(request.actor, company_of(request), found.pk)
            messages.success(request, _("The location was deleted."))
            return redirect("profiles:locations")
    return render_tab(
        request, "locations", "profiles/location_delete.html", {"form": form, "location": found}
    )

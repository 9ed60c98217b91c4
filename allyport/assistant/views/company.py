"""The company's AWS Partner Assistant setting: the alliance lead turns it off or on."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.decisions import Target, authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page, service_refusals
from allyport.assistant.services import company_setting
from allyport.assistant.services.gate import MANAGE, is_enabled


@member_page()
@require_http_methods(["GET", "POST"])
@service_refusals
def settings_page(request: ActorRequest) -> HttpResponseBase:
    actor = request.actor
    decision = authorize(actor, MANAGE, Target(company=actor.company))
    if not decision:
        return forbidden(request, decision)
    if request.method == "POST":
        choice = request.POST.get("enabled")
        if choice in ("on", "off"):
            company_setting.set_enabled(actor, actor.company, choice == "on")  # type: ignore[arg-type]
            if choice == "on":
                messages.success(request, _("AWS Partner Assistant is on for your company."))
            else:
                messages.success(request, _("AWS Partner Assistant is off for your company."))
            return redirect("assistant:settings")
        messages.error(request, _("Choose on or off."))
    return _page(request)


def _page(request: ActorRequest) -> HttpResponse:
    enabled = is_enabled(request.actor.company)
    return render(request, "assistant/settings.html", {"enabled": enabled})

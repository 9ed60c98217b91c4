"""Staff's view of the assistant (/staff/assistant/): feedback on answers, the panel's
ratings, questions it could not answer, and the most asked topics."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from allyport.access.middleware import staff_actor
from allyport.accounts.models import Company
from allyport.assistant import selectors
from allyport.assistant.services import company_setting as setting


def staff_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Staff only: anyone not signed in goes to the staff sign-in; a signed-in partner
    gets the 403 page (they are signed in, but lack the staff role)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "admin:login")
        if not (request.user.is_active and request.user.is_staff):
            reason = _("only staff may see this page")
            return render(request, "core/403.html", {"reason": reason}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


@staff_page
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    context = {
        "summary": selectors.summary(),
        "topics": selectors.top_topics(),
        "unanswered": selectors.unanswered(),
        "votes": selectors.recent_votes(),
        "ratings": selectors.recent_ratings(),
        "turned_off": selectors.turned_off(),
    }
    return render(request, "assistant/staff/report.html", context)


@staff_page
@require_POST
def company_setting(request: HttpRequest) -> HttpResponse:
    """Turn the assistant off or on for a company at its request (the FAQ: "contact our
    support team"), found by one of its domains."""
    domain = request.POST.get("domain", "").strip().lower()
    choice = request.POST.get("enabled", "")
    company = Company.objects.filter(domains__domain=domain).first() if domain else None
    if company is None or choice not in ("on", "off"):
        messages.error(request, _("Enter a company's domain and choose on or off."))
    else:
        setting.set_enabled(staff_actor(request), company, choice == "on")
        messages.success(
            request,
            _("AWS Partner Assistant is now %(state)s for %(company)s.")
            % {"state": _("on") if choice == "on" else _("off"), "company": company.legal_name},
        )
    return redirect("assistant_staff:report")

"""Staff's view of the assistant (/staff/assistant/): feedback on answers, the panel's
ratings, questions it could not answer, and the most asked topics."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from allyport.assistant import selectors


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
    }
    return render(request, "assistant/staff/report.html", context)

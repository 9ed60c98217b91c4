from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from allyport.core import outage


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/403.html", {"reason": ""}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/404.html", status=404)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """allauth's limits (sign-in, password reset) answer with this (`handler429`); it
    is also what people see while Redis is down and the limits cannot count."""
    response = render(request, "core/429.html", status=429)
    response["Retry-After"] = "60"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this while handling the exception, so it is still at hand.
    if outage.is_database_outage(sys.exc_info()[1]):
        return outage.unavailable(request)
    # No context processors: the failure may be in them.
    return HttpResponse(render_to_string("core/500.html"), status=500)

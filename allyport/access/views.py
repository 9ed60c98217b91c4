"""View decorators that apply `authorize` and render the 403 page with its reason,
and the one that turns the services' refusals into the 404 and 403 pages (every
app's pages call services that refuse the same way). A refused change is recorded
(`access.refusals`); a 404 is not (another company's record stays invisible)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from allyport.access.decisions import MENU_PREFIX, Decision, PermissionDenied, authorize
from allyport.access.middleware import ActorRequest
from allyport.access.refusals import refused_change
from allyport.core.errors import NotFound

View = Callable[..., HttpResponseBase]


def forbidden(request: ActorRequest, decision: Decision) -> HttpResponse:
    """The 403 page with the decision's reason; a refused change is recorded with it."""
    refused_change(request, decision.reason)
    return render(request, "core/403.html", {"reason": decision.reason}, status=403)


def member_page(menu_item: str | None = None) -> Callable[[View], View]:
    """Require a signed-in company member who can see `menu_item` (if named)."""

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapper(request: ActorRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            actor = request.actor
            if not actor.is_member:
                return forbidden(request, authorize(actor, "menu:My Profile/My Profile"))
            if menu_item is not None:
                decision = authorize(actor, MENU_PREFIX + menu_item)
                if not decision:
                    return forbidden(request, decision)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def service_refusals(view: View) -> View:
    """NotFound (missing, another company's, the other catalog's, or not one's own) is
    the 404 page; PermissionDenied (a role without the right) the 403 page with the
    reason."""

    @wraps(view)
    def wrapper(request: ActorRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except NotFound:
            raise Http404 from None
        except PermissionDenied as refused:
            return forbidden(request, refused.decision)

    return wrapper

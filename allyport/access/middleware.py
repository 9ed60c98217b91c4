from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from allyport.access import actor as actors
from allyport.access import refusals
from allyport.core.client_address import client_ip

__all__ = ["ActorMiddleware", "ActorRequest", "actor_for_request", "staff_actor"]


class ActorRequest(HttpRequest):
    """A request after ActorMiddleware: views that read `request.actor` take this type."""

    actor: actors.Actor


def actor_for_request(request: HttpRequest) -> actors.Actor:
    ip = client_ip(request)
    agent = request.META.get("HTTP_USER_AGENT", "")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return actors.for_user(user, ip, agent)
    return actors.anonymous(ip, agent)


def staff_actor(request: HttpRequest) -> actors.Actor:
    """Staff (in the admin) act as operators, whatever company their own user may belong to."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    return actors.Actor.for_staff(request.user, client_ip(request), agent)  # type: ignore[arg-type]


class ActorMiddleware:
    """Attach `request.actor`, built on first use."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.actor = SimpleLazyObject(lambda: actor_for_request(request))  # type: ignore[attr-defined]
        # Each request starts with no refusal recorded (see access.refusals).
        started = refusals.begin_request()
        try:
            return self.get_response(request)
        finally:
            refusals.end_request(started)

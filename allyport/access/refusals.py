"""Refused changes of the portal's pages are recorded with their reason.

`access` renders the 403 page but sits below `audit`, so it cannot write the
record itself: `audit` registers its recorder here when the app is ready
(`on_refused_change`), and `access.views.forbidden` calls `refused_change` for
every 403 it renders. Only a change (POST, PUT, PATCH, DELETE) is recorded: a
refused read changes nothing. A request whose refusal was already recorded (a
service that records its own refusals, User Management's pages) is not recorded
twice: `audit` calls `refusal_recorded` whenever it writes a record with an
errorCode, and the request's flag starts clear (`ActorMiddleware`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar, Token

from django.http import HttpRequest

CHANGE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

RefusalRecorder = Callable[[HttpRequest, str], None]

_recorders: list[RefusalRecorder] = []
_recorded: ContextVar[bool] = ContextVar("allyport_refusal_recorded", default=False)


def on_refused_change(recorder: RefusalRecorder) -> None:
    """Call `recorder(request, reason)` for each refused change (once per recorder)."""
    if recorder not in _recorders:
        _recorders.append(recorder)


def begin_request() -> Token[bool]:
    return _recorded.set(False)


def end_request(token: Token[bool]) -> None:
    _recorded.reset(token)


def refusal_recorded() -> None:
    """The current request's refusal has its record (written by whoever refused)."""
    _recorded.set(True)


def refused_change(request: HttpRequest, reason: str) -> None:
    """Record the refusal of `request` with the reason the person sees, if it asked
    for a change and no record of its refusal was written yet."""
    if request.method not in CHANGE_METHODS or _recorded.get():
        return
    for recorder in _recorders:
        recorder(request, str(reason))
    _recorded.set(True)

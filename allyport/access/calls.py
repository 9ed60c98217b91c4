"""The API call being answered, as the services below the API layer see it.

The AWS endpoint opens one `ApiCall` per request (`opened`). While it is open:

- `authorize()` keeps the policy evaluator's answers for an IAM caller, so the
  handler's check and the service's check of the same action and resource
  evaluate the policies once, and it marks the call decided (the endpoint's
  fail-closed guard refuses a handler that ends without any decision);
- the audit log folds a domain event named as the call into the call's own
  record (its resources join it), so one change is not recorded twice.

Outside a call (pages, jobs, commands, direct service calls) there is none, and
every domain event is recorded on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from allyport.access.actor import Actor

_current: ContextVar[ApiCall | None] = ContextVar("allyport_api_call", default=None)


@dataclass
class ApiCall:
    """One API call: who calls, which operation, what was decided and recorded."""

    actor: Actor
    operation: str
    decided: bool = False
    # (action, resource, condition context) -> (allowed, reason): answers already given.
    answers: dict[tuple[str, str, tuple[tuple[str, str], ...]], tuple[bool, str]] = field(
        default_factory=dict
    )
    # Resources of the domain events folded into the call's record.
    resources: list[dict[str, Any]] = field(default_factory=list)

    def folds(self, actor: Actor, event_name: str) -> bool:
        """Whether a domain event is this call's own change (recorded once, by the API)."""
        return actor is self.actor and event_name == self.operation


def current() -> ApiCall | None:
    return _current.get()


@contextmanager
def opened(actor: Actor, operation: str) -> Iterator[ApiCall]:
    """The scope of one API call (the endpoint's)."""
    call = ApiCall(actor, operation)
    token = _current.set(call)
    try:
        yield call
    finally:
        _current.reset(token)

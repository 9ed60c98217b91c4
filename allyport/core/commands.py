"""Operator commands answer in JSON: the result on success; on a refusal
`{"error": "<reason>"}` on stdout and exit status 1, never a traceback.

A refusal is what the domain raises for people: `core.errors` (DomainError,
ChangeRefused), Django's ValidationError, and the types other apps add with
`refusal_type` (access's PermissionDenied, from its AppConfig.ready, since core may
not import it). Anything else is a fault and keeps its traceback.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from allyport.core.errors import ChangeRefused, DomainError, RuleViolation

REFUSED = 1  # the exit status of a refusal (argparse keeps 2 for bad arguments)
_REFUSALS: list[type[Exception]] = [DomainError, ChangeRefused, ValidationError]


def refusal_type(kind: type[Exception]) -> None:
    """Answer `kind` as a refusal too (called from an app's `ready`)."""
    if kind not in _REFUSALS:
        _REFUSALS.append(kind)


def reason_of(refusal: Exception) -> str:
    if isinstance(refusal, ValidationError):
        return " ".join(refusal.messages)
    if isinstance(refusal, ChangeRefused):
        return str(refusal.reason)
    if isinstance(refusal, RuleViolation):
        return "; ".join(f"{error.field}: {error.message}" for error in refusal.errors)
    return str(refusal)


def dump(data: Any) -> str:
    return json.dumps(data, indent=2)


class JsonCommand(BaseCommand):
    """Subclasses implement `answer(**options)` and return what to print as JSON."""

    def answer(self, **options: Any) -> Any:
        raise NotImplementedError

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = self.answer(**options)
        except tuple(_REFUSALS) as refusal:
            self.stdout.write(json.dumps({"error": reason_of(refusal)}))
            raise SystemExit(REFUSED) from None
        self.stdout.write(dump(result))

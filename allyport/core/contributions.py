"""Named slots that apps higher up fill in, for apps lower down to read.

An app sometimes must show what an app above it owns: Company Profile >
Qualifications lists the designations the programs app grants, the public
listing shows the case studies of the content app, the search index and the
assistant read records of every domain. Importing upward would break the
layers, so the lower app names a slot and reads it, and each app above
contributes to it from its `AppConfig.ready`::

    # allyport/programs/apps.py
    contributions.contribute("company.qualifications", designations_of)

    # allyport/profiles/views/qualifications.py
    for source in contributions.contributed("company.qualifications"):
        rows += source(company)

A slot's contract (what its functions take and return) is written where the
slot is read, and listed in docs/ARCHITECTURE.md ("Slots").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_slots: dict[str, dict[str, Callable[..., Any]]] = {}


def contribute(slot: str, fn: Callable[..., Any], *, name: str | None = None) -> None:
    """Add `fn` to `slot`; contributing the same name again replaces it (so a
    reloaded app does not count twice). The name defaults to the function's
    qualified name."""
    key = name or f"{fn.__module__}.{fn.__qualname__}"
    _slots.setdefault(slot, {})[key] = fn


def contributed(slot: str) -> tuple[Callable[..., Any], ...]:
    """The functions contributed to `slot`, in the order they were added."""
    return tuple(_slots.get(slot, {}).values())


def withdraw(slot: str, name: str) -> None:
    """Remove one contribution (tests that add their own)."""
    _slots.get(slot, {}).pop(name, None)

"""The registry of kinds of job. The framework knows no domain: each app registers
its kinds in its `AppConfig.ready`, with the callable that queues a job of that kind
(by its public id), which the recovery sweep uses to queue a lost job again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class JobKind:
    name: str  # the stored `BulkJob.kind`
    label: str
    enqueue: Callable[[str], object]


_KINDS: dict[str, JobKind] = {}


def register(name: str, *, label: str, enqueue: Callable[[str], object]) -> None:
    """Register a kind; registering one name twice is a mistake in the apps' setup."""
    if name in _KINDS and _KINDS[name].enqueue != enqueue:
        raise ValueError(f"The job kind {name!r} is registered twice.")
    _KINDS[name] = JobKind(name, label, enqueue)


def get(name: str) -> JobKind | None:
    return _KINDS.get(name)


def registered() -> list[JobKind]:
    return list(_KINDS.values())

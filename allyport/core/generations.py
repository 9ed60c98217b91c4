"""Generations: numbers that move on whenever what they stand for changes, so that a
kept page rendered under an older one is never used again (core.fragments).

They live in the database (`Generation`), not in the cache: the signed-in member's
query reads the company's generations and everyone's in the same round trip as the
session (`SQL`, `load`), so a view of a kept page needs no other round trip at all.

A change moves a generation on twice:
- at once, for this thread only (`_pending`): what the same transaction reads next
  must not be a page kept from before the change, and no other connection can see
  the change yet;
- after commit, in the database (`transaction.on_commit`), with a new stamp: a page
  another process rendered while the change was uncommitted shows the old data
  under the old stamp, which the commit leaves behind. Written after the commit,
  the row is never locked by a long transaction, and a rolled back change writes
  nothing (its pending stamps only cost this thread a fresh drawing).

Stamps are nanosecond time stamps, so a new one never equals one a page was kept
under before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db import connection, transaction

from allyport.core.models import Generation

# This request's generations, read with the session: the signed-in member's
# company's and everyone's, as they were when the request began.
_loaded: ContextVar[dict[str, int] | None] = ContextVar("allyport_generations", default=None)


class _Pending(threading.local):
    stamps: dict[str, int]

    def __init__(self) -> None:
        self.stamps = {}


_pending = _Pending()


def key(scope: str, ident: object) -> str:
    return f"generation:{scope}:{ident}"


def _company_of(ident: object) -> int | None:
    """A positive number names a company (its generations are read with its members'
    sessions); anything else is everyone's."""
    return ident if isinstance(ident, int) and not isinstance(ident, bool) and ident > 0 else None


def changed(scope: str, *idents: object) -> None:
    """What `scope` and `idents` name changed: pages kept under its generation are
    stale, for this thread at once and for everyone once the change commits."""
    rows = {key(scope, ident): _company_of(ident) for ident in idents if ident is not None}
    if not rows:
        return
    _pending.stamps.update(dict.fromkeys(rows, time.time_ns()))
    transaction.on_commit(lambda: _write(rows))


def _write(rows: dict[str, int | None]) -> None:
    stamp = time.time_ns()
    # Sorted: two writers of the same rows take their locks in one order.
    Generation.objects.bulk_create(
        [Generation(key=name, company_id=rows[name], stamp=stamp) for name in sorted(rows)],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["stamp", "company_id"],
    )
    for name in rows:
        _pending.stamps.pop(name, None)


def current(keys: Iterable[str]) -> dict[str, int]:
    """Each key's generation now: this thread's pending change, else the one read with
    the session, else the database's (a row that does not exist yet is started)."""
    keys = list(keys)
    loaded = _loaded.get() or {}
    found = {name: loaded[name] for name in keys if name in loaded}
    missing = [name for name in keys if name not in found]
    if missing:
        found.update(Generation.objects.filter(key__in=missing).values_list("key", "stamp"))
        unset = [name for name in missing if name not in found]
        if unset:
            _start(unset)
            found.update(Generation.objects.filter(key__in=unset).values_list("key", "stamp"))
    pending = _pending.stamps
    if pending:
        found.update({name: pending[name] for name in keys if name in pending})
    return found


def _start(keys: list[str]) -> None:
    """Rows for generations never moved on; a concurrent first reader's row is kept."""
    stamp = time.time_ns()
    rows = [Generation(key=name, company_id=_company_from_key(name), stamp=stamp) for name in keys]
    Generation.objects.bulk_create(rows, ignore_conflicts=True)


def _company_from_key(name: str) -> int | None:
    ident = name.rsplit(":", 1)[-1]
    return _company_of(int(ident)) if ident.isdigit() else None


def sql(company_column: str) -> str:
    """A column for the signed-in member's query: the generations of the company in
    `company_column` and everyone's, as `key stamp` pairs joined by commas."""
    quote = connection.ops.quote_name
    table = quote(Generation._meta.db_table)
    pair = f"g.{quote('key')} || ' ' || g.{quote('stamp')}"
    joined = f"string_agg({pair}, ',')" if connection.vendor == "postgresql" else (
        f"group_concat({pair}, ',')"
    )  # fmt: skip
    company = quote("company_id")
    return (
        f"(SELECT {joined} FROM {table} g"  # noqa: S608  (names only; no values)
        f" WHERE g.{company} = {company_column} OR g.{company} IS NULL)"
    )


def load(column: str | None) -> None:
    """Keep the generations the member's query read (`sql`) for this request."""
    found: dict[str, int] = {}
    for pair in (column or "").split(","):
        name, _, stamp = pair.rpartition(" ")
        if name:
            found[name] = int(stamp)
    _loaded.set(found)


def forget(**_signal: object) -> None:
    """A new request starts with nothing read; pending stamps of a transaction that
    ended without committing are dropped once no transaction is open."""
    _loaded.set(None)
    if not connection.in_atomic_block:
        _pending.stamps.clear()


def forget_all() -> None:
    """Tests: nothing read, nothing pending (each test's database starts anew)."""
    _loaded.set(None)
    _pending.stamps.clear()


def _finished(**_signal: object) -> None:
    _loaded.set(None)  # read for that request only, not for code running after it


request_started.connect(forget, dispatch_uid="allyport.core.generations")
request_finished.connect(_finished, dispatch_uid="allyport.core.generations.finished")

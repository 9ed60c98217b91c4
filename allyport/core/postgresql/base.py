"""Django's PostgreSQL backend, with a health check that costs no round trip and a
kept cursor for the one query every signed-in request runs.

With CONN_HEALTH_CHECKS, Django checks a persistent connection before each
request reuses it; its check is a `SELECT 1`, a round trip to the server on every
request, as much again as the one query a signed-in page needs. A connection the
server has ended (a restart, a failover, an administrator's terminate) has said so
on its socket: PostgreSQL sends an error before it closes, or the socket reads as
closed. So the socket is polled instead, with no wait: anything to read between
requests means the connection is gone, and Django opens a new one, as before.
A connection lost without a word (a cable pulled) still fails its first query,
which answers 503 (core/outage.py) and is replaced after that request.
"""

from __future__ import annotations

import datetime
import select
from typing import Any

import psycopg
from django.db.backends.postgresql import base
from psycopg.types.datetime import TimestamptzLoader


class DatabaseWrapper(base.DatabaseWrapper):
    # A server-binding cursor kept for the connection it was made on (fetch_prepared).
    _prepared_cursor: psycopg.Cursor[Any] | None = None

    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        try:
            readable, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable

    def fetch_prepared(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        """The rows of `sql`, run as a statement prepared on the server: planning the
        session's four-table join took several times as long as running it.

        Django's own cursors bind on the client and cannot be prepared, so this runs
        on a psycopg cursor kept with the connection. Making one, and Django's wrapper
        around it, cost more than the query's round trip; so when no query is being
        logged or wrapped (tests, debug), it runs with the checks Django's wrapper
        makes (the connection's health, its thread, a broken transaction) and its
        errors become Django's, as any query's do. Otherwise (a query log, execute
        wrappers) it runs on Django's own cursor, as any other query."""
        if self.queries_logged or self.execute_wrappers:
            # Django's own cursor: a statement prepared on the server runs by name, so
            # psycopg would leave Django nothing to log for it.
            with self.cursor() as logged:
                logged.execute(sql, params)
                return logged.fetchall()
        self.close_if_health_check_failed()
        self.ensure_connection()
        self.validate_thread_sharing()
        self.validate_no_broken_transaction()
        with self.wrap_database_errors:
            cursor = self._prepared_cursor
            if cursor is None or cursor.connection is not self.connection:
                cursor = self._prepared_cursor = self._new_prepared_cursor()
            cursor.execute(sql, params, prepare=True)  # type: ignore[arg-type]
            return cursor.fetchall()

    def _new_prepared_cursor(self) -> psycopg.Cursor[Any]:
        cursor = psycopg.Cursor(self.connection)
        # Django loads timestamps with a subclass of psycopg's loader (to set the time
        # zone it wants), so psycopg's C loader is never used and each timestamp took
        # about 8 µs. When Django wants UTC and the connection's session is in UTC (as
        # Django sets it), psycopg's own loader gives the same values: its C version.
        utc = datetime.UTC
        if self.timezone is utc and self.connection.info.timezone is utc:
            cursor.adapters.register_loader("timestamptz", TimestamptzLoader)
        return cursor

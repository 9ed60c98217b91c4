"""Django's PostgreSQL backend, with a health check that costs no round trip.

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

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        try:
            readable, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable

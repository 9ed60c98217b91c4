"""The PostgreSQL health check polls the socket: a connection the server ended is found
unusable without a query, a live one costs nothing."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

# PostgreSQL only: deselected on SQLite by the `postgres` marker (scripts/test.sh).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


def test_a_live_connection_is_usable_without_a_query() -> None:
    connection.ensure_connection()
    with CaptureQueriesContext(connection) as queries:
        assert connection.is_usable()
    assert len(queries) == 0


def test_a_connection_the_server_ended_is_not_usable() -> None:
    import psycopg

    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    with psycopg.connect(**{**params, "autocommit": True}) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 5
    while connection.is_usable() and time.monotonic() < deadline:
        time.sleep(0.05)  # the server's goodbye arrives on the socket
    assert not connection.is_usable()
    connection.close()
    connection.ensure_connection()  # what Django does next: a new connection
    assert connection.is_usable()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)

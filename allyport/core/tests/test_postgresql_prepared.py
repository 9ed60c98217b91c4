"""The one query of every signed-in request runs as a prepared statement on a cursor
kept with the connection: same rows as any cursor, Django's errors and checks, logged
when queries are, and a new cursor for a new connection."""

from __future__ import annotations

import datetime

import pytest
from django.db import DatabaseError, ProgrammingError, connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext

from allyport.accounts.backends import fetch_prepared

# PostgreSQL only: deselected on SQLite by the `postgres` marker (scripts/test.sh).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

SQL = "SELECT %s::int + 1, %s::text"


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_rows_come_from_a_statement_prepared_on_the_server() -> None:
    assert fetch_prepared(SQL, [41, "x"]) == [(42, "x")]
    assert fetch_prepared(SQL, [1, "y"]) == [(2, "y")]
    assert any("::int + 1" in statement for statement in _prepared_statements())


def test_the_cursor_is_kept_for_its_connection_and_made_anew_for_a_new_one() -> None:
    fetch_prepared(SQL, [1, "a"])
    kept = connection._prepared_cursor
    fetch_prepared(SQL, [2, "b"])
    assert connection._prepared_cursor is kept
    connection.close()
    assert fetch_prepared(SQL, [3, "c"]) == [(4, "c")]
    assert connection._prepared_cursor is not kept


def test_logged_like_any_query_when_queries_are_logged() -> None:
    fetch_prepared(SQL, [4, "c"])  # prepared on this connection already
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert fetch_prepared(SQL, [5, "d"]) == [(6, "d")]
        assert [query["sql"] for query in queries.captured_queries] == [
            "SELECT 5::int + 1, 'd'::text"
        ]


def test_errors_are_djangos_and_the_connection_goes_on() -> None:
    with pytest.raises(ProgrammingError):
        fetch_prepared("SELECT no_such_column FROM accounts_user WHERE id = %s", [1])
    with pytest.raises(DatabaseError):
        fetch_prepared(SQL, ["not a number", "e"])
    assert fetch_prepared(SQL, [7, "f"]) == [(8, "f")]


def test_refused_in_a_transaction_that_must_roll_back() -> None:
    with transaction.atomic():
        with pytest.raises(DatabaseError), transaction.atomic(savepoint=False):
            fetch_prepared("SELECT 1/0 WHERE %s", [True])
        with pytest.raises(TransactionManagementError):
            fetch_prepared(SQL, [1, "g"])


def test_timestamps_load_as_djangos_cursor_loads_them() -> None:
    sql = "SELECT %s::timestamptz, '2026-01-01 12:00:00.5+05'::timestamptz, NULL::timestamptz"
    moment = datetime.datetime(2026, 12, 5, 10, 30, 1, 250, tzinfo=datetime.UTC)
    rows = fetch_prepared(sql, [moment])
    with connection.cursor() as cursor:
        cursor.execute(sql, [moment])
        assert rows == cursor.fetchall()
    assert rows[0][0] == moment
    assert [value.tzinfo for value in rows[0][:2]] == [datetime.UTC, datetime.UTC]
    assert rows[0][1].hour == 7 and rows[0][2] is None

"""The one authentication backend: allauth's (email sign-in, rate limits), loading the
user's company and roles with the user in one query, since every signed-in page
needs all three.

Every signed-in request runs that query, so its SQL is written once per database
vendor instead of being compiled by the ORM each time (building the joined
queryset cost more than running it). The rows still become model instances through
the fields' own database converters, exactly as the ORM would make them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.db import connection
from django.db.models import Model

from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, User

PATH = "allyport.accounts.backends.MemberBackend"


class MemberBackend(AuthenticationBackend):
    def get_user(self, user_id: Any) -> User | None:
        # Loaded with the session when the session store could (accounts.sessions).
        from allyport.accounts.sessions import take_member

        user = take_member(user_id) or load_member(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


def load_member(user_id: Any) -> User | None:
    """The user with their company (or None) and `loaded_roles`, the roles they hold
    (empty for staff and removed members), for the request's Actor."""
    try:
        user_id = int(user_id)
    except (TypeError, ValueError):
        return None
    query = _member_query(connection.vendor)
    rows = fetch_prepared(query.sql, [user_id])
    if not rows:
        return None
    return query.build(rows)


def fetch_prepared(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of a query that runs on every request: on PostgreSQL as a statement
    prepared on the server (core/postgresql/base.py), elsewhere as any query."""
    fetch = getattr(connection, "fetch_prepared", None)
    if fetch is not None:
        return fetch(sql, params)  # type: ignore[no-any-return]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class _Columns:
    """One model's concrete columns in a joined SELECT, and how a row's slice of them
    becomes an instance (the converters Django's compiler would apply)."""

    def __init__(self, model: type[Model], alias: str) -> None:
        self.model = model
        fields = model._meta.concrete_fields
        quote = connection.ops.quote_name
        self.select = [f"{alias}.{quote(str(field.column))}" for field in fields]
        self.converters = [
            (
                index,
                connection.ops.get_db_converters(field.get_col(alias))
                + field.get_db_converters(connection),
                field.get_col(alias),
            )
            for index, field in enumerate(fields)
        ]
        self.width = len(fields)

    def build(self, values: list[Any]) -> Model:
        for index, converters, expression in self.converters:
            if converters:
                value = values[index]
                for convert in converters:
                    value = convert(value, expression, connection)
                values[index] = value
        # No field names: the values are every concrete field's, in order.
        return self.model.from_db(connection.alias, None, values)  # type: ignore[arg-type]


class MemberQuery:
    """A query that returns `leading` columns, then the member, company and role of
    each row (one row per role), from `source`, which names the user table `u`."""

    def __init__(self, leading: list[str], source: str, where: str) -> None:
        quote = connection.ops.quote_name
        self.user = _Columns(User, "u")
        self.company = _Columns(Company, "c")
        self.lead = len(leading)
        company_fk = User._meta.get_field("company")
        columns = ", ".join(
            [*leading, *self.user.select, *self.company.select, f"r.{quote('role')}"]
        )
        # Only model metadata (table and column names, quoted) goes into the text; the
        # values are parameters.
        self.sql = (
            f"SELECT {columns} FROM {source}"  # noqa: S608
            f" LEFT JOIN {quote(Company._meta.db_table)} c"
            f" ON c.{quote('id')} = u.{quote(company_fk.column)}"
            f" LEFT JOIN {quote(RoleAssignment._meta.db_table)} r"
            f" ON r.{quote('user_id')} = u.{quote('id')}"
            f" WHERE {where}"
        )

    def build(self, rows: list[tuple[Any, ...]]) -> User | None:
        """The member of the rows (None when the source row names nobody)."""
        first = list(rows[0])
        start, width = self.lead, self.user.width
        if first[start] is None:
            return None
        user = self.user.build(first[start : start + width])
        company_values = first[start + width : start + width + self.company.width]
        company = self.company.build(company_values) if company_values[0] is not None else None
        User._meta.get_field("company").set_cached_value(user, company)
        user.loaded_roles = frozenset(row[-1] for row in rows if row[-1] is not None)  # type: ignore[attr-defined]
        return user  # type: ignore[return-value]


@cache
def _member_query(vendor: str) -> MemberQuery:
    """Built once per database vendor (a process uses one)."""
    quote = connection.ops.quote_name
    return MemberQuery([], f"{quote(User._meta.db_table)} u", f"u.{quote('id')} = %s")

"""Sessions in the database, read with the signed-in member in one query.

Every signed-in request needs both the session and the member (with company and
roles). The session row names its user in a column (`MemberSession.user_id`), so
loading the session joins the member too and hands it to the sign-in backend
(`take_member`), which then runs no query of its own. The same query reads the
generations of kept pages for the member's company (core.generations). Django still checks the
session's hash against the member's password, as for any backend.

Decoding a session (its signature checked, then unzipped and parsed) took about 50 µs of
every signed-in request, for a text that changes only when the session does. The
texts recently decoded are kept with their checked contents (`_checked`); each request
parses its own copy of them, so nothing one request changes reaches another.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import cache, lru_cache
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.core import signing
from django.core.signals import request_started
from django.db import connection
from django.utils import timezone

from allyport.accounts.backends import MemberQuery, fetch_prepared
from allyport.accounts.models import MemberSession, User
from allyport.core import generations

KEPT_SESSIONS = 4096  # decoded session texts one process keeps

# The member loaded with this request's session, until the backend takes it.
_loaded: ContextVar[User | None] = ContextVar("allyport_session_member", default=None)


class SessionStore(DatabaseStore):
    @classmethod
    def get_model_class(cls) -> type[MemberSession]:
        return MemberSession

    def create_model_instance(self, data: dict[str, Any]) -> MemberSession:
        instance: MemberSession = super().create_model_instance(data)  # type: ignore[assignment]
        instance.user_id = _user_id(data.get(SESSION_KEY))
        return instance

    def decode(self, session_data: bytes | str) -> dict[str, Any]:
        secrets = (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS)
        checked = _checked(session_data, self.key_salt, self.serializer, secrets)
        if checked is None:  # refused: Django's decode says why and answers {}
            return super().decode(session_data)  # type: ignore[no-any-return]
        return self.serializer().loads(checked)  # type: ignore[no-any-return]

    def _get_session_from_db(self) -> Any:
        _loaded.set(None)
        query = _session_query(connection.vendor)
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        rows = fetch_prepared(query.sql, [self.session_key, now])
        if not rows:
            self._session_key = None
            return None
        _loaded.set(query.build(rows))
        generations.load(rows[0][1])
        return SimpleNamespace(session_data=rows[0][0])


@lru_cache(KEPT_SESSIONS)
def _checked(
    session_data: bytes | str, salt: str, serializer: Any, secrets: tuple[str, ...]
) -> bytes | None:
    """The session's contents, serialized, if its signature holds under the current
    keys (`secrets`, part of the key only); None if it does not."""
    try:
        value = signing.loads(session_data, salt=salt, serializer=serializer)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 (what Django's decode turns into an empty session)
        return None
    return serializer().dumps(value)  # type: ignore[no-any-return]


def take_member(user_id: Any) -> User | None:
    """The member loaded with this request's session, if it is `user_id` (once)."""
    member = _loaded.get()
    if member is None:
        return None
    _loaded.set(None)
    return member if member.pk == _user_id(user_id) else None


def _user_id(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@cache
def _session_query(vendor: str) -> MemberQuery:
    quote = connection.ops.quote_name
    source = (
        f"{quote(MemberSession._meta.db_table)} s"
        f" LEFT JOIN {quote(User._meta.db_table)} u ON u.{quote('id')} = s.{quote('user_id')}"
    )
    where = f"s.{quote('session_key')} = %s AND s.{quote('expire_date')} > %s"
    # The generations of kept pages come along (core.generations): a kept page then
    # needs no other round trip.
    leading = [f"s.{quote('session_data')}", generations.sql(f"c.{quote('id')}")]
    return MemberQuery(leading, source, where)


def _forget(**_signal: Any) -> None:
    """A new request never sees the member an earlier one loaded in this thread."""
    _loaded.set(None)


request_started.connect(_forget, dispatch_uid="allyport.accounts.sessions")

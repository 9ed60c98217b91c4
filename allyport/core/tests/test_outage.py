"""While the database is unreachable: 503 with Retry-After and a page people can read,
never the 500 page (the API's answer: awsapi/tests/test_outage.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import InterfaceError, OperationalError

from allyport.accounts.models import User
from allyport.accounts.sessions import SessionStore


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_says_to_come_back_in_a_moment(
    member: User,
    client_for: Callable[[User], Any],
    monkeypatch: pytest.MonkeyPatch,
    error: type[Exception],
) -> None:
    client = client_for(member)
    client.raise_request_exception = False

    def lost(self: SessionStore) -> dict[str, Any]:
        raise error("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionStore, "load", lost)
    answer = client.get("/ping/session")
    assert answer.status_code == 503
    assert answer["Retry-After"] == "5"
    page = answer.content.decode()
    assert "Back in a moment" in page
    assert "Nothing you sent was half saved" in page
    assert "Something went wrong" not in page
    assert "server closed the connection" not in page  # no details


def test_other_failures_still_show_the_error_page(
    member: User, client_for: Callable[[User], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = client_for(member)
    client.raise_request_exception = False

    def broken(self: SessionStore) -> dict[str, Any]:
        raise RuntimeError("a bug")

    monkeypatch.setattr(SessionStore, "load", broken)
    answer = client.get("/ping/session")
    assert answer.status_code == 500
    assert "Something went wrong" in answer.content.decode()


def test_connections_are_checked_before_reuse(settings: Any) -> None:
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True

"""Decoded session texts are kept per process: the same contents as Django's decoding,
a copy for each request, and a text whose signature fails (or no longer holds under
the current keys) is still refused."""

from __future__ import annotations

from django.contrib.sessions.backends.base import SessionBase
from django.test import override_settings

from allyport.accounts.sessions import SessionStore, _checked

CONTENTS = {"_auth_user_id": "7", "cart": {"items": [1, 2]}, "note": "ünïcode"}


def _encoded(contents: dict[str, object]) -> str:
    return SessionStore().encode(contents)


def test_contents_as_djangos_decoding_and_kept() -> None:
    data = _encoded(CONTENTS)
    hits = _checked.cache_info().hits
    assert SessionStore().decode(data) == CONTENTS
    assert SessionStore().decode(data) == SessionBase.decode(SessionStore(), data)
    assert _checked.cache_info().hits > hits


def test_each_request_gets_its_own_copy() -> None:
    data = _encoded(CONTENTS)
    first = SessionStore().decode(data)
    first["cart"]["items"].append(3)  # type: ignore[index]
    first["note"] = "changed"
    assert SessionStore().decode(data) == CONTENTS


def test_a_tampered_text_is_an_empty_session_every_time() -> None:
    data = _encoded(CONTENTS)
    tampered = data[:-3] + ("AAA" if not data.endswith("AAA") else "BBB")
    assert SessionStore().decode(tampered) == {}
    assert SessionStore().decode(tampered) == {}
    assert SessionStore().decode("not a session at all") == {}


def test_a_text_signed_with_a_key_no_longer_kept_is_refused() -> None:
    with override_settings(SECRET_KEY="an-old-key-" + "x" * 40):
        data = _encoded(CONTENTS)
        assert SessionStore().decode(data) == CONTENTS
    # Still accepted while the old key is a fallback, refused once it is dropped.
    with override_settings(SECRET_KEY_FALLBACKS=["an-old-key-" + "x" * 40]):
        assert SessionStore().decode(data) == CONTENTS
    assert SessionStore().decode(data) == {}

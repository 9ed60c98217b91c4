"""While Redis is down: signed-in people keep working (sessions are read from the
database), and every limit that guards security refuses instead of letting through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from allyport.access import limits
from allyport.accounts.models import User
from allyport.testing import PASSWORD

REDIS_DOWN = {  # the settings' Redis cache, pointed at a port where nothing listens
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}


@pytest.fixture
def redis_down(settings: Any) -> None:
    settings.CACHES = REDIS_DOWN
    assert cache.set("probe", 1) is None and cache.get("probe") is None  # really down


def test_signed_in_people_keep_working(
    redis_down: None, member: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(member)
    answer = client.get("/ping/session")
    assert answer.status_code == 200
    assert answer.content.decode() == member.public_id
    assert client.get("/").status_code == 200


def test_code_and_contact_limits_refuse(redis_down: None) -> None:
    request = RequestFactory().post("/register/")
    assert limits.limited(request, "send_code", "someone@example.com") is True


def test_sign_in_is_refused_rather_than_uncounted(redis_down: None, member: User) -> None:
    client = Client(raise_request_exception=False)
    answer = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert answer.status_code == 429
    assert answer["Retry-After"] == "60"
    page = answer.content.decode()
    assert "Wait a moment" in page and "sign-in is briefly paused" in page
    assert "_auth_user_id" not in client.session
    assert client.get("/ping/session").status_code == 401

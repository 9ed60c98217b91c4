"""The client address behind a proxy: limits and audit records use the real client,
and only listed proxies are believed."""

from __future__ import annotations

import ipaddress
import os
from typing import Any
from unittest import mock

import pytest
from django.test import Client, RequestFactory, override_settings
from django_ratelimit.core import _get_ip

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.core.client_address import client_ip
from allyport.core.env import ConfigError, env_networks
from allyport.testing import PASSWORD

LOGIN = "/accounts/login/"
LOCKED = "Sign-in is locked for a while"
PROXY = "10.0.0.2"


def _proxies(*items: str) -> Any:
    return override_settings(
        ALLYPORT_TRUSTED_PROXIES=tuple(ipaddress.ip_network(item) for item in items)
    )


def _ip(peer: str, forwarded: str | None = None) -> str:
    extra = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=peer, **extra))


def test_it_ignores_the_forwarded_header_of_a_peer_it_does_not_trust() -> None:
    assert _ip("203.0.113.9", "198.51.100.1") == "203.0.113.9"
    with _proxies(PROXY):
        assert _ip("203.0.113.9", "198.51.100.1") == "203.0.113.9"


@_proxies("10.0.0.0/8", "2001:db8:ff::/48")
def test_it_takes_the_rightmost_address_that_is_not_a_trusted_proxy() -> None:
    assert _ip(PROXY, "198.51.100.1") == "198.51.100.1"
    # The client wrote the leftmost entry itself; the proxy appended the real one.
    assert _ip(PROXY, "1.2.3.4, 198.51.100.1") == "198.51.100.1"
    assert _ip(PROXY, "198.51.100.1, 10.9.9.9") == "198.51.100.1"  # two trusted hops
    assert _ip("2001:db8:ff::5", " 2001:db8:1::7 ") == "2001:db8:1::7"
    assert _ip(PROXY, "198.51.100.1, junk") == PROXY  # nothing left of junk is believed
    assert _ip(PROXY) == PROXY  # a proxy's own request
    assert _ip(PROXY, "10.1.1.1") == "10.1.1.1"  # every hop trusted: the first one


@_proxies(PROXY)
def test_django_ratelimit_and_allauth_ask_the_same_function() -> None:
    from allauth.account.adapter import get_adapter

    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert _get_ip(request) == "198.51.100.7"
    assert get_adapter(request).get_client_ip(request) == "198.51.100.7"


def test_the_setting_refuses_malformed_values_naming_the_variable() -> None:
    with mock.patch.dict(
        os.environ, {"ALLYPORT_TRUSTED_PROXIES": "10.0.0.0/8, ::1, 2001:db8::/32"}
    ):
        assert [str(n) for n in env_networks("ALLYPORT_TRUSTED_PROXIES")] == [
            "10.0.0.0/8", "::1/128", "2001:db8::/32"]  # fmt: skip
    for bad in ("10.0.0.0/33", "proxy.local", "10.0.0.1/8"):
        environ = mock.patch.dict(os.environ, {"ALLYPORT_TRUSTED_PROXIES": bad})
        with environ, pytest.raises(ConfigError, match="ALLYPORT_TRUSTED_PROXIES"):
            env_networks("ALLYPORT_TRUSTED_PROXIES")


def _sign_in(email: str, password: str, peer: str, forwarded: str | None = None) -> Any:
    extra = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    client = Client(REMOTE_ADDR=peer, **extra)
    return client.post(LOGIN, {"login": email, "password": password})


FEW_FAILURES = override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/10m/ip,50/15m/key"})


@FEW_FAILURES
def test_a_spoofed_header_from_an_untrusted_peer_does_not_escape_the_limit(lead: User) -> None:
    for n in range(3):
        _sign_in(lead.email, "Wrong!Pass1", "203.0.113.9", f"198.51.100.{n}")
    response = _sign_in(lead.email, PASSWORD, "203.0.113.9", "198.51.100.200")
    assert LOCKED in response.content.decode()
    sources = AuditEvent.objects.filter(event_name="ConsoleLogin").values_list("record", flat=True)
    assert {record["sourceIPAddress"] for record in sources} == {"203.0.113.9"}


@FEW_FAILURES
@_proxies(PROXY)
def test_through_a_trusted_proxy_each_client_is_limited_on_its_own(
    lead: User, member: User
) -> None:
    for _ in range(3):
        _sign_in(lead.email, "Wrong!Pass1", PROXY, "198.51.100.1")
    assert LOCKED in _sign_in(lead.email, PASSWORD, PROXY, "198.51.100.1").content.decode()
    other = _sign_in(member.email, PASSWORD, PROXY, "198.51.100.2")
    assert other.status_code == 302  # another client behind the same proxy signs in
    success = AuditEvent.objects.get(event_name="ConsoleLogin", error_code="")
    assert success.record["sourceIPAddress"] == "198.51.100.2"
    failures = AuditEvent.objects.filter(event_name="ConsoleLogin").exclude(error_code="")
    assert {event.record["sourceIPAddress"] for event in failures} == {"198.51.100.1"}

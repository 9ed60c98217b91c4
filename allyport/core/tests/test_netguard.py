"""The outbound address guard: IPv6 forms that carry an IPv4 address, and what a failed
connection tells the user (webhook delivery log, bulk file sources)."""

from __future__ import annotations

import socket
import ssl
from typing import Any

import pytest
from django.test import override_settings

from allyport.core import netguard
from allyport.events import delivery
from allyport.jobs.sources import SourceProblem, _fetch


@pytest.fixture(autouse=True)
def _production_rules() -> Any:
    with override_settings(
        ALLYPORT_WEBHOOK_REQUIRE_HTTPS=True, ALLYPORT_WEBHOOK_ALLOW_PRIVATE=False
    ):
        yield


# Each form wraps loopback, a private network or cloud metadata.
INTERNAL_IN_DISGUISE = [
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "64:ff9b:1::a00:1",  # local-use NAT64 prefix
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
    "2001:0:5db8:d822:8000:63bf:a2ff:ff7f",  # Teredo with a public server and client
    "::127.0.0.1",  # IPv4-compatible
    "::a9fe:a9fe",  # IPv4-compatible 169.254.169.254
    "::ffff:0:127.0.0.1",  # IPv4-translated
    "::ffff:0:c0a8:1",  # IPv4-translated 192.168.0.1
    "::ffff:127.0.0.1",  # IPv4-mapped (refused before too)
]


@pytest.mark.parametrize("address", INTERNAL_IN_DISGUISE)
def test_it_refuses_ipv6_forms_that_carry_an_internal_ipv4_address(address: str) -> None:
    assert not netguard.is_public(address)
    assert netguard.url_problem(f"https://[{address}]/in")


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "169.254.169.254", "100.64.0.1", "::1", "::", "fe80::1",
     "fc00::1", "2001:db8::1", "ff02::1", "224.0.0.1"],
)  # fmt: skip
def test_it_keeps_refusing_what_it_refused(address: str) -> None:
    assert not netguard.is_public(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "2606:4700::1111", "64:ff9b::5db8:d822", "2002:5db8:d822::1"]
)
def test_public_addresses_and_forms_that_lead_to_public_ones_pass(address: str) -> None:
    assert netguard.is_public(address)


def _resolves_to(monkeypatch: pytest.MonkeyPatch, address: str) -> None:
    def fake_getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)


@pytest.mark.parametrize("address", INTERNAL_IN_DISGUISE)
def test_deliveries_and_file_reads_to_a_name_resolving_to_a_disguised_address_are_refused(
    monkeypatch: pytest.MonkeyPatch, address: str
) -> None:
    _resolves_to(monkeypatch, address)
    outcome = delivery.post("https://hooks.example.com/in", b"{}", {})
    assert outcome.error == "The address is not allowed." and outcome.status_code is None
    with pytest.raises(SourceProblem) as problem, _fetch("https://files.example.com/a.csv"):
        pass
    assert str(problem.value) == "The address is not allowed."


class _Failing:
    """A connection whose request fails with `error`."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def request(self, *args: Any, **kwargs: Any) -> None:
        raise self.error

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (ConnectionRefusedError(111, "Connection refused"), "The host could not be reached."),
        (ConnectionResetError(104, "Connection reset by peer"), "The host could not be reached."),
        (OSError(113, "No route to host"), "The host could not be reached."),
        (TimeoutError("timed out"), "The request timed out."),
        (ssl.SSLCertVerificationError("certificate verify failed: 10.0.0.5"),
         "The secure connection could not be established."),
    ],
)  # fmt: skip
def test_failures_are_told_in_one_neutral_sentence_per_kind(
    monkeypatch: pytest.MonkeyPatch, error: BaseException, message: str
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, port, *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))])  # fmt: skip
    failing = lambda *args: _Failing(error)  # noqa: E731
    monkeypatch.setattr(netguard, "connection_to", failing)
    monkeypatch.setattr(delivery, "connection_to", failing)
    outcome = delivery.post("https://hooks.example.com/in", b"{}", {})
    assert outcome.error == message
    with pytest.raises(SourceProblem) as problem, _fetch("https://files.example.com/a.csv"):
        pass
    assert str(problem.value) == message


def test_a_name_that_does_not_resolve_is_a_host_that_could_not_be_reached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_answer(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_answer)
    outcome = delivery.post("https://internal.corp.example/in", b"{}", {})
    assert outcome.error == "The host could not be reached."

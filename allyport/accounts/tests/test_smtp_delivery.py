"""A security code travels over real SMTP to a local server."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import Client, override_settings

from allyport.accounts.tests.flows import CODE_RE, start


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), envelope.content.decode("utf-8")))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()  # returns once the server answers
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.mark.django_db
def test_it_delivers_the_registration_code_over_smtp(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
    ):
        response = start(Client(), "company", "lead@smtp.example")
    assert response.status_code == 302
    assert len(inbox.messages) == 1
    recipients, content = inbox.messages[0]
    assert recipients == ["lead@smtp.example"]
    message = email.message_from_string(content)
    assert "Your security code" in message["Subject"]
    assert CODE_RE.search(message.get_payload(decode=True).decode())

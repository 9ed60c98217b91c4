"""The mail server is down when a reset code is sent, and comes back."""

from __future__ import annotations

import time
from typing import Any

from bench.faults.redis_scenario import text
from bench.faults.report import Report
from bench.faults.seed import Seed
from bench.faults.stack import Stack, wait_until
from bench.faults.web import Browser

LATE = "Email is running late"


class Inbox:
    """An SMTP server (aiosmtpd) that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def _retries_waiting() -> int:
    from django.db import connections
    from django_tasks_db.models import DBTaskResult

    connections.close_all()
    return DBTaskResult.objects.filter(
        task_path="allyport.core.tasks.deliver_email",
        status="READY",
        args_kwargs__kwargs__attempt__gt=1,
    ).count()


def smtp_down(stack: Stack, rep: Report, seed: Seed) -> None:
    rep.start(
        "SMTP down",
        f"nothing listens on the SMTP port ({stack.smtp_port}); a member asks for a password "
        "reset code; then an SMTP server (aiosmtpd) starts on that port",
    )
    from aiosmtpd.controller import Controller

    browser = Browser()
    page = stack.url(0) + "/accounts/password/reset/"
    browser.get(page)
    asked = browser.post(page, {"email": seed.member_email})
    code_page = stack.url(1) + asked.headers.get(
        "location", "/accounts/password/reset/code/confirm/"
    )
    rep.check(
        asked.status == 302, "the reset request is accepted while mail is down", f"{asked.status}"
    )
    queued = wait_until(lambda: _retries_waiting() > 0, 20, 0.5)
    rep.check(queued, "the failed delivery is queued again with a wait (backoff), not dropped")
    answer = browser.get(code_page)
    rep.check(
        answer.status == 200 and LATE in text(answer),
        "the page where the member waits for the code says that mail is late",
        f"{answer.status}",
    )
    time.sleep(3)  # a few more failed attempts
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=stack.smtp_port)
    server.start()
    try:
        rep.note("SMTP server started")
        started = time.monotonic()
        arrived = wait_until(lambda: bool(inbox.messages), 60, 0.5)
        rep.check(
            arrived,
            "the code arrives once the server is back",
            f"after {time.monotonic() - started:.1f} s" if arrived else "not in 60 s",
        )
        time.sleep(4)  # would a second copy follow?
        to_member = [m for m in inbox.messages if seed.member_email in m.rcpt_tos]
        rep.check(
            len(to_member) == 1,
            "exactly one message reached the member (none lost, none doubled)",
            f"{len(to_member)} received",
        )
        rep.check(_retries_waiting() == 0, "no retry is left waiting")
        answer = browser.get(code_page)
        rep.check(
            answer.status == 200 and LATE not in text(answer), "the notice is gone once mail flows"
        )
    finally:
        server.stop()

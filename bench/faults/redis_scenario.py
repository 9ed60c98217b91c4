"""Redis stops: signed-in people keep working; limits that guard security refuse."""

from __future__ import annotations

import re
import time

from bench.faults.report import Report
from bench.faults.seed import PASSWORD, Seed
from bench.faults.stack import Stack, wait_until
from bench.faults.web import Answer, Browser

SLOW = 10.0  # seconds: an answer slower than this counts as hanging


def sign_in(stack: Stack, server: int, email: str) -> Answer:
    browser = Browser()
    browser.get(stack.url(server) + "/accounts/login/")
    return browser.post(
        stack.url(server) + "/accounts/login/", {"login": email, "password": PASSWORD}
    )


def register(stack: Stack, server: int, email: str) -> Answer:
    browser = Browser()
    browser.get(stack.url(server) + "/register/company/")
    form = {"first_name": "Ana", "last_name": "Lee", "email": email, "accept_lead": "on"}
    return browser.post(stack.url(server) + "/register/company/", form)


def text(answer: Answer) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", answer.text))


def redis_down(stack: Stack, rep: Report, seed: Seed) -> None:
    rep.start(
        "Redis down",
        "Redis stopped: a signed-in browser on both servers, a sign-in, a registration; "
        "then Redis started again (empty, as after a crash)",
    )
    signed_in = Browser()
    signed_in.cookies.update(seed.session)
    stack.redis_down()
    rep.note("Redis stopped")
    for n in (0, 1):
        started = time.monotonic()
        who = signed_in.get(stack.url(n) + "/ping/session")
        page = signed_in.get(stack.url(n) + "/sell/opportunities/")
        took = time.monotonic() - started
        rep.check(
            who.status == 200
            and who.text == seed.member_public_id
            and page.status == 200
            and took < SLOW,
            f"server {n + 1}: the signed-in member keeps working (session read from the database)",
            f"{who.status}/{page.status} in {took:.1f} s",
        )
    started = time.monotonic()
    attempt = sign_in(stack, 0, seed.member_email)
    took = time.monotonic() - started
    rep.check(
        attempt.status == 429
        and "try again later" in text(attempt)
        and "sessionid" not in attempt.headers.get("set-cookie", ""),
        "a new sign-in is refused, not let through uncounted: the failed-sign-in limit "
        "cannot count without Redis (fails closed)",
        f"{attempt.status} {text(attempt)[:60]!r} in {took:.1f} s",
    )
    attempt = register(stack, 1, "ana@newcorp-faults.example")
    rep.check(
        attempt.status == 200 and "Too many attempts" in text(attempt),
        "registration sends no security code: its per-address limit fails closed",
        f"{attempt.status}",
    )
    stack.redis_up()
    rep.note("Redis started again")
    for n in (0, 1):
        who = signed_in.get(stack.url(n) + "/ping/session")
        rep.check(
            who.status == 200 and who.text == seed.member_public_id,
            f"server {n + 1}: the session survived the Redis restart",
        )
    held = wait_until(lambda: sign_in(stack, 1, seed.member_email).status == 302, 15, 1.0)
    rep.check(held, "sign-in works again once Redis is back (no app restart)")

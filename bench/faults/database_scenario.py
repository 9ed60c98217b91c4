"""PostgreSQL stops under load and comes back."""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from typing import Any

from bench.faults.report import Report
from bench.faults.seed import Seed
from bench.faults.stack import Stack, wait_until
from bench.faults.web import Answer, Browser, api_client

DOWN_SECONDS = 3
MAX_CALLS = 5000


def create_body(title: str, token: str) -> dict[str, Any]:
    from bench.api_seed import template_payload

    body = template_payload("Prospect", _close_date())
    body["Project"]["Title"] = title
    body["PartnerOpportunityIdentifier"] = title[:64]
    return {"Catalog": "AWS", "ClientToken": token, **body}


def _close_date() -> Any:
    from datetime import date, timedelta

    return date.today() + timedelta(days=90)


class Load:
    """Threads that alternate the two servers: a page, an API read, an API create."""

    def __init__(self, stack: Stack, seed: Seed, run: str) -> None:
        self.stack, self.seed, self.run = stack, seed, run
        self.outcomes: Counter[str] = Counter()
        self.bad: list[str] = []
        self.created: dict[str, str] = {}  # ClientToken -> Id, answered 200
        self.unanswered: dict[str, str] = {}  # ClientToken -> title, answered 503
        self.lock = threading.Lock()
        self.calls = 0

    def thread(self, n: int, until: float) -> None:
        browser = Browser()
        browser.cookies.update(self.seed.session)
        clients = [
            api_client(self.stack.url(i), self.seed.key_id, self.seed.secret) for i in (0, 1)
        ]
        step = 0
        while time.monotonic() < until:
            with self.lock:
                self.calls += 1
                if self.calls > MAX_CALLS:
                    return
            server, step = (n + step) % 2, step + 1
            kind = ("page", "read", "create")[step % 3]
            if kind == "page":
                self._page(browser.get(self.stack.url(server) + "/sell/opportunities/"))
            else:
                self._api(kind, clients[server])

    def _page(self, answer: Answer) -> None:
        if answer.status == 200:
            self._count("page 200")
        elif (
            answer.status == 503
            and answer.headers.get("retry-after")
            and "Back in a moment" in answer.text
        ):
            self._count("page 503 with Retry-After and the friendly page")
        else:
            self._count("page other", f"page: {answer.summary()}")

    def _api(self, kind: str, client: Any) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        token = uuid.uuid4().hex
        title = f"faults-{self.run}-{token[:12]}"
        try:
            if kind == "read":
                client.list_opportunities(Catalog="AWS", MaxResults=20)
            else:
                answer = client.create_opportunity(**create_body(title, token))
                with self.lock:
                    self.created[token] = answer["Id"]
            self._count(f"API {kind} 200")
        except ClientError as error:
            meta = error.response.get("ResponseMetadata", {})
            code = error.response.get("Error", {}).get("Code")
            if (
                meta.get("HTTPStatusCode") == 503
                and code == "ServiceUnavailableException"
                and meta.get("HTTPHeaders", {}).get("retry-after")
            ):
                self._count(f"API {kind} 503 ServiceUnavailableException with Retry-After")
                if kind == "create":
                    with self.lock:
                        self.unanswered[token] = title
            else:
                self._count(f"API {kind} other", f"API {kind}: {meta.get('HTTPStatusCode')} {code}")
        except BotoCoreError as error:
            self._count(f"API {kind} other", f"API {kind}: {error}")

    def _count(self, outcome: str, bad: str = "") -> None:
        with self.lock:
            self.outcomes[outcome] += 1
            if bad and len(self.bad) < 10:
                self.bad.append(bad)


def database_restarted_under_load(
    stack: Stack, rep: Report, seed: Seed, seconds: float, threads: int
) -> None:
    rep.start(
        "PostgreSQL restarted under load",
        f"{threads} threads for {seconds:.0f} s on both servers (a page, ListOpportunities, "
        f"CreateOpportunity); PostgreSQL stopped (fast) for {DOWN_SECONDS} s and started again",
    )
    load = Load(stack, seed, uuid.uuid4().hex[:6])
    until = time.monotonic() + seconds
    workers = [threading.Thread(target=load.thread, args=(n, until)) for n in range(threads)]
    for worker in workers:
        worker.start()
    time.sleep(min(2.0, seconds / 4))
    stack.postgres_down("fast")
    rep.note("PostgreSQL stopped")
    time.sleep(DOWN_SECONDS)
    stack.postgres_up()
    rep.note("PostgreSQL started")
    for worker in workers:
        worker.join(timeout=seconds + 60)
    for outcome, count in sorted(load.outcomes.items()):
        rep.note(f"{count:5d} {outcome}")
    rep.check(
        not load.bad,
        "every request got 200 or a clean 503 (no 500, no dropped connection)",
        "; ".join(load.bad[:3]),
    )
    pages = load.outcomes["page 503 with Retry-After and the friendly page"]
    api = sum(
        n for outcome, n in load.outcomes.items() if outcome.startswith("API") and "503" in outcome
    )
    rep.check(
        pages > 0 and api > 0,
        "requests during the outage saw the 503s (page and API)",
        f"{pages} pages, {api} API calls",
    )
    _recovered(stack, rep, seed)
    _nothing_half_written(stack, rep, seed, load)


def _recovered(stack: Stack, rep: Report, seed: Seed) -> None:
    browser = Browser()
    browser.cookies.update(seed.session)

    def serving() -> bool:
        for n in (0, 1):
            page = browser.get(stack.url(n) + "/sell/opportunities/")
            if page.status != 200:
                return False
            try:
                api_client(stack.url(n), seed.key_id, seed.secret).list_opportunities(Catalog="AWS")
            except Exception:
                return False
        return True

    started = time.monotonic()
    held = wait_until(serving, 30, 0.5)
    rep.check(
        held,
        "both servers serve again without a restart",
        f"in {time.monotonic() - started:.1f} s" if held else "not within 30 s",
    )
    alive = [name for name, process in stack.workers.items() if process.poll() is None]
    rep.check(
        len(alive) == len(stack.workers),
        "both task workers outlived the outage (manage.py worker)",
        f"{len(alive)} of {len(stack.workers)} running",
    )


def _nothing_half_written(stack: Stack, rep: Report, seed: Seed, load: Load) -> None:
    from django.db import connections

    from allyport.pipeline.models import Opportunity

    connections.close_all()  # this process's connection died with the server
    client = api_client(stack.url(0), seed.key_id, seed.secret)
    for token, title in list(load.unanswered.items()):  # what a client does after a 503
        load.created[token] = client.create_opportunity(**create_body(title, token))["Id"]
    rows = Opportunity.objects.filter(title__startswith=f"faults-{load.run}-")
    stored = {o.public_id: o for o in rows}
    missing = [i for i in load.created.values() if i not in stored]
    rep.check(
        not missing and len(stored) == len(load.created),
        "every create is stored exactly once after the client retries its 503s with the same "
        "ClientToken",
        f"{len(load.created)} creates ({len(load.unanswered)} retried), {len(stored)} rows",
    )
    partial = [
        o.public_id
        for o in stored.values()
        if not (o.customer_company_name and o.data.get("Project", {}).get("Title") == o.title)
    ]
    rep.check(not partial, "no stored opportunity is half written", f"{len(partial)} incomplete")

"""The home page with the partner news and events feeds against the minimal
signed-in view, in one gunicorn server on a fresh SQLite database.

`python -m bench.content_home` (from the project root, with the project's venv):
seeds BENCH_NEWS news items (default 2,000 over two years) and BENCH_EVENTS_CONTENT
partner events (default 500, past and upcoming, a few pinned), signs a lead in, and
measures `/`, `/news/` and `/events/` with bench.load's rounds (each page alternated
with /ping; the signed-in baseline /ping/session too). Figures go to
var/bench-content/result.json; the speed issue's goal is <= 3x the minimal view.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench-content"
ENV = {
    "ALLYPORT_ENV": "development", "DEBUG": "false", "ALLYPORT_CAPTCHA": "off",
    "LOG_LEVEL": "WARNING",
    "ALLYPORT_TASK_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    "DATABASE_URL": f"sqlite:///{OUT / 'bench.sqlite3'}", "ALLYPORT_VAR_DIR": str(OUT),
    "DJANGO_SETTINGS_MODULE": "allyport.settings",
}  # fmt: skip


def seed(out: str) -> None:
    """Run inside the bench environment: migrate, add the content, open a session."""
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.core.management import call_command
    from django.utils import timezone

    from allyport.accounts.services.operators import create_company
    from allyport.accounts.sessions import SessionStore
    from allyport.content.events.models import PartnerEvent
    from allyport.content.news.models import NewsItem

    call_command("migrate", verbosity=0)
    _company, lead = create_company(
        "bench.example", "Bench Co", "lead@bench.example", "Bench!Pass1", stage="Validated",
        paths=["Software"],
    )  # fmt: skip
    now, news, events = (
        timezone.now(),
        int(os.environ.get("BENCH_NEWS", "2000")),
        int(os.environ.get("BENCH_EVENTS_CONTENT", "500")),
    )
    NewsItem.objects.bulk_create(
        NewsItem(title=f"News {n}", summary=f"Summary of news {n}", topic="programs",
                 body="Body " * 50, published_at=now - timedelta(hours=9 * n))
        for n in range(news)
    )  # fmt: skip
    PartnerEvent.objects.bulk_create(
        PartnerEvent(title=f"Event {n}", kind="webinar", delivery_format="virtual",
                     summary=f"Event {n}", pinned=n % 97 == 0,
                     starts_at=now + timedelta(hours=12 * n - 3000),
                     ends_at=now + timedelta(hours=12 * n - 2998))
        for n in range(events)
    )  # fmt: skip
    session = SessionStore()
    session[SESSION_KEY] = str(lead.pk)
    session[BACKEND_SESSION_KEY] = "allyport.accounts.backends.MemberBackend"
    session[HASH_SESSION_KEY] = lead.get_session_auth_hash()
    session.create()
    queries = _home_queries(lead)
    seeded = {"session": session.session_key, "news": news, "events": events, "queries": queries}
    Path(out).write_text(json.dumps(seeded))


def _home_queries(user: object) -> list[int]:
    """Queries of the home page: the first request fills the feeds' cache."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as seen:
            assert client.get("/").status_code == 200
        counts.append(len(seen.captured_queries))
    return counts


def _free_port() -> int:
    """A port nobody listens on (several benchmarks may run on this machine at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(base: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/ping", timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not start")


def main() -> None:
    from bench import load

    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    env = {**os.environ, **ENV}
    seeded_file = OUT / "seed.json"
    subprocess.run(
        [sys.executable, "-m", "bench.content_home", "seed", str(seeded_file)],
        env=env,
        check=True,
        cwd=ROOT,
    )
    seeded = json.loads(seeded_file.read_text())
    gunicorn = Path(sys.executable).parent / "gunicorn"
    port = _free_port()
    server = subprocess.Popen(
        [str(gunicorn), "allyport.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--error-logfile", str(OUT / "gunicorn.log")],
        env=env, cwd=ROOT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base)
        size = f"{seeded['news']:,} news, {seeded['events']:,} events"
        first, then = seeded["queries"]
        print(
            f"home page queries: {first} on the first request (fills the feeds' cache), then {then}"
        )
        scenarios = [
            load.Scenario(
                "lead", "/ping/session", "Minimal signed-in view (baseline)", judged=False
            ),
            load.Scenario("lead", "/", f"Home page with the news and events feeds ({size})"),
            load.Scenario("lead", "/news/", f"View all partner news ({size})"),
            load.Scenario("lead", "/events/", f"View all partner events ({size})"),
        ]
        cfg, results = load.Settings(), []
        for scenario in scenarios:
            res = load.measure(base, scenario, seeded["session"], cfg)
            load.print_result("content", res)
            results.append(res)
        (OUT / "result.json").write_text(json.dumps({"settings": cfg.__dict__, "results": results}))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"]:
        seed(sys.argv[2])
    else:
        main()

"""Where a signed-in request spends its time, in process: queries and milliseconds per
request, and the top functions of a cProfile run, for the page scenarios of
bench/load.py.

Run as `python -m bench.profile_pages [PATH ...]` with the bench environment and a
seeded database (`python manage.py migrate && python -m bench.seed SEED.json`), and
BENCH_SEED=SEED.json. Requests go through the handler gunicorn serves
(core/handler.py) and its whole middleware stack, carrying the seeded session, CSRF
and language cookies as the load client does; BENCH_PROFILE_CLIENT=test uses the
Django test client instead (it adds its own signal handlers to every request).
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import sys
import time
from types import SimpleNamespace
from typing import Any, Protocol

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402

from allyport.core.handler import WSGIHandler  # noqa: E402
from bench.load import cookie_header  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_PROFILE_REQUESTS", "200"))
# Which seeded session opens each path; /ping goes without one, as in bench/load.py.
# A path with a query string not listed goes with its path's session.
PATHS = {
    "/ping": "", "/ping/session": "home", "/": "home", "/company/users/": "users",
    "/tasks/?type=solution&scope=all": "wave_two", "/support/": "wave_two",
    "/company/profile/": "wave_two",
    "/company/scorecard/": "wave_two", "/partners/": "", "/search/": "wave_two",
    "/company/event-history/": "events",
}  # fmt: skip


class Getter(Protocol):
    def get(self, path: str) -> Any: ...  # an answer with its status_code


class Served:
    """Requests as gunicorn makes them: a WSGI environ given to the served handler."""

    def __init__(self, session: str) -> None:
        self.handler, self.factory = WSGIHandler(), RequestFactory()
        self.cookie = cookie_header(session)

    def get(self, path: str) -> SimpleNamespace:
        route, _, query = path.partition("?")
        environ: dict[str, Any] = self.factory._base_environ(
            PATH_INFO=route, QUERY_STRING=query, HTTP_COOKIE=self.cookie,
            HTTP_USER_AGENT="allyport-bench", **{"wsgi.input": io.BytesIO()},
        )  # fmt: skip
        statuses: list[str] = []
        response = self.handler(environ, lambda status, headers: statuses.append(status))
        b"".join(response)
        return SimpleNamespace(status_code=int(statuses[0].split()[0]))


def client_for(cookie: str) -> Getter:
    if os.environ.get("BENCH_PROFILE_CLIENT") != "test":
        return Served(cookie)
    client = Client(HTTP_USER_AGENT="allyport-bench", raise_request_exception=True)
    if cookie:
        client.cookies["sessionid"] = cookie
    return client


def measure(client: Getter, path: str) -> tuple[int, float]:
    """Queries of one warm request, and milliseconds per request over REQUESTS."""
    for _ in range(5):
        assert client.get(path).status_code == 200, path
    # Counted by a wrapper: the test client's request_started resets connection.queries.
    queries: list[str] = []
    with connection.execute_wrapper(lambda run, sql, *args: queries.append(sql) or run(sql, *args)):
        client.get(path)
    if os.environ.get("BENCH_PROFILE_SQL"):
        print("\n".join(sql[:200] for sql in queries))
    started = time.perf_counter()
    for _ in range(REQUESTS):
        client.get(path)
    return len(queries), (time.perf_counter() - started) * 1000 / REQUESTS


def profile(client: Getter, path: str, top: int = 25) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(REQUESTS):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(
        "allyport|django/contrib|middleware|template/loader", top
    )
    stats.print_callers("cache.py.*_decorator|execute\\b")
    return out.getvalue()


def main(paths: list[str]) -> None:
    with open(os.environ["BENCH_SEED"]) as seed:
        sessions = json.load(seed)["sessions"]
    for path in paths or list(PATHS):
        key = PATHS.get(path, PATHS.get(path.split("?")[0], "home"))
        client = client_for(sessions[key] if key else "")
        count, ms = measure(client, path)
        print(f"{path}: {count} queries, {ms:.2f} ms per request")
        if os.environ.get("BENCH_PROFILE"):
            print(profile(client, path))


if __name__ == "__main__":
    main(sys.argv[1:])

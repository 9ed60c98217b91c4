"""Connections and the Account API's reads against their baselines, in one process.

`python -m bench.connections [--connections N] [--requests R] [--rounds K]`

A small standalone measurement (no server): a throwaway SQLite database is created,
one company gets N connections (half of them with a second, canceled type), N/2
pending invitations received and N/2 sent, and then Django's test client times, in
rounds that alternate each request with its baseline (the order reverses every
round, so drift on a shared machine hits both alike):

- Market > Find Partners > Connections (`/market/connections/`, the company's alliance
  team member) against the minimal signed-in view `/ping/session`;
- GetPartner, ListConnections (MaxResults 50, the first page) and
  ListConnectionInvitations (MaxResults 50) through the AWS JSON endpoint, each signed
  with SigV4 like boto3, against the signed no-op `/api/aws/_ping`.

The client leaves out the HTTP server's own cost, which both sides of a ratio share,
so the ratios here are stricter than a served run's. Goal: each within 3x of its
baseline (median latency). Prints a table; record it in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

GOAL = 3.0


def _setup(db_path: str) -> None:
    os.environ.setdefault("ALLYPORT_ENV", "test")
    os.environ.setdefault("ALLYPORT_CAPTCHA", "off")
    os.environ["ALLYPORT_TASK_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    settings.ALLYPORT_API_THROTTLING = False
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)


def _seed(count: int) -> dict[str, Any]:
    """The measured company (with API keys and a member) and its connections."""
    from allyport.access.actor import Actor
    from allyport.connections.services import connections, invitations
    from allyport.testing import make_credentials, make_user

    creds = make_credentials()
    mine = creds.company
    assert mine is not None
    member = make_user(mine, "alliance_team")
    me = Actor.for_member(member)
    for index in range(count):
        other = make_credentials().company
        assert other is not None
        them = Actor.for_member(make_user(other, "alliance_team"))
        kind = "SUBSIDIARY" if index % 2 else "OPPORTUNITY_COLLABORATION"
        sent = _invite(them, mine, kind)
        made = invitations.accept_invitation(me, "AWS", sent.public_id)
        if index % 2:
            again = _invite(them, mine, "OPPORTUNITY_COLLABORATION")
            invitations.accept_invitation(me, "AWS", again.public_id)
            connections.cancel_connection(me, "AWS", made.public_id, kind, "bench")
        if index % 4 == 0:
            _invite(them, mine, "SUBSIDIARY" if not index % 2 else "OPPORTUNITY_COLLABORATION")
        elif index % 4 == 2:
            _invite(me, other, "SUBSIDIARY")
    return {"creds": creds, "member": member}


def _invite(actor: Any, receiver: Any, kind: str) -> Any:
    from allyport.connections.services import invitations

    return invitations.create_invitation(
        actor, "AWS", receiver=receiver.public_id, connection_type=kind,
        email="bench@example.com", name="Bench", message="Bench",
    )  # fmt: skip


def _signed(client: Any, creds: Any, operation: str | None, params: dict[str, Any]) -> Callable:
    import json

    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    body = json.dumps(params).encode()
    path = "/api/aws" if operation else "/api/aws/_ping"
    keys = Credentials(creds.key_id, creds.secret)

    def send() -> int:
        request = AWSRequest(
            method="POST", url=f"http://testserver{path}", data=body,
            headers={"X-Amz-Target": f"PartnerCentralAccount.{operation or 'Ping'}",
                     "Content-Type": "application/x-amz-json-1.0"},
        )  # fmt: skip
        SigV4Auth(keys, "partnercentral-account", "us-east-1").add_auth(request)
        headers = dict(request.headers)
        content_type = headers.pop("Content-Type")
        headers["Host"] = "testserver"
        response = client.post(path, data=body, content_type=content_type, headers=headers)
        if response.status_code != 200:
            print(response.content[:300], file=sys.stderr)
        return int(response.status_code)

    return send


def _timed(send: Callable[[], int], requests: int) -> list[float]:
    took = []
    for _ in range(requests):
        start = time.perf_counter()
        status = send()
        took.append(time.perf_counter() - start)
        if status != 200:
            raise SystemExit(f"request failed with {status}")  # the body: run with --requests 1
    return took


def _compare(
    title: str, send: Callable[[], int], base: Callable[[], int], rounds: int, requests: int
) -> dict[str, Any]:
    mine: list[float] = []
    theirs: list[float] = []
    _timed(send, 3), _timed(base, 3)  # warm up
    for index in range(rounds):
        order = [(mine, send), (theirs, base)]
        for samples, fn in order if index % 2 == 0 else reversed(order):
            samples += _timed(fn, requests)
    p50, base50 = statistics.median(mine), statistics.median(theirs)
    return {"title": title, "p50_ms": p50 * 1000, "base_ms": base50 * 1000, "ratio": p50 / base50}


def run(count: int, requests: int, rounds: int) -> list[dict[str, Any]]:
    from django.test import Client

    from allyport.accounts import backends

    seeded = _seed(count)
    creds, member = seeded["creds"], seeded["member"]
    page = Client()
    page.force_login(member, backend=backends.PATH)
    api = Client()
    ping = _signed(api, creds, None, {})
    partner = creds.company.public_id
    results = [
        _compare(
            f"Connections page, {count} connections",
            lambda: int(page.get("/market/connections/").status_code),
            lambda: int(page.get("/ping/session").status_code),
            rounds, requests,
        ),
        _compare("GetPartner", _signed(api, creds, "GetPartner",
                 {"Catalog": "AWS", "Identifier": partner}), ping, rounds, requests),
        _compare(f"ListConnections (50 of {count})", _signed(api, creds, "ListConnections",
                 {"Catalog": "AWS", "MaxResults": 50}), ping, rounds, requests),
        _compare("ListConnectionInvitations (50)", _signed(api, creds,
                 "ListConnectionInvitations", {"Catalog": "AWS", "MaxResults": 50}), ping,
                 rounds, requests),
    ]  # fmt: skip
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        _setup(os.path.join(folder, "bench.sqlite3"))
        results = run(args.connections, args.requests, args.rounds)
    print("| Request | p50 ms | baseline p50 ms | ratio | goal 3x |")
    print("|---|---|---|---|---|")
    missed = False
    for res in results:
        ok = res["ratio"] <= GOAL
        missed |= not ok
        print(f"| {res['title']} | {res['p50_ms']:.1f} | {res['base_ms']:.1f} | "
              f"{res['ratio']:.2f} | {'met' if ok else 'GOAL MISSED'} |")  # fmt: skip
    sys.stdout.flush()


if __name__ == "__main__":
    main()

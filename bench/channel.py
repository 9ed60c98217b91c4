"""Leads Management's list and the Channel API's ListChannelHandshakes against their
baselines, in one process on a throwaway database.

`python -m bench.channel [--leads 5000] [--handshakes 5000] [--rounds 5] [--requests 40]
[--database-url postgres://…/allyport_channel_scratch]` migrates a fresh database
(SQLite in a temporary folder by default; a PostgreSQL database whose name ends in
"_scratch" is created and dropped), seeds one company with that many leads (three
owners, two regions) and handshakes, and then, in alternating rounds, times:

- GET /market/leads/own/ for an ACE manager (every lead) and for a marketing staff
  member (own and region), against GET /ping/session (the minimal signed-in view);
- a SigV4-signed ListChannelHandshakes (maxResults 50, the sender's side) against the
  signed no-op POST /api/aws/_ping.

Requests go through Django's test client (no socket): the figures are the server's
work per request. Prints the median per request and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

GOAL = 3.0


def _setup(var_dir: str, database_url: str | None) -> None:
    os.environ.update(
        ALLYPORT_ENV="development", DEBUG="false", LOG_LEVEL="WARNING", ALLYPORT_VAR_DIR=var_dir,
        DATABASE_URL=database_url or f"sqlite:///{var_dir}/bench.sqlite3",
        ALLYPORT_TASK_BACKEND="django_tasks.backends.dummy.DummyBackend",
        ALLYPORT_API_THROTTLING="off", ALLYPORT_CAPTCHA="off",
        DJANGO_SETTINGS_MODULE="allyport.settings",
    )  # fmt: skip
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _seed(leads: int, handshakes: int) -> dict[str, Any]:
    from django.utils import timezone

    from allyport.access.actor import system
    from allyport.channel.models import ChannelHandshake
    from allyport.cloud import services as cloud
    from allyport.marketplace.services.linking import link_for_operator
    from allyport.pipeline.engagements.models import Engagement, EngagementMember
    from allyport.pipeline.leads.models import LeadRecord
    from allyport.testing import make_company, make_user

    company = make_company("Bench Co", stage="Enrolled", paths=["Services"])[0]
    link = link_for_operator(company)
    manager = make_user(company, "ace_manager")
    marketer = make_user(company, "marketing_staff")
    marketer.region = "EMEA"
    marketer.save(update_fields=["region"])
    owners = [manager, marketer, make_user(company, "ace_user")]
    now = timezone.now()
    engagements = Engagement.objects.bulk_create(
        Engagement(
            catalog="AWS", title=f"Lead {n}", created_at=now, modified_at=now,
            contexts=[{"Id": "1", "Type": "Lead", "Payload": {"Lead": {
                "Customer": {"CompanyName": f"Customer {n}",
                             "Address": {"CountryCode": "DE" if n % 2 else "US"}}}}}],
            context_types=",Lead,",
        )
        for n in range(leads)
    )  # fmt: skip
    EngagementMember.objects.bulk_create(
        EngagementMember(engagement=e, company=company, joined_at=now) for e in engagements
    )
    LeadRecord.objects.bulk_create(
        LeadRecord(company=company, catalog="AWS", engagement=e, context_id="1",
                   owner=owners[n % 3], region="EMEA" if n % 2 else "NAMER", updated_at=now)
        for n, e in enumerate(engagements)
    )  # fmt: skip
    ChannelHandshake.objects.bulk_create(
        ChannelHandshake(
            catalog="AWS", handshake_type="PROGRAM_MANAGEMENT_ACCOUNT", sender_company=company,
            sender_account_id=link.account.account_id, sender_display_name="Bench Co",
            receiver_account_id="111122223333", associated_resource_id=f"pma-{n:013d}",
            detail={"program": "DISTRIBUTION"}, created_at=now, updated_at=now,
        )
        for n in range(handshakes)
    )  # fmt: skip
    user = cloud.create_user(system(), link.account, "bench")
    cloud.attach_policy(system(), user, "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess")
    key, secret = cloud.create_access_key(system(), user)
    return {"manager": manager, "marketer": marketer, "key": key.access_key_id, "secret": secret}


def _signed(client: Any, key: str, secret: str, path: str, target: str, body: bytes) -> Any:
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    request = AWSRequest(method="POST", url=f"http://testserver{path}", data=body,
                         headers={"X-Amz-Target": target,
                                  "Content-Type": "application/x-amz-json-1.0"})  # fmt: skip
    SigV4Auth(Credentials(key, secret), "partnercentral-channel", "us-east-1").add_auth(request)
    headers = dict(request.headers)
    content_type = headers.pop("Content-Type")
    headers["Host"] = "testserver"
    return client.post(path, data=body, content_type=content_type, headers=headers)


def _time(call: Callable[[], Any], requests: int) -> float:
    """Median seconds per request of `requests` calls (each must answer 200)."""
    spent = []
    for _ in range(requests):
        start = time.perf_counter()
        response = call()
        spent.append(time.perf_counter() - start)
        assert response.status_code == 200, response.content[:300]
    return statistics.median(spent)


def _pair(
    page: Callable[[], Any], base: Callable[[], Any], rounds: int, n: int
) -> dict[str, float]:
    pages, bases = [], []
    for index in range(rounds):  # alternate which goes first, so drift hits both
        order = [(page, pages), (base, bases)]
        for call, sink in order if index % 2 == 0 else order[::-1]:
            sink.append(_time(call, n))
    page_ms, base_ms = statistics.median(pages) * 1000, statistics.median(bases) * 1000
    return {"page_ms": round(page_ms, 2), "baseline_ms": round(base_ms, 2),
            "ratio": round(page_ms / base_ms, 2)}  # fmt: skip


def child(args: argparse.Namespace, var_dir: str) -> dict[str, Any]:
    _setup(var_dir, args.database_url)
    from django.test import Client

    seeded = _seed(args.leads, args.handshakes)
    results: dict[str, Any] = {"leads": args.leads, "handshakes": args.handshakes}
    for label, user in (
        ("leads_manager", seeded["manager"]),
        ("leads_marketing", seeded["marketer"]),
    ):
        client = Client()
        client.force_login(user)
        client.get("/market/leads/own/")  # warm up
        results[label] = _pair(
            lambda c=client: c.get("/market/leads/own/"),
            lambda c=client: c.get("/ping/session"),
            args.rounds, args.requests,
        )  # fmt: skip
    api = Client()
    body = json.dumps({"catalog": "AWS", "handshakeType": "PROGRAM_MANAGEMENT_ACCOUNT",
                       "participantType": "SENDER", "maxResults": 50}).encode()  # fmt: skip
    target = "PartnerCentralChannel.ListChannelHandshakes"
    key, secret = seeded["key"], seeded["secret"]
    results["list_channel_handshakes"] = _pair(
        lambda: _signed(api, key, secret, "/api/aws", target, body),
        lambda: _signed(api, key, secret, "/api/aws/_ping", target, b"{}"),
        args.rounds, args.requests,
    )  # fmt: skip
    return results


def _scratch(url: str, action: str) -> None:
    if not url.rsplit("/", 1)[-1].endswith("_scratch"):
        raise SystemExit("--database-url must name a database ending in _scratch")
    subprocess.run([sys.executable, "-m", "bench.pgdb", action, url], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=5000)
    parser.add_argument("--handshakes", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    if args.database_url:
        _scratch(args.database_url, "create")
    try:
        with tempfile.TemporaryDirectory() as var_dir:
            results = child(args, var_dir)
    finally:
        if args.database_url:
            _scratch(args.database_url, "drop")
    for name in ("leads_manager", "leads_marketing", "list_channel_handshakes"):
        row = results[name]
        missed = "" if row["ratio"] <= GOAL else "  GOAL MISSED"
        print(f"{name}: {row['page_ms']} ms vs baseline {row['baseline_ms']} ms, "
              f"ratio {row['ratio']}{missed}")  # fmt: skip
    print(json.dumps(results))


if __name__ == "__main__":
    main()

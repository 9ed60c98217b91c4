"""Seed the bench database and open signed-in sessions.

Run as `python -m bench.seed OUT.json` with the bench environment. Creates a
small company (its lead signs in to the home page) and a large company of
`BENCH_USERS` users (default 5,000, lead included; its lead opens the Users
tab). Members are inserted with bulk_create and one precomputed password
hash, so seeding takes seconds instead of one argon2 hash per user. Then
`BENCH_EVENTS` audit events (default 1,000,000; 0 skips them) over 120 days
and 100 companies, a fifth of them the large company's, whose lead opens
Event history (`seed_events`: COPY on PostgreSQL, bulk_create on SQLite).
Then the data of the wave-two pages (bench/seed_wave_two.py; BENCH_WAVE_TWO=0 skips
it and their scenarios). Writes the session keys to OUT.json for the load client.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from itertools import islice

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")
django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from allyport.access.models import RoleAssignment  # noqa: E402
from allyport.accounts.models import Company, User  # noqa: E402
from allyport.accounts.services.operators import create_company  # noqa: E402
from allyport.accounts.sessions import SessionStore  # noqa: E402
from allyport.audit.models import AuditEvent  # noqa: E402

PASSWORD = "Bench!Pass1"
BATCH = 1000
EVENT_BATCH = 5000
EVENT_DAYS = 120  # beyond the 90 days of retention: not yet pruned rows count too
EVENT_COMPANIES = 100  # the large company and 99 others
LARGE_SHARE = 0.2  # the large company's share of the events (200,000 of 1,000,000)
SOURCE = "partnercentral-account-management.amazonaws.com"
# (event name, weight, read-only, event source): console actions, sign-ins and API reads.
EVENT_MIX = [
    ("ConsoleLogin", 18, False, "signin.amazonaws.com"),
    ("SendLoginCode", 2, False, "signin.amazonaws.com"),
    ("GetPartner", 14, True, SOURCE),
    ("ListPartnerUsers", 12, True, SOURCE),
    ("ListOpportunities", 14, True, "partnercentral-selling.amazonaws.com"),
    ("GetOpportunity", 10, True, "partnercentral-selling.amazonaws.com"),
    ("UpdateOpportunity", 6, False, "partnercentral-selling.amazonaws.com"),
    ("CreateOpportunity", 4, False, "partnercentral-selling.amazonaws.com"),
    ("SubmitOpportunity", 2, False, "partnercentral-selling.amazonaws.com"),
    ("UpdatePartnerUser", 5, False, SOURCE),
    ("InvitePartnerUser", 3, False, SOURCE),
    ("AssignPartnerRole", 3, False, SOURCE),
    ("AcceptInvitation", 1, False, SOURCE),
    ("ChangePassword", 1, False, "signin.amazonaws.com"),
]
# The Event history scenario looks this name up (6% of events, 9,000 of the large
# company's 90 days at the default size).
LOOKUP_EVENT_NAME = "UpdateOpportunity"
EVENT_COLUMNS = (
    "event_id", "event_time", "company_id", "event_name", "event_source", "event_type",
    "username", "access_key_id", "resource_name", "read_only", "error_code", "record",
)  # fmt: skip


def signed_in_session(user: User) -> str:
    """A database session as django.contrib.auth.login would leave it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "allyport.accounts.backends.MemberBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return str(session.session_key)


def seed_members(company: object, domain: str, count: int) -> None:
    """`count` members with one shared hash, each with one or two roles."""
    password_hash = make_password(PASSWORD)
    users = [
        User(
            email=f"user{n:05d}@{domain}",
            first_name=f"First{n}",
            last_name=f"Last{n}",
            company=company,
            password=password_hash,
        )
        for n in range(count)
    ]
    with transaction.atomic():
        User.objects.bulk_create(users, batch_size=BATCH)
        ids = User.objects.filter(company=company, email__startswith="user").values_list(
            "pk", flat=True
        )
        roles = []
        for n, pk in enumerate(ids):
            roles.append(RoleAssignment(company=company, user_id=pk, role="standard_user"))
            if n % 10 == 0:
                roles.append(RoleAssignment(company=company, user_id=pk, role="ace_user"))
        RoleAssignment.objects.bulk_create(roles, batch_size=BATCH)


def filler_companies(count: int) -> list[int]:
    """Companies that only own events: rows, no lead or domain (nothing signs in)."""
    companies = [
        Company(legal_name=f"Bench Filler {n}", primary_solution_type="SOFTWARE_PRODUCTS")
        for n in range(count)
    ]
    Company.objects.bulk_create(companies)
    return list(
        Company.objects.filter(legal_name__startswith="Bench Filler ").values_list("pk", flat=True)
    )


def _record(event_id: uuid.UUID, moment: object, row: dict, account: str) -> dict:
    """A CloudTrail record as audit.record() writes it (about 700 bytes)."""
    return {
        "eventVersion": "1.11",
        "userIdentity": {"type": "Unknown", "principalId": "005BENCH", "userName": row["username"],
                         "accountId": account},
        "eventTime": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),  # type: ignore[attr-defined]
        "eventSource": row["event_source"], "eventName": row["event_name"],
        "awsRegion": "us-east-1", "sourceIPAddress": "198.51.100.20", "userAgent": "Mozilla/5.0",
        "requestParameters": {"identifier": row["resource_name"] or None},
        "responseElements": None, "requestID": uuid.uuid4().hex, "eventID": str(event_id),
        "readOnly": row["read_only"],
        "resources": [{"ARN": row["resource_name"], "type": "AWS::PartnerCentral::Opportunity",
                       "accountId": account}] if row["resource_name"] else [],
        "eventType": "AwsConsoleAction", "managementEvent": True, "recipientAccountId": account,
        "eventCategory": "Management",
    }  # fmt: skip


def event_rows(total: int, large_id: int, others: list[int], users: int) -> Iterator[dict]:
    """`total` events in time order (as they are written), oldest first."""
    rng = random.Random(20251126)
    names, weights = list(range(len(EVENT_MIX))), [m[1] for m in EVENT_MIX]
    oldest = timezone.now() - timedelta(days=EVENT_DAYS)
    step = timedelta(days=EVENT_DAYS) / total
    for n in range(total):
        large = rng.random() < LARGE_SHARE
        company = large_id if large else rng.choice(others)
        domain = "large.bench.example" if large else f"filler{company}.bench.example"
        name, _, read_only, source = EVENT_MIX[rng.choices(names, weights)[0]]
        event_id = uuid.uuid4()
        row = {
            "event_id": event_id, "event_time": oldest + step * n, "company_id": company,
            "event_name": name, "event_source": source, "event_type": "AwsConsoleAction",
            "username": f"user{rng.randrange(users):05d}@{domain}", "access_key_id": "",
            "resource_name": f"arn:aws:partnercentral:us-east-1::opportunity/O{n}"
            if "Opportunity" in name else "",
            "read_only": read_only, "error_code": "",
        }  # fmt: skip
        row["record"] = _record(event_id, row["event_time"], row, f"partner-{company}")
        yield row


def _copy_events(rows: Iterator[dict]) -> None:
    """PostgreSQL: COPY, several times faster than multi-row INSERTs."""
    from psycopg.types.json import Jsonb

    sql = f"COPY {AuditEvent._meta.db_table} ({', '.join(EVENT_COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            row["record"] = Jsonb(row["record"])
            copy.write_row([row[c] for c in EVENT_COLUMNS])


def _bulk_events(rows: Iterator[dict]) -> None:
    while batch := [AuditEvent(**row) for row in islice(rows, EVENT_BATCH)]:
        AuditEvent.objects.bulk_create(batch)


def seed_events(large: Company, total: int, users: int) -> None:
    others = filler_companies(EVENT_COMPANIES - 1)
    rows = event_rows(total, large.pk, others, users)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            _copy_events(rows)
        else:
            _bulk_events(rows)


def main(out_path: str) -> None:
    started = time.monotonic()
    total = int(os.environ.get("BENCH_USERS", "5000"))
    _small, small_lead = create_company(
        "small.bench.example", "Bench Small", "lead@small.bench.example", PASSWORD,
        stage="Validated", paths=["Software", "Services"],
    )  # fmt: skip
    large, large_lead = create_company(
        "large.bench.example", "Bench Large", "lead@large.bench.example", PASSWORD,
        stage="Validated", paths=["Software", "Services"],
    )  # fmt: skip
    seed_members(large, "large.bench.example", total - 1)
    events = int(os.environ.get("BENCH_EVENTS", "1000000"))
    if events:
        seed_events(large, events, total - 1)
    wave_two = None
    if os.environ.get("BENCH_WAVE_TWO", "1") != "0":
        from bench.seed_wave_two import seed_wave_two

        wave_two = seed_wave_two(large, large_lead, total - 1)
    # A database in service has planner statistics; freshly bulk-loaded tables do not
    # until autovacuum runs, and PostgreSQL then plans the Users tab badly.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sessions = {"home": signed_in_session(small_lead), "users": signed_in_session(large_lead)}
    sessions["events"] = signed_in_session(large_lead)
    sessions["wave_two"] = signed_in_session(large_lead)
    sessions["public"] = ""  # the public pages go without a session
    seeded = {
        "sessions": sessions, "large_company_users": total, "events": events,
        "large_company_events": AuditEvent.objects.filter(company=large).count(),
        "lookup_event_name": LOOKUP_EVENT_NAME, "wave_two": wave_two,
    }  # fmt: skip
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(seeded, out)
    count = User.objects.filter(company=large).count()
    print(
        f"seeded {count} users and {events:,} events ({seeded['large_company_events']:,} of "
        f"the large company) in {time.monotonic() - started:.1f}s"
    )


if __name__ == "__main__":
    main(sys.argv[1])

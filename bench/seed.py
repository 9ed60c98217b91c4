"""Seed the bench database and open signed-in sessions.

Run as `python -m bench.seed OUT.json` with the bench environment. Creates a
small company (its lead signs in to the home page) and a large company of
`BENCH_USERS` users (default 5,000, lead included; its lead opens the Users
tab). Members are inserted with bulk_create and one precomputed password
hash, so seeding takes seconds instead of one argon2 hash per user. Writes
the session keys to OUT.json for the load client.
"""

from __future__ import annotations

import json
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")
django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from allyport.access.models import RoleAssignment  # noqa: E402
from allyport.accounts.models import User  # noqa: E402
from allyport.accounts.services.operators import create_company  # noqa: E402

PASSWORD = "Bench!Pass1"
BATCH = 1000


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
    # A database in service has planner statistics; freshly bulk-loaded tables do not
    # until autovacuum runs, and PostgreSQL then plans the Users tab badly.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sessions = {"home": signed_in_session(small_lead), "users": signed_in_session(large_lead)}
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump({"sessions": sessions, "large_company_users": total}, out)
    count = User.objects.filter(company=large).count()
    print(f"seeded {count} users in the large company in {time.monotonic() - started:.1f}s")


if __name__ == "__main__":
    main(sys.argv[1])

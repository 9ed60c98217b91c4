"""Seed the data of the wave-two pages served by `make bench` (bench/seed.py calls it).

The large company (Validated, Software and Services; its alliance lead opens every
page) gets offerings and the tasks recommended for them, topped up to BENCH_TASKS
(default 3,000); BENCH_CASES support cases (default 3,000, half resolved);
BENCH_CERTIFICATIONS AWS Certification records (default 20,000) over its members'
addresses and addresses of nobody, launched opportunities and the demo's tier
thresholds (Partner Scorecard); and its filled-in, approved Company Profile and
finder listing. A second company ("Bench Other") holds a third as many tasks and
cases, so that every list filters by tenant, and BENCH_LISTINGS listed companies
(default 5,000) fill the public Partner Solutions Finder. Finally the search index
is rebuilt from the rows, as `manage.py rebuild_search_index` does.
Import after Django is set up.
"""

from __future__ import annotations

import os
import random
import time
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.accounts.services.operators import create_company
from allyport.home.demo.profiles import _fill
from allyport.home.demo.programs import _thresholds
from allyport.pipeline.models import Opportunity, Solution
from allyport.pipeline.shared.clock import now_ms
from allyport.profiles.models import ProfileVersion
from allyport.profiles.services import listing
from allyport.programs.models import CertificationRecord
from allyport.search import index
from allyport.support.models import SupportCase
from allyport.worklist.models import Task, TaskDefinition
from allyport.worklist.services.recommend import refresh_company
from bench.finder_rows import seed_batch

BATCH = 2000
CATEGORIES = ("Software Product", "Consulting Service", "Managed Service")
LEVELS = ("foundational", "associate", "professional", "specialty")
# Global search looks this word up: every offering's name holds it (the other
# company's too, which the measured member must not see).
SEARCH_WORD = "Analytics"
FINDER_WORD = "harbor"  # a name word of about one listing in sixteen (bench/finder_rows.py)
PROFILE_NAME = "Bench Large Analytics"


def _size(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


def seed_offerings(company: Company, count: int) -> None:
    Solution.objects.bulk_create(
        Solution(
            company=company, catalog="AWS", name=f"{SEARCH_WORD} offering {n}",
            created_date=now_ms(), category=CATEGORIES[n % 3],
            status="Active" if n % 2 else "Draft",
        )
        for n in range(count)
    )  # fmt: skip


def seed_tasks(company: Company, assignee: User, total: int) -> int:
    """The recommended tasks of the company's offerings, topped up to `total` with
    tasks of extra (inactive) catalogue entries, as bench/worklist.py does."""
    refresh_company(Actor.system(), company, force=True)
    have = Task.objects.filter(company=company).count()
    solutions = list(Solution.objects.filter(company=company).values_list("pk", flat=True))
    extra: list[Task] = []
    n = 0
    while have + len(extra) < total:
        key = f"bench-{company.pk}-{n}"
        definition = TaskDefinition.objects.create(
            key=key, type="solution", stage="Grow", title=f"Bench task {n}", active=False
        )
        extra += [
            Task(company=company, definition=definition, type="solution", solution_id=pk,
                 assignee=assignee)
            for pk in solutions
        ]  # fmt: skip
        n += 1
    Task.objects.bulk_create(extra[: max(0, total - have)], batch_size=BATCH)
    refresh_company(Actor.system(), company)  # the catalogue changed: settle the fingerprint
    return Task.objects.filter(company=company).count()


def seed_cases(company: Company, opener: User, count: int, first: int) -> None:
    SupportCase.objects.bulk_create(
        (
            SupportCase(
                company=company, subject=f"Question number {n}", category="other",
                status=SupportCase.RESOLVED if n % 2 else SupportCase.OPEN,
                closed=bool(n % 2), opened_by=opener, case_id=str(first + n),
            )
            for n in range(count)
        ),
        batch_size=BATCH,
    )  # fmt: skip


def seed_certifications(domain: str, members: int, records: int) -> None:
    """Records over the members' addresses (user00000@domain…) and over a quarter as
    many addresses of nobody, which must not count."""
    earned, now = date.today() - timedelta(days=200), timezone.now()
    people = members + members // 4
    rows = []
    for n in range(records):
        # n = (day * 12 + certification) * people + person: each record is one
        # (person, certification, day), as the table's unique constraint requires.
        person, certification, day = n % people, (n // people) % 12, n // (people * 12)
        email = f"user{person:05d}@{domain}" if person < members else f"nobody{person}@{domain}"
        rows.append(CertificationRecord(
            email=email, name=f"AWS Certification {certification}", level=LEVELS[n % 4],
            earned_on=earned - timedelta(days=day), recorded_at=now - timedelta(days=30),
        ))  # fmt: skip
    CertificationRecord.objects.bulk_create(rows, batch_size=BATCH)


def seed_launched(company: Company, count: int) -> None:
    now = timezone.now()
    monthly = {"Amount": "900", "CurrencyCode": "USD", "Frequency": "Monthly"}
    spend = {"Project": {"ExpectedCustomerSpend": [{**monthly, "TargetCompany": "AWS"}]}}
    Opportunity.objects.bulk_create(
        Opportunity(company=company, catalog="AWS", data=spend, stage="Launched",
                    review_status="Approved", origin="Partner Referral", created_date=now,
                    last_modified_date=now - timedelta(seconds=n))
        for n in range(count)
    )  # fmt: skip


def seed_profile(company: Company, lead: User) -> None:
    """The Company Profile filled in through the services and its listing approved."""
    spec = {
        "name": PROFILE_NAME, "type": "SOFTWARE_PRODUCTS", "domain": "large.bench.example",
        "industries": ["COMPUTER_SOFTWARE", "RETAIL"], "areas": ["DATA_ANALYTICS", "SAAS"],
        "hq": ("Seattle", "US", "WA"), "text": "Demand forecasting for retailers on AWS.",
    }  # fmt: skip
    _fill(lead, company, spec)
    pending = ProfileVersion.objects.get(company=company, status="IN_PROGRESS")
    listing.approve_profile_update(Actor.system(), pending)


def seed_listings(count: int) -> None:
    rng = random.Random(12)
    for start in range(0, count, BATCH):
        with transaction.atomic():
            seed_batch(rng, start, min(BATCH, count - start))


def seed_wave_two(large: Company, lead: User, members: int) -> dict:
    """Everything above; the facts the load client's scenarios name."""
    started = time.monotonic()
    tasks, cases = _size("BENCH_TASKS", 3000), _size("BENCH_CASES", 3000)
    records = _size("BENCH_CERTIFICATIONS", 20000)
    other, other_lead = create_company(
        "other.bench.example", "Bench Other", "lead@other.bench.example", "Bench!Pass1",
        stage="Validated", paths=["Software", "Services"],
    )  # fmt: skip
    seed_offerings(large, 150)
    seed_offerings(other, 50)
    with transaction.atomic():
        seeded_tasks = seed_tasks(large, lead, tasks)
        seed_tasks(other, other_lead, tasks // 3)
        seed_cases(large, lead, cases, 1_000_000_000)
        seed_cases(other, other_lead, cases // 3, 2_000_000_000)
        seed_certifications("large.bench.example", members, records)
        seed_certifications("other.bench.example", 400, records // 4)
        seed_launched(large, 100)
        _thresholds()
    seed_profile(large, lead)
    seed_listings(_size("BENCH_LISTINGS", 5000))
    indexed = index.rebuild()
    print(f"wave two: {seeded_tasks:,} tasks, {cases:,} cases, {records:,} certification "
          f"records, {sum(indexed.values()):,} search entries "
          f"in {time.monotonic() - started:.1f}s")  # fmt: skip
    return {
        "tasks": seeded_tasks, "cases": cases, "certifications": records,
        "listings": _size("BENCH_LISTINGS", 5000), "search_word": SEARCH_WORD,
        "finder_word": FINDER_WORD, "profile_name": PROFILE_NAME,
        "search_entries": sum(indexed.values()),
    }  # fmt: skip

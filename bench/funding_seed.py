"""Seed the funding bench database: `python -m bench.funding_seed OUT.json` with the
bench environment (bench/funding.py runs it).

A linked company with an API key and its lead's signed-in session; one benefit of
the catalogue; BENCH_FUNDING_APPLICATIONS (20,000) applications of that company,
bulk-inserted over a year in every status, plus as many again spread over 20 other
companies (so the company's rows are a part of the table, as in service).
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from allyport.access import actor as actors  # noqa: E402
from allyport.accounts.models import Company  # noqa: E402
from allyport.accounts.services.operators import create_company  # noqa: E402
from allyport.cloud import services as cloud  # noqa: E402
from allyport.funding.models import ApplicationStatus, Benefit, BenefitApplication  # noqa: E402
from allyport.marketplace.services.linking import link_for_operator  # noqa: E402
from bench.seed import PASSWORD, signed_in_session  # noqa: E402

FULL_ACCESS = "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess"
BATCH = 2000
OTHERS = 20


def applications(company: Company, benefit: Benefit, count: int, rng: random.Random) -> None:
    now = timezone.now()
    statuses = ApplicationStatus.values
    rows = (
        BenefitApplication(
            company=company,
            catalog="AWS",
            benefit=benefit,
            name=f"Campaign {n}",
            fulfillment_types=["CASH"],
            details={"activity": f"Webinar {n}"},
            status=rng.choice(statuses),
            stage="Review",
            created_at=now - timedelta(minutes=rng.randrange(525_600)),
            updated_at=now,
        )
        for n in range(count)
    )
    batch: list[BenefitApplication] = []
    with transaction.atomic():
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                BenefitApplication.objects.bulk_create(batch)
                batch = []
        BenefitApplication.objects.bulk_create(batch)


def main(out_path: str) -> None:
    started = time.monotonic()
    count = int(os.environ.get("BENCH_FUNDING_APPLICATIONS", "20000"))
    rng = random.Random(7)
    company, lead = create_company(
        "funding.bench.example",
        "Bench Funding",
        "lead@funding.bench.example",
        PASSWORD,
        stage="Validated",
        paths=["Software"],
    )
    link = link_for_operator(company)
    user = cloud.create_user(actors.system(), link.account, "bench-crm")
    cloud.attach_policy(actors.system(), user, FULL_ACCESS)
    key, secret = cloud.create_access_key(actors.system(), user)
    benefit = Benefit.objects.create(
        catalog="AWS",
        name="Marketing Development Funds",
        fund_type="MDF",
        fulfillment_types=["CASH"],
        programs=["APN_MDF"],
    )
    applications(company, benefit, count, rng)
    for n in range(OTHERS):
        other, _lead = create_company(
            f"other{n}.funding.bench.example",
            f"Other {n}",
            f"lead@other{n}.funding.bench.example",
            PASSWORD,
        )
        applications(other, benefit, count // OTHERS, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seeded = {
        "sessions": {"portal": signed_in_session(lead)},
        "access_key_id": key.access_key_id,
        "secret_access_key": secret,
        "applications": count,
        "opportunities": count,
    }
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(seeded, out)
    print(
        f"seeded {count:,} applications (+{count:,} of others) in {time.monotonic() - started:.1f}s"
    )


if __name__ == "__main__":
    main(sys.argv[1])

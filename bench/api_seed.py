"""Seed opportunities for the Selling API benchmark (PostgreSQL only).

Run as `python -m bench.api_seed OUT.json` with the bench environment and a freshly
migrated, empty PostgreSQL database. Creates `BENCH_OPPORTUNITIES` opportunities
(default 1,000,000) over `BENCH_API_COMPANIES` companies (1,000); the largest holds
a fifth of them (200,000 at the default size), the others share the rest at random.

- The largest company is made as an operator would (`create_company`), linked to a
  cloud account (`link_for_operator`), and given an IAM user with
  AWSPartnerCentralFullAccess and an access key, all as the system actor. The
  other companies are `bulk_create`d rows with the paths and stage
  `create_company` would give them (nothing signs in to them).
- Each company gets an active solution per catalog (the largest through
  `create_solution`), so Committed and Launched opportunities and submitted ones
  carry the association those states need.
- Templates: in the largest company, one opportunity per review status is made
  through the services (`create_opportunity`, `associate_opportunity`,
  `submit_opportunity`, `set_review_status`), and closed lost one through
  `create_opportunity`. Every bulk row copies the stored `data` and columns of the
  template of its review status and varies stage, customer, title, dates, spend,
  next steps and partner identifier, then the indexed columns are derived from
  `data` the way `copy_columns` does. Rows go in creation order, 95% in the AWS
  catalog, by COPY; then ANALYZE.

Writes OUT.json: the access key id and secret, a sample of the largest company's
AWS opportunity ids, the company and opportunity counts, and the stage counts.
"""

from __future__ import annotations

import copy
import json
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from allyport.access import actor as actors  # noqa: E402
from allyport.accounts.choices import PATHS_BY_SOLUTION_TYPE  # noqa: E402
from allyport.accounts.models import Company  # noqa: E402
from allyport.accounts.services.operators import create_company  # noqa: E402
from allyport.cloud import services as cloud  # noqa: E402
from allyport.cloud.principals import IamPrincipal  # noqa: E402
from allyport.marketplace.services.linking import link_for_operator  # noqa: E402
from allyport.pipeline import services  # noqa: E402
from allyport.pipeline.enums import Catalog, ReviewStatus  # noqa: E402
from allyport.pipeline.models import Opportunity, Solution  # noqa: E402
from allyport.pipeline.services import clean  # noqa: E402
from allyport.shapes.selling import enum  # noqa: E402

FULL_ACCESS = "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess"
PASSWORD = "Bench!Pass1"
LARGE_SHARE = 0.2
SANDBOX_SHARE = 0.05
OWNED_SHARE = 0.3  # the largest company's portal-created rows, owned by its lead
DAYS = 3 * 365  # creation dates over three years
SAMPLE_IDS = 5000
SOLUTION_TYPE = "SOFTWARE_PRODUCTS"
STAGES = {  # weight in the pipeline
    "Prospect": 22, "Qualified": 18, "Technical Validation": 14, "Business Validation": 12,
    "Committed": 10, "Launched": 14, "Closed Lost": 10,
}  # fmt: skip
REVIEW = {
    ReviewStatus.PENDING_SUBMISSION: 40, ReviewStatus.SUBMITTED: 6, ReviewStatus.IN_REVIEW: 4,
    ReviewStatus.APPROVED: 40, ReviewStatus.ACTION_REQUIRED: 5, ReviewStatus.REJECTED: 5,
}  # fmt: skip
LATE_STAGES = ("Committed", "Launched")
COLUMNS = (
    "public_id", "company_id", "catalog", "owner_id", "data", "related", "tags", "stage",
    "review_status", "customer_company_name", "title", "target_close_date",
    "partner_opportunity_identifier", "origin", "involvement_type", "visibility",
    "submitted_at", "created_date", "last_modified_date",
)  # fmt: skip
WORDS_A = (
    "Acme", "Blue", "Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella",
    "Vertex", "Summit", "Pioneer", "Harbor", "Granite", "Silver", "Cedar", "Atlas", "Nimbus",
    "Orion", "Polar", "Quantum", "Redwood", "Sterling", "Tidal", "Union", "Valley", "Willow",
    "Zenith", "Apex", "Beacon", "Crescent", "Delta", "Evergreen", "Falcon", "Golden", "Horizon",
    "Iron", "Juniper", "Keystone", "Lakeside", "Meridian",
)  # fmt: skip
WORDS_B = (
    "Health", "Logistics", "Retail", "Bank", "Insurance", "Foods", "Motors", "Energy",
    "Media", "Telecom", "Labs", "Systems", "Pharma", "Airlines", "Hotels", "Analytics",
    "Robotics", "Foundry", "Networks", "Capital", "Learning", "Games", "Farms", "Shipping",
    "Devices",
)  # fmt: skip
SUFFIXES = ("Inc.", "LLC", "Ltd", "GmbH", "S.A.", "Group", "Corp", "plc")
PROJECTS = (
    "Data lake migration", "Contact center modernization", "SAP on AWS", "Generative AI pilot",
    "Disaster recovery", "Mainframe modernization", "Analytics platform", "EKS migration",
    "Windows workloads to AWS", "Serverless rewrite", "Security posture review",
    "IoT telemetry platform", "Media archive to S3", "ERP lift and shift", "ML forecasting",
)  # fmt: skip
NEXT_STEPS = (
    "Call the buyer", "Schedule the technical deep dive", "Send the proposal",
    "Run the proof of concept", "Negotiate the contract", "Hand over to delivery",
    "Wait for budget approval", "Meet the procurement team",
)  # fmt: skip
COUNTRIES = (("US", "Washington", "Seattle"), ("US", "New York", "New York"),
             ("US", "Texas", "Austin"), ("DE", "Bayern", "Munich"), ("GB", "England", "London"),
             ("FR", "Ile-de-France", "Paris"), ("JP", "Tokyo", "Tokyo"),
             ("BR", "Sao Paulo", "Sao Paulo"), ("IN", "Karnataka", "Bengaluru"),
             ("AU", "New South Wales", "Sydney"))  # fmt: skip
REASONS = {
    ReviewStatus.ACTION_REQUIRED: "Customer website is not valid",
    ReviewStatus.REJECTED: "Duplicate opportunity",
}


def template_payload(stage: str, close: date) -> dict[str, Any]:
    """A CreateOpportunity payload complete enough to submit for Co-Sell."""
    return {
        "Customer": {
            "Account": {
                "CompanyName": "Example Corp", "Industry": "Software and Internet",
                "WebsiteUrl": "https://example.com", "Duns": "123456789",
                "Address": {"CountryCode": "US", "StateOrRegion": "Washington",
                            "City": "Seattle", "PostalCode": "98101",
                            "StreetAddress": "410 Terry Ave N"},
            },
            "Contacts": [{"Email": "buyer@example.com", "FirstName": "Ana", "LastName": "Lee",
                          "BusinessTitle": "CTO", "Phone": "+12065550100"}],
        },
        "Project": {
            "Title": "Data lake migration",
            "CustomerBusinessProblem": "The customer needs to move its analytics off premises "
            "to cut costs and to give its data scientists self-service access.",
            "CustomerUseCase": "Migration / Database Migration",
            "DeliveryModels": ["SaaS or PaaS", "Professional Services"],
            "ExpectedCustomerSpend": [{"Amount": "2000", "CurrencyCode": "USD",
                                       "Frequency": "Monthly", "TargetCompany": "AWS"}],
            "SalesActivities": ["Initialized discussions with customer", "Conducted POC / Demo"],
            "CompetitorName": "Microsoft Azure",
            "AdditionalComments": "Imported from the CRM.",
        },
        "LifeCycle": {"Stage": stage, "NextSteps": "Call the buyer",
                      "TargetCloseDate": close.isoformat()},
        "Marketing": {"Source": "None"},
        "OpportunityType": "Net New Business",
        "PrimaryNeedsFromAws": ["Co-Sell - Technical Consultation", "Co-Sell - Deal Support"],
        "PartnerOpportunityIdentifier": "crm-template",
    }  # fmt: skip


def fillers(count: int) -> list[int]:
    """Companies that only own opportunities: rows as create_company leaves them, without
    domain or members (nothing signs in to them)."""
    paths = list(PATHS_BY_SOLUTION_TYPE[SOLUTION_TYPE])
    companies = [
        Company(legal_name=f"Bench API Filler {n}", primary_solution_type=SOLUTION_TYPE,
                paths=paths, stage="Validated")
        for n in range(count)
    ]  # fmt: skip
    Company.objects.bulk_create(companies, batch_size=1000)
    return [c.pk for c in companies]


def filler_solutions(company_ids: list[int]) -> dict[tuple[int, str], str]:
    """One active solution per company and catalog; (company, catalog) -> its id."""
    now = timezone.now()
    taken = set(Solution.objects.values_list("public_id", flat=True))
    # Distinct ids in solution_id()'s format (random ones would collide at this count).
    numbers = random.Random(7).sample(range(10**6, 10**7), 2 * len(company_ids) + len(taken))
    ids = iter(i for i in (f"S-{n}" for n in numbers) if i not in taken)
    rows = [
        Solution(public_id=next(ids), company_id=pk, catalog=catalog, name="Analytics platform",
                 status=Solution.Status.ACTIVE, category="Software Product", created_date=now)
        for pk in company_ids for catalog in Catalog.values
    ]  # fmt: skip
    Solution.objects.bulk_create(rows, batch_size=1000)
    return {(s.company_id, s.catalog): s.public_id for s in rows}


def large_company() -> tuple[Company, Any, dict[str, str], IamPrincipal]:
    """The benchmarked company, linked, with an API user's access key."""
    company, lead = create_company(
        "api.bench.example", "Bench API Large", "lead@api.bench.example", PASSWORD,
        stage="Validated", paths=["Software", "Services"],
    )  # fmt: skip
    link = link_for_operator(company)
    system = actors.system()
    user = cloud.create_user(system, link.account, "bench-crm")
    cloud.attach_policy(system, user, FULL_ACCESS)
    key, secret = cloud.create_access_key(system, user)
    credentials = {
        "access_key_id": key.access_key_id,
        "secret_access_key": secret,
        "account_id": link.account.account_id,
    }
    return company, lead, credentials, IamPrincipal.for_user(user, key.access_key_id)


def templates(
    company: Company, lead: Any, principal: IamPrincipal
) -> tuple[dict[str, Opportunity], dict[str, str]]:
    """One real opportunity per review status (and closed lost), made by the services
    as the API would; and the company's solution per catalog."""
    member = actors.for_user(lead)
    solution_ids = {
        catalog: services.create_solution(
            member, catalog, {"name": "Analytics platform", "category": "Software Product",
                              "status": "Active"},
        ).public_id
        for catalog in Catalog.values
    }  # fmt: skip
    api = actors.Actor.for_iam(principal, company, source_ip="192.0.2.1")
    close = timezone.localdate() + timedelta(days=90)
    system = actors.system()
    made: dict[str, Opportunity] = {}
    for status in REVIEW:
        opp = services.create_opportunity(api, "AWS", template_payload("Qualified", close))
        if status != ReviewStatus.PENDING_SUBMISSION:
            services.associate_opportunity(
                api, "AWS", opp.public_id, "Solutions", solution_ids["AWS"]
            )
            services.submit_opportunity(api, "AWS", opp.public_id, "Co-Sell", "Full")
        if status not in (ReviewStatus.PENDING_SUBMISSION, ReviewStatus.SUBMITTED):
            opp = Opportunity.objects.get(pk=opp.pk)
            services.set_review_status(system, opp, status, reason=REASONS.get(status, ""))
        made[status] = Opportunity.objects.get(pk=opp.pk)
    lost = template_payload("Closed Lost", close)
    lost["LifeCycle"]["ClosedLostReason"] = "Customer Deficiency"
    made["Closed Lost"] = services.create_opportunity(api, "AWS", lost)
    return made, solution_ids


class Rows:
    """The bulk rows: each a varied copy of the template of its review status."""

    def __init__(
        self, total: int, large: int, ids: tuple[int, int, list[int]],
        made: dict[str, Opportunity], solutions: dict[tuple[int, str], str],
    ) -> None:  # fmt: skip
        self.rng = random.Random(20251127)
        large_id, self.lead_id, others = ids
        self.total, self.large_id = total, large_id
        self.made, self.solutions = made, solutions
        self.stages, self.stage_weights = list(STAGES), list(STAGES.values())
        self.statuses, self.status_weights = list(REVIEW), list(REVIEW.values())
        self.reasons = enum("ClosedLostReason")
        self.industries = [i for i in enum("Industry") if i != "Other"]
        self.activities = enum("SalesActivity")
        owners = [large_id] * large + [self.rng.choice(others) for _ in range(total - large)]
        self.rng.shuffle(owners)
        self.companies = owners
        taken = set(Opportunity.objects.values_list("public_id", flat=True))
        ids = self.rng.sample(range(10**9, 10**10), total + len(taken))
        self.ids = [f"O{n}" for n in ids if f"O{n}" not in taken][:total]

    def _status(self, stage: str) -> str:
        if stage == "Closed Lost":  # never submitted, or lost after AWS approved it
            if self.rng.random() < 0.6:
                return ReviewStatus.PENDING_SUBMISSION
            return ReviewStatus.APPROVED
        return self.rng.choices(self.statuses, self.status_weights)[0]

    def _data(self, template: Opportunity, stage: str, n: int, created: datetime,
              modified: datetime) -> dict[str, Any]:  # fmt: skip
        rng = self.rng
        data = copy.copy(template.data)
        customer = f"{rng.choice(WORDS_A)} {rng.choice(WORDS_B)} {rng.choice(SUFFIXES)}"
        country, region, city = rng.choice(COUNTRIES)
        account = {
            **data["Customer"]["Account"],
            "CompanyName": customer,
            "Industry": rng.choice(self.industries),
            "WebsiteUrl": f"https://{customer.split()[0].lower()}{n % 977}.example.com",
            "Address": {**data["Customer"]["Account"]["Address"], "CountryCode": country,
                        "StateOrRegion": region, "City": city},
        }  # fmt: skip
        data["Customer"] = {**data["Customer"], "Account": account}
        spend = {**data["Project"]["ExpectedCustomerSpend"][0],
                 "Amount": str(rng.randrange(5, 500) * 100)}  # fmt: skip
        data["Project"] = {
            **data["Project"],
            "Title": f"{rng.choice(PROJECTS)} for {customer.split()[0]} ({n % 1000})",
            "ExpectedCustomerSpend": [spend],
            "SalesActivities": rng.sample(self.activities, rng.randrange(1, 4)),
        }
        life = dict(data["LifeCycle"])
        steps = rng.choice(NEXT_STEPS)
        life.update(
            Stage=stage,
            NextSteps=steps,
            NextStepsHistory=[{"Value": steps, "Time": clean(modified)}],
            TargetCloseDate=(created + timedelta(days=rng.randrange(30, 400))).date().isoformat(),
        )
        if stage == "Closed Lost":
            life["ClosedLostReason"] = rng.choice(self.reasons)
        else:
            life.pop("ClosedLostReason", None)
        data["LifeCycle"] = life
        data["PartnerOpportunityIdentifier"] = f"crm-{n:07d}"
        return data

    def __iter__(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        now = timezone.now()
        start = now - timedelta(days=DAYS)
        step = timedelta(days=DAYS) / max(self.total, 1)
        for n in range(self.total):
            company = self.companies[n]
            catalog = Catalog.SANDBOX if rng.random() < SANDBOX_SHARE else Catalog.AWS
            stage = rng.choices(self.stages, self.stage_weights)[0]
            status = self._status(stage)
            pending = status == ReviewStatus.PENDING_SUBMISSION
            template = self.made["Closed Lost" if stage == "Closed Lost" and pending else status]
            created = start + step * n
            created = created.replace(microsecond=created.microsecond // 1000 * 1000)
            age = now - created
            modified = created + min(age, timedelta(days=rng.expovariate(1 / 45)))
            modified = modified.replace(microsecond=modified.microsecond // 1000 * 1000)
            data = self._data(template, stage, n, created, modified)
            submitted = status != ReviewStatus.PENDING_SUBMISSION
            related = {"Solutions": [self.solutions[company, catalog]]}
            if not submitted and stage not in LATE_STAGES and rng.random() < 0.5:
                related = {}
            owned = company == self.large_id and rng.random() < OWNED_SHARE
            life, account = data["LifeCycle"], data["Customer"]["Account"]
            yield {
                "public_id": self.ids[n], "company_id": company, "catalog": catalog,
                "owner_id": self.lead_id if owned else None, "data": data, "related": related,
                "tags": [], "stage": stage, "review_status": life["ReviewStatus"],
                "customer_company_name": account["CompanyName"],
                "title": data["Project"]["Title"],
                "target_close_date": date.fromisoformat(life["TargetCloseDate"]),
                "partner_opportunity_identifier": data["PartnerOpportunityIdentifier"],
                "origin": template.origin,
                "involvement_type": template.involvement_type if submitted else "",
                "visibility": template.visibility if submitted else "",
                "submitted_at": created + (modified - created) / 2 if submitted else None,
                "created_date": created, "last_modified_date": modified,
            }  # fmt: skip


def copy_rows(rows: Rows) -> Counter[tuple[bool, str]]:
    """COPY every row; counts (largest company?, stage) of its AWS catalog rows."""
    from psycopg.types.json import Jsonb

    counts: Counter[tuple[bool, str]] = Counter()
    sql = f"COPY {Opportunity._meta.db_table} ({', '.join(COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(sql) as out:
        for row in rows:
            if row["catalog"] == Catalog.AWS:
                counts[row["company_id"] == rows.large_id, row["stage"]] += 1
            row["data"], row["related"], row["tags"] = (
                Jsonb(row["data"]), Jsonb(row["related"]), Jsonb(row["tags"]),
            )  # fmt: skip
            out.write_row([row[c] for c in COLUMNS])
    return counts


def main(out_path: str) -> None:
    if connection.vendor != "postgresql":
        sys.exit("bench.api_seed seeds PostgreSQL only (it loads rows with COPY)")
    started = time.monotonic()
    total = int(os.environ.get("BENCH_OPPORTUNITIES", "1000000"))
    company_count = int(os.environ.get("BENCH_API_COMPANIES", "1000"))
    company, lead, credentials, principal = large_company()
    made, large_solutions = templates(company, lead, principal)
    others = fillers(company_count - 1)
    solutions = filler_solutions(others)
    solutions.update({(company.pk, catalog): s for catalog, s in large_solutions.items()})
    bulk = max(0, total - len(made))
    large = max(0, round(total * LARGE_SHARE) - len(made))
    rows = Rows(bulk, large, (company.pk, lead.pk, others), made, solutions)
    prepared = time.monotonic()
    with transaction.atomic():
        counts = copy_rows(rows)
    copied = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    analysed = time.monotonic()
    aws = Opportunity.objects.filter(company=company, catalog=Catalog.AWS)
    sample = list(aws.order_by("?").values_list("public_id", flat=True)[:SAMPLE_IDS])
    large_total = Opportunity.objects.filter(company=company).count()
    seeded = {
        **credentials,
        "region": "us-east-1",
        "opportunities": Opportunity.objects.count(),
        "companies": Company.objects.count(),
        "large_company_opportunities": large_total,
        "large_company_aws_by_stage": {
            stage: counts[True, stage] + sum(1 for t in made.values() if t.stage == stage)
            for stage in STAGES
        },
        "sample_ids": sample,
        "seconds": {
            "setup": round(prepared - started, 1), "copy": round(copied - prepared, 1),
            "analyze": round(analysed - copied, 1), "total": round(time.monotonic() - started, 1),
        },
    }  # fmt: skip
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(seeded, out)
    took = seeded["seconds"]
    print(
        f"seeded {seeded['opportunities']:,} opportunities over {seeded['companies']:,} "
        f"companies ({large_total:,} of the largest) in {took['total']}s "
        f"(COPY {took['copy']}s, ANALYZE {took['analyze']}s)"
    )


if __name__ == "__main__":
    main(sys.argv[1])

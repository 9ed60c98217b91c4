"""Fixtures of the programs tests: a small catalogue, certification records, and a
Validated company whose people apply."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from allyport.accounts.models import Company, User
from allyport.programs.models import (
    CertificationRecord,
    Course,
    Designation,
    Program,
    ResourcePage,
    TierRequirement,
)
from allyport.testing import make_company


def make_catalogue() -> dict[str, Any]:
    wmp = Program.objects.create(
        slug="isv-workload-migration",
        name="AWS ISV Workload Migration Program",
        summary="Migrate ISV workloads to AWS with funding and guidance.",
    )
    specialization = Program.objects.create(
        slug="aws-specialization",
        name="AWS Specialization Program",
        summary="Validate technical expertise and customer success.",
    )
    isv = Designation.objects.create(
        program=wmp,
        slug="isv-workload-migration",
        name="ISV Workload Migration",
        kind="program",
        summary="Workload migration for ISVs.",
        paths=["Software"],
        questions=["Describe your migration methodology."],
        references_required=1,
    )
    competency = Designation.objects.create(
        program=specialization,
        slug="migration-competency",
        name="Migration Consulting Competency",
        kind="competency",
        summary="AWS Competency for migration.",
        questions=["Describe a migration you led."],
        case_studies_required=0,
    )
    resource = ResourcePage.objects.create(
        program=wmp,
        slug="getting-started",
        title="Getting started as a Solution Provider",
        body="First paragraph.\n\nSecond paragraph.",
        published=True,
    )
    return {"wmp": wmp, "isv": isv, "competency": competency, "resource": resource}


@pytest.fixture
def catalogue(db: None) -> dict[str, Any]:
    return make_catalogue()


@pytest.fixture
def validated(db: None) -> Company:
    return make_company(
        "Anycompany", stage="Validated", paths=["Software"], domain="anycompany.example"
    )[0]


@pytest.fixture
def validated_lead(validated: Company) -> User:
    return User.objects.get(email="lead@anycompany.example")


def certification(
    email: str,
    name: str = "AWS Certified Cloud Practitioner",
    level: str = "foundational",
    days_ago: int = 10,
    **fields: Any,
) -> CertificationRecord:
    """A record written `days_ago` days ago (past the 5-day delay by default)."""
    return CertificationRecord.objects.create(
        email=email.lower(),
        name=name,
        level=level,
        earned_on=fields.pop("earned_on", date.today() - timedelta(days=30)),
        recorded_at=timezone.now() - timedelta(days=days_ago),
        **fields,
    )


def course(kind: str = "partner_training", **fields: Any) -> Course:
    values: dict[str, Any] = {
        "kind": kind,
        "title": "AWS Partner: Accreditation (Technical)",
        "format": "accreditation",
        "track": "technical",
        "level": "Foundational",
        "duration_minutes": 240,
        "published": True,
        "link": "https://skillbuilder.example/accreditation",
    }
    values.update(fields)
    return Course.objects.create(**values)


def requirement(
    metric: str,
    threshold: int,
    tier: str = "Select",
    rank: int = 1,
    path: str = "Software",
    ladder: str = "tier",
) -> TierRequirement:
    return TierRequirement.objects.create(
        ladder=ladder, path=path, tier=tier, tier_rank=rank, metric=metric, threshold=threshold
    )

"""Demo data of Programs, Learn and the scorecard (`manage.py load_demo`): the catalogue
of programs and designations, Solution Provider Resources, the Learn catalogue, the
Services and Software tiers of the tier guide (Appendix D of the API notes) as
thresholds, certification records imported for Octank's people, and Octank's draft
and submitted program applications."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.programs.models import (
    CertificationRecord,
    Course,
    Designation,
    Program,
    ResourcePage,
    TierRequirement,
)
from allyport.programs.services import applications, learning
from allyport.programs.services.certification_import import import_certifications

PROGRAMS: tuple[dict[str, Any], ...] = (
    {"slug": "isv-workload-migration", "name": "AWS ISV Workload Migration Program",
     "summary": "Funding, guidance and tooling to migrate ISV workloads to AWS.",
     "benefits": "Migration funding\nAWS specialist support"},
    {"slug": "aws-specialization", "name": "AWS Specialization Program",
     "summary": "AWS Competency, Service Delivery and Service Ready designations that validate "
                "technical expertise and customer success."},
    {"slug": "solution-provider", "name": "AWS Solution Provider Program",
     "summary": "Resell AWS services and add your own value to customers' bills."},
)  # fmt: skip

DESIGNATIONS: tuple[dict[str, Any], ...] = (
    {"program": "isv-workload-migration", "slug": "isv-workload-migration",
     "name": "ISV Workload Migration", "kind": "program", "paths": ["Software"],
     "summary": "For ISVs migrating their SaaS workloads to AWS.",
     "requirements": "A validated software offering and a migration plan.",
     "questions": ["Which workload do you migrate?", "Describe your migration plan."],
     "references_required": 1},
    {"program": "aws-specialization", "slug": "migration-competency",
     "name": "Migration and Modernization Competency", "kind": "competency", "paths": [],
     "summary": "Validated expertise in migrating customers to AWS.",
     "requirements": "Two customer case studies, a technical validation and certified staff.",
     "questions": ["Describe your migration methodology."], "case_studies_required": 2,
     "references_required": 2, "attachment_required": True},
    {"program": "aws-specialization", "slug": "lambda-service-delivery",
     "name": "AWS Lambda Service Delivery", "kind": "service_delivery", "paths": ["Services"],
     "summary": "Validated delivery of AWS Lambda solutions.",
     "questions": ["Describe a Lambda project you delivered."], "references_required": 1},
    {"program": "solution-provider", "slug": "solution-provider", "name": "Solution Provider",
     "kind": "program", "paths": ["Services", "Distribution"], "min_stage": "Confirmed",
     "summary": "Authorized to resell AWS.", "questions": ["Which customers will you bill?"]},
)  # fmt: skip

RESOURCES: tuple[dict[str, Any], ...] = (
    {"slug": "solution-provider-onboarding", "title": "Onboarding as a Solution Provider",
     "summary": "What to set up in your first 30 days.", "position": 1,
     "body": "Set up your billing account and tax information first.\n\nThen invite your "
             "finance team and map their roles."},
    {"slug": "solution-provider-billing", "title": "Billing your customers",
     "summary": "Invoices, credits and the end-user information you report.", "position": 2,
     "body": "Report each end customer's account in Channel Management.\n\nCredits apply to "
             "the payer account."},
)  # fmt: skip

COURSES: tuple[dict[str, Any], ...] = (
    {"kind": "partner_training", "title": "AWS Partner: Accreditation (Technical)",
     "format": "accreditation", "track": "technical", "duration_minutes": 300},
    {"kind": "partner_training", "title": "AWS Partner: Sales Accreditation (Business)",
     "format": "accreditation", "track": "business", "duration_minutes": 180},
    {"kind": "self_paced", "title": "AWS Cloud Practitioner Essentials", "format": "course",
     "duration_minutes": 360},
    {"kind": "self_paced", "title": "AWS Solution Seller Learning Plan", "format": "learning_path",
     "track": "business", "duration_minutes": 600, "level": "Intermediate"},
    {"kind": "instructor_led", "title": "Architecting on AWS", "format": "course",
     "duration_minutes": 1440, "level": "Intermediate"},
    {"kind": "certification", "title": "Exam Prep: AWS Certified Solutions Architect - Associate",
     "format": "exam_prep", "duration_minutes": 240, "level": "Associate"},
)  # fmt: skip

# The tier guide's Services path (and the same ladder for Software), and the stage
# Differentiated: an AWS Specialization (a technical validation).
TIERS = {
    "Select": (1, {"accredited_business": 2, "accredited_technical": 2,
                   "foundational_certified": 2, "technical_certified": 2,
                   "launched_opportunities": 3, "launched_mrr": 1500}),
    "Advanced": (2, {"accredited_business": 4, "accredited_technical": 4,
                     "foundational_certified": 4, "technical_certified": 6,
                     "pro_specialty_certified": 3, "launched_opportunities": 20,
                     "launched_mrr": 10000}),
    "Premier": (3, {"accredited_business": 10, "accredited_technical": 10,
                    "foundational_certified": 10, "technical_certified": 25,
                    "pro_specialty_certified": 10, "launched_opportunities": 50,
                    "launched_mrr": 50000, "validations": 3}),
}  # fmt: skip


def _catalogue() -> None:
    programs = {p["slug"]: Program.objects.create(**p) for p in PROGRAMS}
    for values in DESIGNATIONS:
        Designation.objects.create(**{**values, "program": programs[values["program"]]})
    for values in RESOURCES:
        ResourcePage.objects.create(program=programs["solution-provider"], published=True, **values)
    for position, values in enumerate(COURSES):
        link = "https://skillbuilder.aws/"
        Course.objects.create(published=True, position=position, link=link, **values)


def _thresholds() -> None:
    rows = [
        TierRequirement(path=path, tier=tier, tier_rank=rank, metric=metric, threshold=n)
        for path in ("Software", "Services")
        for tier, (rank, needs) in TIERS.items()
        for metric, n in needs.items()
    ]
    rows += [
        TierRequirement(ladder="stage", path=path, tier="Differentiated", tier_rank=5,
                        metric="validations", threshold=1)
        for path in ("Software", "Services")
    ]  # fmt: skip
    TierRequirement.objects.bulk_create(rows)


def _certifications(company: Company) -> None:
    earned = (date.today() - timedelta(days=90)).isoformat()
    expiry = (date.today() + timedelta(days=3 * 365)).isoformat()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["email", "certification", "level", "date", "expiry"])
    names = {
        "alliance_lead": ("AWS Certified Cloud Practitioner", "Foundational"),
        "technical_staff": ("AWS Certified Solutions Architect - Associate", "Associate"),
        "cloud_admin": ("AWS Certified DevOps Engineer - Professional", "Professional"),
        "ace_manager": ("AWS Certified Cloud Practitioner", "Foundational"),
    }
    for key, (name, level) in names.items():
        writer.writerow([f"{key}@octank.example", name, level, earned, expiry])
    import_certifications(Actor.system(), "demo-certifications.csv", out.getvalue().encode())
    # Recorded a week ago, so they are past the FAQ's delay and show on the scorecard.
    CertificationRecord.objects.update(recorded_at=timezone.now() - timedelta(days=7))


def _applications(company: Company) -> None:
    lead = User.objects.get(email="alliance_lead@octank.example")
    actor = Actor.for_member(lead)
    draft = applications.create_application(actor, "isv-workload-migration", acknowledged=True)
    applications.update_application(
        actor, draft.public_id, answers={"Which workload do you migrate?": "Octank Analytics"},
        case_studies=[], references=[],
    )  # fmt: skip
    sent = applications.create_application(actor, "lambda-service-delivery", acknowledged=True)
    applications.update_application(
        actor, sent.public_id,
        answers={"Describe a Lambda project you delivered.": "Event-driven billing for AnyCompany"},
        case_studies=[], references=["AnyCompany Retail, Jane Doe, CTO"], submit=True,
    )  # fmt: skip
    accreditation = Course.objects.get(title="AWS Partner: Accreditation (Technical)")
    learning.submit_completion(actor, accreditation.pk)


def load_programs_demo(company: Company) -> list[str]:
    _catalogue()
    _thresholds()
    _certifications(company)
    _applications(company)
    return [
        "Programs: Octank has a draft ISV Workload Migration application and a submitted "
        "AWS Lambda Service Delivery one (review it in the staff admin, Program applications).",
        "Certifications for four Octank people are imported; see My Company, Partner Scorecard.",
    ]

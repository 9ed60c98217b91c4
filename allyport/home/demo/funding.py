"""Demo funding (`manage.py load_demo`): the benefits catalogue, and Octank's
applications in each state the Funding Portal shows (a draft, one in review, one that
needs action, one approved with its allocation partly used)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.funding.models import Benefit
from allyport.funding.services import applications, lifecycle, review

MDF_SCHEMA = {
    "required": ["activity", "expected_leads"],
    "properties": {
        "activity": {"title": "Marketing activity", "description": "Event, webinar, campaign…"},
        "expected_leads": {"title": "Expected leads"},
        "audience": {"title": "Audience"},
    },
}
POC_SCHEMA = {
    "required": ["customer", "workload"],
    "properties": {
        "customer": {"title": "Customer"},
        "workload": {"title": "Workload to prove"},
        "monthly_spend": {"title": "Expected monthly AWS spend (USD)"},
    },
}
BENEFITS: tuple[dict[str, Any], ...] = (
    {"name": "Marketing Development Funds", "fund_type": "MDF", "fulfillment_types": ["CASH"],
     "programs": ["APN_MDF"], "max_amount": Decimal("50000"), "request_schema": MDF_SCHEMA,
     "description": "Co-funding for demand-generation activities that build pipeline on AWS."},
    {"name": "Proof of Concept funding", "fund_type": "POC",
     "fulfillment_types": ["CASH", "CREDITS"],
     "programs": ["POC"], "eligible_paths": ["Services", "Software"], "min_stage": "Validated",
     "max_amount": Decimal("25000"), "request_schema": POC_SCHEMA,
     "description": "Funds or credits for a customer proof of concept."},
    {"name": "Migration Acceleration credits", "fund_type": "CREDITS",
     "fulfillment_types": ["CREDITS"], "programs": ["MAP"], "eligible_paths": ["Services"],
     "min_stage": "Differentiated", "eligible_tiers": ["Advanced", "Premier"],
     "max_amount": Decimal("100000"), "request_schema": POC_SCHEMA,
     "description": "AWS Promotional Credits to offset migration costs."},
    {"name": "Training funding", "fund_type": "TRAINING", "fulfillment_types": ["ACCESS"],
     "programs": ["TRAINING"], "request_schema": {},
     "description": "Seats in instructor-led AWS training for your consultants."},
)  # fmt: skip


def load_funding_demo(company: Company, lead_email: str) -> list[str]:
    """The catalogue and `company`'s applications, through the services; notes to print."""
    made = {b["name"]: Benefit.objects.create(catalog="AWS", **b) for b in BENEFITS}
    lead = Actor.for_member(get_user_model().objects.get(email=lead_email))
    staff = Actor.system()
    mdf, poc = made["Marketing Development Funds"], made["Proof of Concept funding"]

    def apply(benefit: Benefit, name: str, details: dict[str, str], submit: bool) -> str:
        payload = {"BenefitIdentifier": benefit.public_id, "Name": name,
                   "BenefitApplicationDetails": details}  # fmt: skip
        application = applications.create_application(lead, "AWS", payload)
        if submit:
            lifecycle.submit_application(lead, "AWS", application.public_id)
        return application.public_id

    apply(mdf, "Re:Invent recap roadshow", {"activity": "Roadshow in three cities"}, False)
    apply(poc, "Octank Retail data lake POC", {"customer": "AnyCompany Retail",
          "workload": "Data lake on Amazon S3"}, True)  # fmt: skip
    asked = apply(mdf, "Q3 webinar series", {"activity": "Webinars", "expected_leads": "40"}, True)
    review.request_action(staff, asked, "Add the agenda of each webinar.")
    approved = apply(mdf, "Security summit sponsorship",
                     {"activity": "Sponsorship", "expected_leads": "120"}, True)  # fmt: skip
    allocation = review.approve_application(staff, approved, amount="15000")
    review.set_utilized(staff, allocation.public_id, "4200")
    return [f"Funding: {len(made)} benefits; Octank has 4 applications (Funding > Funding Portal)."]

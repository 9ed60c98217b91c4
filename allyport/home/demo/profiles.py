"""Demo data of the company profile (`manage.py load_demo`): Octank's filled-in profile
and listing, partner terms accepted at registration, a paid program fee, and a few more
Validated partners so the public Partner Solutions Finder has something to find."""

from __future__ import annotations

from typing import Any

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.accounts.services.operators import create_company
from allyport.pipeline.models import Solution
from allyport.pipeline.services import create_solution, update_solution
from allyport.profiles.models import ProfileVersion
from allyport.profiles.services import fees, listing, locations, profile, stages, terms

TERMS = """1. Membership. These terms govern your company's participation in the partner program.

2. Use of the portal. Each user signs in with their own credentials; sharing them is not allowed.

3. Program fee. Companies at the Confirmed stage or higher pay the yearly program fee."""

PARTNERS: tuple[dict[str, Any], ...] = (
    {"domain": "anycompany-cloud.example", "name": "AnyCompany Cloud Services",
     "type": "MANAGED_SERVICES", "industries": ["FINANCIAL_SERVICES", "HEALTHCARE"],
     "areas": ["MIGRATION", "SECURITY"], "hq": ("Seattle", "US", "WA"),
     "text": "Managed landing zones, migrations and round-the-clock operations."},
    {"domain": "example-analytics.example", "name": "Example Analytics",
     "type": "SOFTWARE_PRODUCTS", "industries": ["RETAIL"], "areas": ["DATA_ANALYTICS"],
     "hq": ("Berlin", "DE", "BE"), "text": "A retail demand-forecasting platform built on AWS."},
    {"domain": "blue-harbor.example", "name": "Blue Harbor Training",
     "type": "TRAINING_SERVICES", "industries": ["EDUCATION"], "areas": ["TRAINING"],
     "hq": ("Sydney", "AU", "NSW"), "text": "Hands-on cloud courses for engineering teams."},
)  # fmt: skip


def _details(name: str, kind: str, industries: list[str], text: str, domain: str) -> dict[str, Any]:
    return {
        "DisplayName": name, "Description": text, "WebsiteUrl": f"https://{domain}",
        "LogoUrl": "", "PrimarySolutionType": kind, "IndustrySegments": industries,
        "TranslationSourceLocale": "en-US",
    }  # fmt: skip


def _fill(lead: User, company: Company, spec: dict[str, Any]) -> None:
    actor = actors.for_user(lead)
    listing.start_profile_update(
        actor, company,
        _details(spec["name"], spec["type"], spec["industries"], spec["text"], spec["domain"]),
    )  # fmt: skip
    profile.set_offering_types(actor, company, [spec["type"]])
    profile.set_solution_areas(actor, company, spec["areas"])
    city, country, region = spec["hq"]
    locations.create_location(
        actor, company,
        {"name": "Headquarters", "city": city, "country": country,
         "subdivision_code": region, "is_headquarters": True},
    )  # fmt: skip


def _octank(octank: Company, staff: Actor) -> None:
    lead = User.objects.get(email="alliance_lead@octank.example")
    actor = actors.for_user(lead)
    _fill(lead, octank, {
        "name": "Octank Software", "type": "SOFTWARE_PRODUCTS", "domain": "octank.example",
        "industries": ["COMPUTER_SOFTWARE", "FINANCIAL_SERVICES"],
        "areas": ["DATA_ANALYTICS", "MACHINE_LEARNING", "SAAS"], "hq": ("Seattle", "US", "WA"),
        "text": "Analytics software for banks and insurers, delivered as SaaS on AWS.",
    })  # fmt: skip
    # Octank is listed already: its listing change waits for the program's approval.
    listing.approve_profile_update(
        staff, ProfileVersion.objects.get(company=octank, status="IN_PROGRESS")
    )
    locations.create_location(
        actor, octank, {"name": "London office", "city": "London", "country": "GB"}
    )
    profile.update_company_profile(actor, octank, {"countries_served": ["US", "GB", "DE"]})
    solution = create_solution(
        actor, "AWS", {"name": "Octank Risk Insights", "category": "Software Product"}
    )
    update_solution(actor, "AWS", solution.public_id, {"status": Solution.Status.ACTIVE})
    profile.set_solution_description(
        actor, octank, solution.public_id, "Real-time credit risk scoring with Amazon SageMaker."
    )
    fee = octank.program_fees.first()
    if fee is None:
        octank.stage = "Enrolled"
        octank.save(update_fields=["stage"])
        fee = fees.submit_fee_upgrade(actor, octank, "111122223333")
        stages.move_stage(staff, octank, "Validated", "Demo: foundational technical review passed")
    fees.record_fee_payment(staff, fee, "DEMO-INVOICE-1")


def load_profiles_demo(password: str) -> list[str]:
    """Profiles, listings, terms and a fee; the lines to print."""
    staff = Actor.system()
    version = terms.publish_terms(staff, "Partner Network Terms and Conditions", TERMS)
    for company in Company.objects.all():
        lead = User.objects.filter(company=company, role_assignments__role="alliance_lead").first()
        if lead is not None:
            terms.accept_terms(
                actors.for_user(lead), company, version.version, source="registration"
            )
    octank = Company.objects.get(domains__domain="octank.example")
    _octank(octank, staff)
    for spec in PARTNERS:
        company, lead = create_company(
            spec["domain"], spec["name"], f"lead@{spec['domain']}", password,
            stage="Confirmed", solution_type=spec["type"],
        )  # fmt: skip
        _fill(lead, company, spec)
        stages.record_validation(staff, company, "Demo: validation passed")
    return [
        "Partner Solutions Finder (public, no sign-in): /partners/",
        "Company Profile: My Company > Company Profile (Octank is Validated; Northwind Registered)",
    ]

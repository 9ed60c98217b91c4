"""The trio for every content page: sign-in required (redirect to sign-in), another
company's record is the same 404 as a missing one, a role (or stage, or path) the
access model leaves out gets 403 with the reason shown. Public pages open without
sign-in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.decisions import authorize
from allyport.accounts.models import Company
from allyport.content.tests import factories
from allyport.content.tests.conftest import signed_in
from allyport.pipeline.tests.test_portal_support import text
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db

Args = Callable[[Company], list[str]]


def _none(company: Company) -> list[str]:
    return []


@dataclass(frozen=True)
class Page:
    name: str
    menu: str | None  # the access-model item, None: every member
    allowed: str  # a role that may open it
    denied: str | None = None  # a role that may not
    args: Args = _none
    owned: bool = False  # a record of the company: another company's is 404
    heading: str = ""


def _case_study(c: Company) -> list[str]:
    return [factories.case_study(factories.lead_of(c)).public_id]


def _device(c: Company) -> list[str]:
    return [factories.device(factories.lead_of(c)).public_id]


def _workload(c: Company) -> list[str]:
    from allyport.content.tests.test_build import WORKLOAD, workload

    return [workload(factories.lead_of(c), WORKLOAD).public_id]


def _reference(c: Company) -> list[str]:
    return [factories.reference(factories.lead_of(c)).public_id]


PAGES = [
    Page("news", None, "standard_user", heading="Partner news"),
    Page(
        "news_item",
        None,
        "standard_user",
        args=lambda c: [factories.news("Hello").public_id],
        heading="Hello",
    ),
    Page("events", None, "channel_user", heading="Partner events"),
    Page(
        "event",
        None,
        "channel_user",
        args=lambda c: [factories.event("Summit").public_id],
        heading="Summit",
    ),
    Page("walkthroughs", None, "standard_user", heading="Partner walkthroughs"),
    Page("navigate", "Resources/Navigate", "standard_user", heading="Navigate"),
    Page("documents", "Resources/Documents", "standard_user", heading="Documents"),
    Page("videos", "Resources/Videos", "standard_user", heading="Videos"),
    Page("faqs", "Resources/FAQs", "standard_user", heading="FAQs"),
    Page("view_all", "Resources/View all", "standard_user", heading="All resources"),
    Page(
        "case_studies",
        "Build/Case Studies",
        "technical_staff",
        "standard_user",
        heading="Case Studies",
    ),
    Page(
        "case_study_new",
        "Build/Case Studies",
        "marketing_staff",
        "channel_user",
        heading="Create case study",
    ),
    Page(
        "case_study",
        "Build/Case Studies",
        "alliance_team",
        "standard_user",
        _case_study,
        True,
        "Retail analytics",
    ),
    Page("devices", "Build/Device Listing", "standard_user", heading="Device Listing"),
    Page("device_new", "Build/Device Listing", "channel_user", heading="Submit a device"),
    Page("device", "Build/Device Listing", "standard_user", None, _device, True, "Edge gateway"),
    Page(
        "workloads",
        "Build/Well-Architected workloads",
        "technical_staff",
        "marketing_staff",
        heading="Well-Architected workloads",
    ),
    Page(
        "workload_new",
        "Build/Well-Architected workloads",
        "alliance_team",
        "ace_user",
        heading="Record workload review",
    ),
    Page(
        "workload",
        "Build/Well-Architected workloads",
        "technical_staff",
        "standard_user",
        _workload,
        True,
        "Storefront",
    ),
    Page(
        "sponsorships", "Market/Sponsorships", "ace_user", "technical_staff", heading="Sponsorships"
    ),
    Page(
        "sponsorship_request",
        "Market/Sponsorships",
        "marketing_staff",
        "standard_user",
        lambda c: [factories.opportunity().public_id],
        heading="Request sponsorship",
    ),
    Page(
        "toolkit",
        "Market/Marketing Toolkit",
        "ace_manager",
        "technical_staff",
        heading="Marketing Toolkit",
    ),
    Page(
        "references",
        "Market/Public Reference",
        "marketing_staff",
        "standard_user",
        heading="Public Reference",
    ),
    Page(
        "reference_new",
        "Market/Public Reference",
        "alliance_team",
        "technical_staff",
        heading="Submit reference",
    ),
    Page(
        "reference",
        "Market/Public Reference",
        "marketing_staff",
        "standard_user",
        _reference,
        True,
        "Octank Retail",
    ),
    Page("badges", "Market/Badge Manager", "alliance_team", "ace_user", heading="Badge Manager"),
    Page("jobs", "My Company/Job Board", "alliance_team", "ace_manager", heading="Job Board"),
    Page("job_new", "My Company/Job Board", "alliance_team", "standard_user", heading="Post a job"),
]
IDS = [page.name for page in PAGES]


def url_of(page: Page, company: Company) -> str:
    return reverse(f"content:{page.name}", args=page.args(company))


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_it_opens_for_a_role_that_may(validated: Company, client_for: Any, page: Page) -> None:
    response = signed_in(client_for, validated, page.allowed).get(url_of(page, validated))
    assert response.status_code == 200
    assert f"<h1>{page.heading}" in text(response)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_it_requires_sign_in(client: Any, validated: Company, page: Page) -> None:
    response = client.get(url_of(page, validated))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "page", [p for p in PAGES if p.denied], ids=[p.name for p in PAGES if p.denied]
)
def test_it_refuses_a_role_without_the_menu_with_the_reason(
    validated: Company, client_for: Any, page: Page
) -> None:
    user = make_user(validated, page.denied)  # type: ignore[arg-type]
    response = client_for(user).get(url_of(page, validated))
    assert response.status_code == 403
    reason = authorize(actors.for_user(user), f"menu:{page.menu}").reason
    assert reason and reason in text(response)


@pytest.mark.parametrize(
    "page", [p for p in PAGES if p.owned], ids=[p.name for p in PAGES if p.owned]
)
def test_another_companys_record_is_not_found(
    validated: Company, other: Company, client_for: Any, page: Page
) -> None:
    theirs = url_of(page, other)
    response = signed_in(client_for, validated, page.allowed).get(theirs)
    assert response.status_code == 404
    missing = theirs.replace(theirs.rstrip("/").rsplit("/", 1)[1], "x-000000000000")
    assert signed_in(client_for, validated, page.allowed).get(missing).status_code == 404


@pytest.mark.parametrize(
    ("name", "stage", "paths", "reason"),
    [
        ("workloads", "Enrolled", ["Software"], "your company must be Confirmed or higher"),
        ("workloads", "Validated", ["Hardware"], "only for the Software or Services path"),
        ("references", "Registered", ["Software"], "your company must be Enrolled or higher"),
        ("badges", "Confirmed", ["Software"], "your company must be Validated or higher"),
    ],
)
def test_stage_and_path_limits_refuse_with_the_reason(
    client_for: Any, name: str, stage: str, paths: list[str], reason: str
) -> None:
    company, lead = make_company(stage=stage, paths=paths)
    response = client_for(lead).get(reverse(f"content:{name}"))
    assert response.status_code == 403
    assert reason in text(response)


def test_public_pages_open_without_sign_in(client: Any, validated: Company) -> None:
    posting = factories.job(factories.lead_of(validated))
    assert "Solutions architect" in text(
        client.get(reverse("content:public_job", args=[posting.public_id]))
    )
    listed = client.get(reverse("content:public_company_jobs", args=[validated.public_id]))
    assert "Jobs at Octank" in text(listed) and "Solutions architect" in text(listed)
    assert "Device catalogue" in text(client.get(reverse("content:device_catalogue")))

"""What people do on the profile pages: edit the company, upload a logo, add a domain
by code (and a user registering with it joins), enroll, submit the fee form, accept
the terms."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from allyport.accounts.models import User
from allyport.accounts.tests.flows import user_details, verified
from allyport.profiles.models import CompanyProfile, ProfileVersion
from allyport.profiles.services import terms
from allyport.profiles.tests.conftest import staff
from allyport.profiles.tests.test_domain_services import last_code
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db
FORM = {
    "display_name": "Octank Cloud",
    "description": "Data platforms.",
    "website_url": "https://octank.example",
    "phone": "+1 555 0100",
    "employee_count": "11-50",
    "industry_segments": ["RETAIL"],
    "customer_segments": ["SMB"],
    "countries_served": ["US"],
}


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "navy").save(out, "PNG")
    return out.getvalue()


def test_editing_the_company_applies_and_keeps_a_version(
    client_for: Callable[[User], Client],
) -> None:
    company, lead = make_company("Octank")
    client = client_for(lead)
    response = client.post(reverse("profiles:company"), FORM, follow=True)
    page = response.content.decode()
    assert "Your company profile was saved." in page
    assert CompanyProfile.objects.get(company=company).display_name == "Octank Cloud"
    assert "Octank Cloud" in page and "+1 555 0100" in page
    assert "IndustrySegments</strong>: — → RETAIL" in page  # the version, as people read it
    assert ProfileVersion.objects.filter(company=company).count() == 2  # company + listing


def test_every_error_is_shown_next_to_its_field(client_for: Callable[[User], Client]) -> None:
    company, lead = make_company()
    response = client_for(lead).post(
        reverse("profiles:company"),
        {
            **FORM,
            "display_name": "",
            "industry_segments": ["RETAIL", "GAMING", "OTHER", "EDUCATION"],
        },
    )
    page = response.content.decode()
    assert "Correct the 2 fields marked below." in page
    assert "Choose at most 3 industries." in page


def test_a_listed_company_waits_for_approval_and_can_withdraw(
    client_for: Callable[[User], Client],
) -> None:
    company, lead = make_company(stage="Validated")
    client = client_for(lead)
    page = client.post(reverse("profiles:company"), FORM, follow=True).content.decode()
    assert "published once the program approves them" in page
    assert "Listing change waiting for approval" in page
    pending = ProfileVersion.objects.get(company=company, status="IN_PROGRESS")
    page = client.post(
        reverse("profiles:cancel_update"), {"task": pending.task_id}, follow=True
    ).content.decode()
    assert "The listing change was withdrawn." in page


def test_logo_upload_checks_the_bytes_and_is_served_safely(
    client_for: Callable[[User], Client],
) -> None:
    company, lead = make_company()
    client = client_for(lead)
    bad = io.BytesIO(b"<script>alert(1)</script>")
    bad.name = "logo.png"
    page = client.post(reverse("profiles:company"), {**FORM, "logo": bad}).content.decode()
    assert "Upload a PNG, JPEG or GIF image." in page
    good = io.BytesIO(png())
    good.name = "logo.png"
    client.post(reverse("profiles:company"), {**FORM, "logo": good})
    url = CompanyProfile.objects.get(company=company).logo_url
    served = Client().get(url[url.index("/partners/") :])
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served.content == png()


def test_a_domain_added_by_code_lets_new_users_join(client_for: Callable[[User], Client]) -> None:
    company, lead = make_company(domain="octank.example")
    client = client_for(lead)
    page = client.post(
        reverse("profiles:domains"),
        {"action": "send", "email": "it@octank-labs.example"},
        follow=True,
    ).content.decode()
    assert "We sent a code to it@octank-labs.example" in page
    assert "Code sent to it@octank-labs.example" in page
    wrong = client.post(
        reverse("profiles:domains"),
        {"action": "verify", "email": "it@octank-labs.example", "code": "999999"},
    ).content.decode()
    if last_code("it@octank-labs.example") != "999999":
        assert "That code is not right." in wrong
    page = client.post(
        reverse("profiles:domains"),
        {
            "action": "verify",
            "email": "it@octank-labs.example",
            "code": last_code("it@octank-labs.example"),
        },
        follow=True,
    ).content.decode()
    assert "octank-labs.example was added." in page
    visitor = Client()
    verified(visitor, "user", "new.person@octank-labs.example")
    visitor.post("/register/user/details/", user_details())
    assert User.objects.get(email="new.person@octank-labs.example").company == company


def test_another_company_s_domain_is_refused_on_the_page(
    client_for: Callable[[User], Client],
) -> None:
    _company, lead = make_company()
    make_company(domain="theirs.example")
    page = (
        client_for(lead)
        .post(reverse("profiles:domains"), {"action": "send", "email": "x@theirs.example"})
        .content.decode()
    )
    assert "share one AWS Partner Central account" in page


def test_removing_a_domain_asks_for_confirm(client_for: Callable[[User], Client]) -> None:
    company, lead = make_company(domain="first.example")
    company.domains.create(domain="second.example")
    client = client_for(lead)
    url = reverse("profiles:domain_remove", args=["second.example"])
    assert (
        "Type &quot;confirm&quot; to continue."
        in client.post(url, {"confirm": "yes"}).content.decode()
    )
    page = client.post(url, {"confirm": "confirm"}, follow=True).content.decode()
    assert "second.example was removed. Its users stay members." in page


def test_products_enroll_and_fee(client_for: Callable[[User], Client]) -> None:
    company, lead = make_company()
    client = client_for(lead)
    client.post(reverse("profiles:products"), {"offering_types": ["CONSULTING_SERVICES"]})
    page = client.post(
        reverse("profiles:enroll"), {"path": "Services"}, follow=True
    ).content.decode()
    assert "You are enrolled in the Services path." in page
    assert "Registered" in page and "Enrolled" in page  # the stage history
    page = client.post(reverse("profiles:fee"), {"paying_account_id": "12"}).content.decode()
    assert "An AWS account ID is 12 digits." in page
    page = client.post(
        reverse("profiles:fee"), {"paying_account_id": "123456789012"}, follow=True
    ).content.decode()
    assert "Your company is Confirmed." in page and "123456789012" in page


def test_terms_accept_by_the_lead_only(client_for: Callable[[User], Client]) -> None:
    company, lead = make_company()
    terms.publish_terms(staff(), "Partner terms", "You agree to be excellent.")
    team = (
        client_for(make_user(company, "alliance_team"))
        .get(reverse("profiles:terms"))
        .content.decode()
    )
    assert "Your alliance lead accepts the terms for your company." in team
    client = client_for(lead)
    page = client.get(reverse("profiles:terms")).content.decode()
    assert "You agree to be excellent." in page and "Not accepted yet" in page
    page = client.post(reverse("profiles:terms"), {"version": "1"}, follow=True).content.decode()
    assert "You accepted version 1" in page
    assert f"Version 1, by {lead.email}" in page


def test_a_new_version_asks_the_lead_at_sign_in(client: Client) -> None:
    company, lead = make_company()
    terms.publish_terms(staff(), "Partner terms", "Text")
    response = client.post(
        reverse("account_login"), {"login": lead.email, "password": "Test!Pass1"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("profiles:terms"))


def test_registration_accepts_the_current_terms_for_the_company() -> None:
    from allyport.accounts.tests.flows import company_details
    from allyport.profiles.models import TermsAcceptance

    terms.publish_terms(staff(), "Partner terms", "Text")
    client = Client()
    verified(client, "company", "ana@newpartner.example")
    refused = client.post("/register/company/details/", company_details())
    assert refused.status_code == 200
    assert "I accept the Partner Terms and Conditions" in refused.content.decode()
    assert "This field is required." in refused.content.decode()
    response = client.post("/register/company/details/", company_details(accept_terms="on"))
    assert response.status_code == 302
    acceptance = TermsAcceptance.objects.get()
    assert (acceptance.version.version, acceptance.user.email, acceptance.source) == (
        1, "ana@newpartner.example", "registration",
    )  # fmt: skip
    assert Client().get(reverse("profiles:public_terms")).content.decode().count("Text") >= 1


def test_cancelling_the_membership_opens_the_faq_s_support_case(
    client_for: Callable[[User], Client],
) -> None:
    from allyport.support.models import SupportCase

    company, lead = make_company(stage="Confirmed")
    client = client_for(lead)
    page = client.post(reverse("profiles:fee"), {"action": "cancel", "confirm": "no"}, follow=True)
    assert "Type &quot;confirm&quot; to continue." in page.content.decode()
    assert not SupportCase.objects.exists()
    page = client.post(
        reverse("profiles:fee"), {"action": "cancel", "confirm": "confirm"}, follow=True
    )
    case = SupportCase.objects.get(company=company)
    assert case.category == "APN Program Fee and Renewal: Downgrade my APN Membership"
    assert f"Support case {case.case_id} asks to downgrade" in page.content.decode()


def test_the_menus_link_the_profile_pages(client_for: Callable[[User], Client]) -> None:
    _company, lead = make_company(stage="Validated")
    page = client_for(lead).get("/").content.decode()
    for url in ("/company/profile/", "/profile/terms/", "/market/find-partners/",
                "/market/solutions-finder-listing/", "/company/program-fee/"):  # fmt: skip
        assert f'href="{url}"' in page, url


def test_an_offering_s_text_reaches_the_public_page(client_for: Callable[[User], Client]) -> None:
    from allyport.pipeline.tests.conftest import make_solution

    company, lead = make_company("Shown Co", stage="Validated")
    solution = make_solution(company, name="Risk Insights")
    client = client_for(lead)
    page = client.post(
        reverse("profiles:solutions"),
        {"solution": solution.public_id, "text": "Scores credit risk in real time."},
        follow=True,
    ).content.decode()
    assert "The description was saved." in page
    public = Client().get(f"/partners/{company.public_id}/", follow=True).content.decode()
    assert "Risk Insights" in public and "Scores credit risk in real time." in public


def test_business_verification_from_the_page(client_for: Callable[[User], Client]) -> None:
    company, lead = make_company()
    client = client_for(lead)
    page = client.post(
        reverse("profiles:verification"), {"action": "business", "legal_name": "", "country": ""}
    ).content.decode()
    assert "Correct the 3 fields marked below." in page
    page = client.post(
        reverse("profiles:verification"),
        {
            "action": "business",
            "legal_name": "Octank LLC",
            "registration_id": "C-1",
            "country": "US",
        },
        follow=True,
    ).content.decode()
    assert "Your business details were sent for review." in page and "In review" in page

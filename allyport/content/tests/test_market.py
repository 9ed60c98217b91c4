"""Market: public references (consent, validation, the scorecard slot), sponsorships
(request once, staff confirm while slots remain), the toolkit's downloads and the
badges (escaped SVG, real PNG, the company's qualifications)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.accounts.models import Company
from allyport.content.market import badges, references, sponsorships
from allyport.content.market.models import BadgeDownload, PublicReference, SponsorshipRequest
from allyport.content.tests import factories
from allyport.core import contributions
from allyport.core.contributions import contributed
from allyport.core.errors import ChangeRefused, RuleViolation
from allyport.pipeline.tests.test_portal_support import field_errors, text
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db


def test_a_reference_needs_the_customers_consent_and_counts_once_validated(
    validated: Company, client_for: Any, staff: Actor
) -> None:
    client = client_for(make_user(validated, "marketing_staff"))
    refused = client.post(
        reverse("content:reference_new"),
        factories.REFERENCE | {"consent": "", "customer_email": "x"},
    )
    assert set(field_errors(refused)) == {"consent", "customer_email"}
    assert "consent to be named publicly" in text(refused)
    client.post(reverse("content:reference_new"), factories.REFERENCE | {"consent": "on"})
    reference = PublicReference.objects.get()
    assert reference.status == "submitted" and reference.consent_recorded_at is not None
    assert [fn(validated) for fn in contributed("company.public_references")] == [0]
    references.validate_reference(staff, reference.public_id, approve=True)
    assert [fn(validated) for fn in contributed("company.public_references")] == [1]
    assert "1 validated reference" in text(client.get(reverse("content:references")))


def test_a_reference_sent_back_is_corrected_and_submitted_again(
    validated: Company, client_for: Any, staff: Actor
) -> None:
    reference = factories.reference(factories.lead_of(validated))
    references.validate_reference(
        staff, reference.public_id, approve=False, note="Use the customer's full name"
    )
    client = client_for(make_user(validated, "alliance_team"))
    page = text(client.get(reverse("content:reference", args=[reference.public_id])))
    assert "Use the customer's full name" in page
    client.post(
        reverse("content:reference", args=[reference.public_id]),
        factories.REFERENCE | {"customer": "Octank Retail Inc.", "consent": "on"},
    )
    reference.refresh_from_db()
    assert (reference.customer, reference.status) == ("Octank Retail Inc.", "submitted")


def test_a_sponsorship_is_requested_once_and_confirmed_while_slots_remain(
    validated: Company, other: Company, client_for: Any, staff: Actor
) -> None:
    opportunity = factories.opportunity(slots=1)
    client = client_for(make_user(validated, "ace_user"))
    url = reverse("content:sponsorship_request", args=[opportunity.public_id])
    assert set(field_errors(client.post(url, {"contact_email": "nope"}))) == {"contact_email"}
    response = client.post(
        url, {"contact_email": "events@octank.example", "message": "Booth please"}, follow=True
    )
    assert "staff will confirm it" in text(response) and "Awaiting confirmation" in text(response)
    with pytest.raises(ChangeRefused):
        sponsorships.request_sponsorship(
            actors.for_user(factories.lead_of(validated)),
            opportunity.public_id,
            {"contact_email": "a@octank.example"},
        )
    theirs = sponsorships.request_sponsorship(
        actors.for_user(factories.lead_of(other)),
        opportunity.public_id,
        {"contact_email": "a@northwind.example"},
    )
    ours = SponsorshipRequest.objects.get(company=validated)
    sponsorships.confirm_sponsorship(staff, ours.public_id, approve=True)
    with pytest.raises(ChangeRefused, match="slot"):
        sponsorships.confirm_sponsorship(staff, theirs.public_id, approve=True)
    assert "Confirmed" in text(client.get(reverse("content:sponsorships")))


def test_the_toolkit_lists_guidelines_and_downloads_assets(
    validated: Company, client_for: Any
) -> None:
    item = factories.toolkit_item("Logo pack")
    client = client_for(make_user(validated, "ace_manager"))
    page = text(client.get(reverse("content:toolkit")))
    assert (
        "Brand guidelines" in page and "Logo pack" in page and "Use on light backgrounds." in page
    )
    download = client.get(reverse("content:toolkit_file", args=[item.public_id]))
    assert download.content == factories.PDF and "attachment" in download["Content-Disposition"]


def text_of(raw: str) -> str:
    return " ".join(raw.split())


def _qualifications(company: Any) -> list[dict[str, Any]]:
    return [
        {
            "kind": "tier",
            "name": "Advanced Tier",
            "detail": "Services path",
            "since": None,
            "url": "",
        },
        {
            "kind": "designation",
            "name": "<script>Retail</script> & Co",
            "detail": "Competency",
            "since": None,
            "url": "",
        },
        {"kind": "note", "name": "Not a badge", "detail": "", "since": None, "url": ""},
    ]


def test_badges_come_from_stage_tier_and_designations_escaped(
    validated: Company, client_for: Any
) -> None:
    contributions.contribute("company.qualifications", _qualifications, name="test-badges")
    try:
        client = client_for(make_user(validated, "alliance_team"))
        raw = client.get(reverse("content:badges")).content.decode()
        assert "&lt;script&gt;Retail" in raw and "<script>Retail" not in raw
        page = text_of(raw)
        assert "Validated stage" in page and "Advanced Tier" in page and "Not a badge" not in page
        assert "Usage rules" in page
        keys = [badge.key for badge in badges.badges_for(validated)]
        assert keys == ["stage", "tier-advanced-tier", "designation-scriptretailscript-co"]
        svg = client.get(
            reverse("content:badge_image", args=["designation-scriptretailscript-co", "svg"])
        )
        body = svg.content.decode()
        assert svg["Content-Type"] == "image/svg+xml" and "<script>" not in body
        assert "&lt;script&gt;Retail&lt;/script&gt; &amp; Co" in body
        png = client.get(reverse("content:badge_image", args=["stage", "png"]))
        assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
        assert client.get(reverse("content:badge_image", args=["stage", "gif"])).status_code == 404
        assert BadgeDownload.objects.count() == 2
    finally:
        contributions.withdraw("company.qualifications", "test-badges")


def test_services_refuse_a_stage_below_the_items_even_without_the_page() -> None:
    company, lead = make_company(stage="Registered", paths=["Software"])
    with pytest.raises(PermissionDenied, match="Enrolled or higher"):
        references.submit_reference(actors.for_user(lead), factories.REFERENCE)
    with pytest.raises(PermissionDenied, match="Validated or higher"):
        badges.generate_badge(actors.for_user(lead), "stage", "svg")
    with pytest.raises(RuleViolation):
        references.clean(factories.REFERENCE | {"consent": False})

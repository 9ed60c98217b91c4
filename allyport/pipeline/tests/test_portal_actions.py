"""The detail page and its actions: fields, review and history; Submit; Transfer
(one and bulk); Associate and Disassociate offerings, products and private offers."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.actor import system
from allyport.marketplace.models import PrivateOffer, Product, RoleMapping
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import make_solution
from allyport.pipeline.tests.test_portal_support import (
    member,
    opportunity_of,
    signed_in,
    text,
    with_solution,
)

pytestmark = pytest.mark.django_db


def url(name: str, opportunity: Opportunity) -> str:
    return reverse(name, args=[opportunity.public_id])


@pytest.fixture
def ana(company: Any) -> Any:
    return member(company, "ace_user", email="ana@octank.example")


@pytest.fixture
def bo(company: Any) -> Any:
    return member(company, "ace_user", email="bo@octank.example")


@pytest.fixture
def manager(company: Any) -> Any:
    return member(company, "ace_manager", email="manager@octank.example")


def test_it_shows_every_field_the_review_and_the_next_steps_history(ana: Any) -> None:
    opportunity = with_solution(ana, opportunity_of(ana))
    opportunity = services.submit_opportunity(
        actors.for_user(ana), "AWS", opportunity.public_id, "Co-Sell", "Limited"
    )
    services.set_review_status(
        system(), opportunity, "Action Required", reason="Fix the site", comments="Use https"
    )
    page = text(signed_in(ana).get(url("pipeline:opportunity", opportunity)))
    for shown in (
        "Example Corp", "https://example.com", "Software and Internet", "Seattle",
        "buyer@example.com", "Data lake migration", "SaaS or PaaS", "2000", "USD",
        "Conducted POC / Demo", "Qualified", "Net New Business", "crm-1",
        "Co-Sell - Technical Consultation", "Action Required", "Fix the site", "Use https",
        "Co-Sell, Limited", "Call the buyer", "Analytics (S-",
    ):  # fmt: skip
        assert shown in page, shown


def test_it_submits_for_co_sell_with_limited_visibility(ana: Any) -> None:
    opportunity = with_solution(ana, opportunity_of(ana))
    client = signed_in(ana)
    detail = client.get(url("pipeline:opportunity", opportunity)).content.decode()
    assert url("pipeline:opportunity_submit", opportunity) in detail
    form = client.get(url("pipeline:opportunity_submit", opportunity))
    assert "Co-Sell" in text(form) and "For Visibility Only" in text(form)
    response = client.post(
        url("pipeline:opportunity_submit", opportunity),
        {"involvement_type": "Co-Sell", "visibility": "Limited"},
    )
    assert response.status_code == 302
    read = services.get_opportunity(actors.for_user(ana), "AWS", opportunity.public_id)
    assert (read.review_status, read.involvement_type, read.visibility) == (
        "Submitted", "Co-Sell", "Limited",
    )  # fmt: skip
    after = client.get(url("pipeline:opportunity", opportunity)).content.decode()
    assert url("pipeline:opportunity_submit", opportunity) not in after


def test_it_lists_what_is_missing_for_submission_by_field(ana: Any) -> None:
    opportunity = services.create_opportunity(
        actors.for_user(ana), "AWS", {"Customer": {"Account": {"CompanyName": "X"}}}
    )
    response = signed_in(ana).post(
        url("pipeline:opportunity_submit", opportunity),
        {"involvement_type": "Co-Sell", "visibility": "Full"},
    )
    assert response.status_code == 200
    problems = response.context["problems"]
    for label in ("Industry", "Country", "Partner project title", "Stage", "Target close date",
                  "Sales activities", "Primary needs from AWS"):  # fmt: skip
        assert (label, "This field is required to submit.") in problems, label
    assert (
        "Offerings", "Associate at least one solution or Marketplace product."
    ) in problems  # fmt: skip
    assert "The opportunity is not ready to submit:" in text(response)
    opportunity.refresh_from_db()
    assert opportunity.review_status == "Pending Submission"


def test_it_asks_for_the_involvement_type(ana: Any) -> None:
    opportunity = opportunity_of(ana)
    response = signed_in(ana).post(url("pipeline:opportunity_submit", opportunity), {})
    assert set(response.context["form"].errors) == {"involvement_type", "visibility"}


def test_it_transfers_ownership_to_a_member(manager: Any, ana: Any, bo: Any) -> None:
    opportunity = opportunity_of(ana)
    client = signed_in(manager)
    page = client.get(url("pipeline:opportunity_transfer", opportunity))
    choices = dict(page.context["form"].fields["assignee"].choices)
    assert bo.public_id in choices and manager.public_id in choices
    response = client.post(
        url("pipeline:opportunity_transfer", opportunity), {"assignee": bo.public_id}
    )
    assert response["Location"] == url("pipeline:opportunity", opportunity)
    read = services.get_opportunity(actors.for_user(manager), "AWS", opportunity.public_id)
    assert read.owner == bo
    assert read.data["OpportunityTeam"][-1]["Email"] == "bo@octank.example"


def test_it_sends_an_ace_user_to_the_list_after_giving_their_opportunity_away(
    ana: Any, bo: Any
) -> None:
    opportunity = opportunity_of(ana)
    client = signed_in(ana)
    response = client.post(
        url("pipeline:opportunity_transfer", opportunity), {"assignee": bo.public_id}
    )
    assert response["Location"] == reverse("pipeline:opportunities")
    assert client.get(url("pipeline:opportunity", opportunity)).status_code == 404


def test_it_offers_only_members_who_may_own_opportunities(company: Any, ana: Any) -> None:
    outsider_role = member(company, "standard_user")
    opportunity = opportunity_of(ana)
    client = signed_in(ana)
    response = client.post(
        url("pipeline:opportunity_transfer", opportunity), {"assignee": outsider_role.public_id}
    )
    assert response.status_code == 200
    assert "assignee" in response.context["form"].errors
    opportunity.refresh_from_db()
    assert opportunity.owner == ana


def test_it_transfers_several_and_reports_each_failure(
    manager: Any, ana: Any, bo: Any, outsider: Any
) -> None:
    mine = [opportunity_of(ana), opportunity_of(ana)]
    theirs = opportunity_of(member(outsider.company, "ace_manager"))
    chosen = [o.public_id for o in mine] + [theirs.public_id, "O1"]
    client = signed_in(manager)
    listing = client.get("/sell/opportunities/").content.decode()
    assert 'form="bulk-transfer"' in listing and ">Transfer</button>" in listing
    response = client.post(
        "/sell/opportunities/transfer/", {"opportunities": chosen, "assignee": bo.public_id}
    )
    assert response.status_code == 200
    assert "2 succeeded, 2 failed" in text(response)
    failed = {o.identifier: o.reason for o in response.context["failed"]}
    assert failed == {theirs.public_id: "Not found.", "O1": "Not found."}
    for opportunity in mine:
        opportunity.refresh_from_db()
        assert opportunity.owner == bo
    theirs.refresh_from_db()
    assert theirs.owner != bo


def test_it_refuses_a_bulk_transfer_without_a_selection(manager: Any, bo: Any) -> None:
    client = signed_in(manager)
    response = client.post("/sell/opportunities/transfer/", {"assignee": bo.public_id})
    assert response.status_code == 302
    assert "Select the opportunities to transfer." in text(client.get(response["Location"]))


def test_it_lets_an_ace_user_transfer_only_their_own_in_bulk(ana: Any, bo: Any) -> None:
    own, others = opportunity_of(ana), opportunity_of(bo)
    response = signed_in(ana).post(
        "/sell/opportunities/transfer/",
        {"opportunities": [own.public_id, others.public_id], "assignee": bo.public_id},
    )
    assert "1 succeeded, 1 failed" in text(response)


def test_it_associates_and_disassociates_an_offering(ana: Any) -> None:
    opportunity = opportunity_of(ana)
    active = make_solution(opportunity.company, name="Octank Analytics")
    inactive = make_solution(opportunity.company, status="Inactive", name="Old thing")
    client = signed_in(ana)
    detail = client.get(url("pipeline:opportunity", opportunity))
    options = dict(detail.context["associate"]["Solutions"].fields["solution"].choices)
    assert active.public_id in options and inactive.public_id not in options
    response = client.post(
        url("pipeline:opportunity_associate", opportunity),
        {"entity_type": "Solutions", "solution": active.public_id},
    )
    assert response.status_code == 302
    read = services.get_opportunity(actors.for_user(ana), "AWS", opportunity.public_id)
    view = services.opportunity_view(read, "")
    assert view["RelatedEntityIdentifiers"] == {
        "AwsMarketplaceOffers": [],
        "AwsProducts": [],
        "Solutions": [active.public_id],
    }
    assert f"Octank Analytics ({active.public_id})" in text(client.get(response["Location"]))
    response = client.post(
        url("pipeline:opportunity_disassociate", opportunity),
        {"entity_type": "Solutions", "entity_id": active.public_id},
    )
    assert response.status_code == 302
    read.refresh_from_db()
    assert read.related == {}


def test_it_associates_an_aws_product_and_shows_refusals_next_to_the_field(ana: Any) -> None:
    opportunity = opportunity_of(ana)
    client = signed_in(ana)
    client.post(
        url("pipeline:opportunity_associate", opportunity),
        {"entity_type": "AwsProducts", "product": "AmazonRedshift"},
    )
    opportunity.refresh_from_db()
    assert opportunity.related == {"AwsProducts": ["AmazonRedshift"]}
    response = client.post(
        url("pipeline:opportunity_associate", opportunity),
        {"entity_type": "AwsProducts", "product": "not a code!"},
    )
    assert response.status_code == 200
    form = response.context["associate"]["AwsProducts"]
    assert form.errors["product"] == ["This is not an AWS product code."]


def test_it_refuses_to_disassociate_what_is_not_associated_with_the_reason(ana: Any) -> None:
    opportunity = opportunity_of(ana)
    client = signed_in(ana)
    response = client.post(
        url("pipeline:opportunity_disassociate", opportunity),
        {"entity_type": "AwsProducts", "entity_id": "AmazonRedshift"},
        follow=True,
    )
    assert "AmazonRedshift is not associated." in text(response)


def offer_of(company: Any) -> PrivateOffer:
    account = link_for_operator(company).account
    product = Product.objects.create(account=account, title="Octank Analytics")
    return PrivateOffer.objects.create(
        account=account, product=product, name="Offer", buyer_account_id="111122223333"
    )


def test_it_refuses_private_offers_to_unmapped_members_with_the_reason(ana: Any) -> None:
    offer = offer_of(ana.company)
    opportunity = opportunity_of(ana)
    response = signed_in(ana).post(
        url("pipeline:opportunity_associate", opportunity),
        {"entity_type": "AwsMarketplaceOffers", "offer": offer.entity_id},
    )
    assert response.status_code == 200
    errors = response.context["associate"]["AwsMarketplaceOffers"].errors["offer"]
    assert "not mapped to an IAM role" in errors[0]
    assert "not mapped to an IAM role" in text(response)
    opportunity.refresh_from_db()
    assert opportunity.related == {}


def test_it_associates_private_offers_for_members_mapped_to_the_ace_role(ana: Any) -> None:
    offer = offer_of(ana.company)
    link = link_for_operator(ana.company)
    RoleMapping.objects.create(company=ana.company, user=ana, role=link.ace_role)
    opportunity = opportunity_of(ana)
    response = signed_in(ana).post(
        url("pipeline:opportunity_associate", opportunity),
        {"entity_type": "AwsMarketplaceOffers", "offer": offer.entity_id},
    )
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.related["AwsMarketplaceOffers"][0].endswith(f"/Offer/{offer.entity_id}")

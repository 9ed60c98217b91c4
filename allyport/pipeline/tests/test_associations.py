"""Associate/DisassociateOpportunity: solutions, AWS products, the linked seller
account's Marketplace entities, limits, and the Committed-stage rule."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.core.errors import RuleViolation
from allyport.marketplace.models import PrivateOffer, Product, RoleMapping
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline import services
from allyport.pipeline.tests.conftest import complete, iam_actor, make_solution, member_actor

pytestmark = pytest.mark.django_db


def associate(actor: Any, opportunity: Any, kind: str, identifier: str) -> Any:
    return services.associate_opportunity(
        actor, opportunity.catalog, opportunity.public_id, kind, identifier
    )


def disassociate(actor: Any, opportunity: Any, kind: str, identifier: str) -> Any:
    return services.disassociate_opportunity(
        actor, opportunity.catalog, opportunity.public_id, kind, identifier
    )


@pytest.fixture
def opportunity(api: Any) -> Any:
    return services.create_opportunity(api, "AWS", complete())


def offer_of(company: Any) -> PrivateOffer:
    account = link_for_operator(company).account
    product = Product.objects.create(account=account, title="Octank Analytics")
    return PrivateOffer.objects.create(
        account=account, product=product, name="Offer", buyer_account_id="111122223333"
    )


def test_it_associates_an_active_solution_and_moves_the_date(api: Any, opportunity: Any) -> None:
    solution = make_solution(opportunity.company)
    updated = associate(api, opportunity, "Solutions", solution.public_id)
    assert updated.related == {"Solutions": [solution.public_id]}
    assert updated.last_modified_date > opportunity.last_modified_date
    view = services.opportunity_view(updated, "123456789012")
    assert view["RelatedEntityIdentifiers"] == {
        "AwsMarketplaceOffers": [],
        "AwsProducts": [],
        "Solutions": [solution.public_id],
    }


@pytest.mark.parametrize("case", ["inactive", "draft", "other company", "other catalog", "missing"])
def test_it_refuses_solutions_it_cannot_use(
    api: Any, opportunity: Any, outsider: Any, case: str
) -> None:
    company = outsider.company if case == "other company" else opportunity.company
    status = {"inactive": "Inactive", "draft": "Draft"}.get(case, "Active")
    solution = make_solution(company, "Sandbox" if case == "other catalog" else "AWS", status)
    identifier = "S-9999999" if case == "missing" else solution.public_id
    with pytest.raises(RuleViolation):
        associate(api, opportunity, "Solutions", identifier)


def test_it_accepts_the_documented_sandbox_test_solution(api: Any) -> None:
    opportunity = services.create_opportunity(api, "Sandbox", complete())
    assert associate(api, opportunity, "Solutions", "S-1234567").related["Solutions"]
    with pytest.raises(RuleViolation):
        associate(api, services.create_opportunity(api, "AWS", {}), "Solutions", "S-1234567")


def test_it_does_nothing_for_an_entity_already_there(api: Any, opportunity: Any) -> None:
    once = associate(api, opportunity, "AwsProducts", "AmazonRedshift")
    twice = associate(api, once, "AwsProducts", "AmazonRedshift")
    assert twice.related == {"AwsProducts": ["AmazonRedshift"]}
    assert twice.last_modified_date == once.last_modified_date


def test_it_keeps_the_association_quotas(api: Any, opportunity: Any) -> None:
    for n in range(20):
        associate(api, opportunity, "AwsProducts", f"Product{n}")
    with pytest.raises(RuleViolation) as caught:
        associate(api, opportunity, "AwsProducts", "OneMore")
    assert caught.value.errors[0].code == "TOO_MANY_VALUES"


def test_it_associates_a_private_offer_of_the_linked_account(api: Any, opportunity: Any) -> None:
    offer = offer_of(opportunity.company)
    updated = associate(api, opportunity, "AwsMarketplaceOffers", offer.entity_id)
    arn = updated.related["AwsMarketplaceOffers"][0]
    assert arn.endswith(f":{offer.account.account_id}:AWSMarketplace/Offer/{offer.entity_id}")
    second = offer_of(opportunity.company)  # one private offer per opportunity
    with pytest.raises(RuleViolation):
        associate(api, opportunity, "AwsMarketplaceOffers", second.entity_id)
    assert disassociate(api, updated, "AwsMarketplaceOffers", arn).related == {}


def test_it_refuses_another_sellers_offer(api: Any, opportunity: Any, outsider: Any) -> None:
    link_for_operator(opportunity.company)
    theirs = offer_of(outsider.company)
    with pytest.raises(RuleViolation):
        associate(api, opportunity, "AwsMarketplaceOffers", theirs.entity_id)
    arn = (
        f"arn:aws:aws-marketplace:us-east-1:{theirs.account.account_id}:"
        f"AWSMarketplace/Offer/{theirs.entity_id}"
    )
    with pytest.raises(RuleViolation):
        associate(api, opportunity, "AwsMarketplaceOffers", arn)


def test_it_refuses_members_without_a_mapped_role_with_the_reason(company: Any) -> None:
    offer = offer_of(company)
    _user, actor = member_actor(company, "ace_manager")
    opportunity = services.create_opportunity(actor, "AWS", complete())
    with pytest.raises(RuleViolation) as caught:
        associate(actor, opportunity, "AwsMarketplaceOffers", offer.entity_id)
    assert caught.value.errors[0].code == "ACTION_NOT_PERMITTED"
    assert "not mapped to an IAM role" in caught.value.errors[0].message


def test_it_lets_members_mapped_to_the_ace_role_associate_offers(company: Any) -> None:
    offer = offer_of(company)
    user, actor = member_actor(company, "ace_manager")
    link = link_for_operator(company)
    RoleMapping.objects.create(company=company, user=user, role=link.ace_role)
    opportunity = services.create_opportunity(actor, "AWS", complete())
    associate(actor, opportunity, "AwsMarketplaceOffers", offer.entity_id)


def test_it_refuses_to_drop_the_last_solution_of_a_committed_opportunity(
    api: Any, opportunity: Any
) -> None:
    solution = make_solution(opportunity.company)
    opportunity = associate(api, opportunity, "Solutions", solution.public_id)
    payload = complete()
    payload["LifeCycle"]["Stage"] = "Committed"
    opportunity = services.update_opportunity(
        api, "AWS", opportunity.public_id, payload,
        last_modified_date=opportunity.last_modified_date,
    )  # fmt: skip
    with pytest.raises(RuleViolation):
        disassociate(api, opportunity, "Solutions", solution.public_id)
    with pytest.raises(RuleViolation):
        associate(api, opportunity, "Solutions", "Other")
    associate(api, opportunity, "AwsProducts", "AmazonRedshift")
    with pytest.raises(RuleViolation):
        disassociate(api, opportunity, "Solutions", solution.public_id)


def test_it_refuses_to_remove_what_is_not_associated(api: Any, opportunity: Any) -> None:
    with pytest.raises(RuleViolation):
        disassociate(api, opportunity, "AwsProducts", "AmazonRedshift")


def test_it_looks_up_the_opportunity_in_the_callers_company(
    opportunity: Any, outsider: Any
) -> None:
    from allyport.core.errors import NotFound

    with pytest.raises(NotFound):
        associate(iam_actor(outsider.company), opportunity, "AwsProducts", "AmazonRedshift")

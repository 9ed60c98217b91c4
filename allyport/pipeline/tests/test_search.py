"""SearchOpportunities' service: Keyword, a Filter over every answerable key, every sort
with keyset pages that never repeat or skip, visibility, and the summary's shape."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from allyport.accounts.models import Company
from allyport.core.errors import RuleViolation
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.opportunities.search import (
    ANNOTATED_SORTS,
    COLUMN_SORTS,
    FIELDS,
    UNANSWERABLE,
    search_opportunities,
    search_summary,
    search_summary_wire,
)
from allyport.pipeline.tests.conftest import (
    complete,
    future,
    iam_actor,
    make_solution,
    member_actor,
)
from allyport.shapes import serialization
from allyport.shapes.selling import enum, shape
from allyport.testing import make_company

pytestmark = pytest.mark.django_db


def create(
    actor: Any, name: str = "Example Corp", catalog: str = "AWS", title: str = "", **kw: Any
) -> Any:
    payload = complete(**kw)
    payload["Customer"]["Account"]["CompanyName"] = name
    if title:
        payload["Project"]["Title"] = title
    return services.create_opportunity(actor, catalog, payload)


def walk(actor: Any, request: dict[str, Any], between: Any = None) -> list[str]:
    """Every id over all pages; `between()` runs after each page."""
    seen: list[str] = []
    tokens: set[str] = set()
    token = None
    for _ in range(1000):
        page = search_opportunities(actor, "AWS", {**request, "NextToken": token})
        seen += [item.public_id for item in page.items]
        if page.next_token is None:
            return seen
        assert page.next_token not in tokens
        tokens.add(page.next_token)
        token = page.next_token
        if between is not None:
            between()
    raise AssertionError("no last page")


def refused(actor: Any, request: dict[str, Any]) -> tuple[str, str]:
    with pytest.raises(RuleViolation) as caught:
        search_opportunities(actor, "AWS", request)
    (error,) = caught.value.errors
    return error.field, error.message


def leaf(op: str, key: str, **value: Any) -> dict[str, Any]:
    return {"Filter": {op: {"Key": key, "Value": value}}}


@pytest.fixture
def two(api: Any, company: Company) -> tuple[Any, Any]:
    """`x` filled in everywhere a filter looks; `y` different or empty there."""
    _user, ace = member_actor(company, "ace_manager")
    x = create(
        ace,
        "Octank Health",
        PartnerOpportunityIdentifier="crm-x",
        OpportunityType="Expansion",
        LifeCycle={
            "Stage": "Prospect",
            "NextSteps": "Send the POC plan",
            "TargetCloseDate": future(60),
        },  # noqa: E501
    )
    data = dict(x.data)
    data["Customer"]["Account"].update(AwsAccountId="123456789012", Industry="Healthcare")
    data["Customer"]["Account"]["Address"]["CountryCode"] = "DE"
    data["Project"]["ApnPrograms"] = ["ISV Accelerate"]
    related = {
        "AwsMarketplaceOffers": [
            "arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/Offer/offer-1"
        ],  # noqa: E501
        "AwsMarketplaceOfferSets": [
            "arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/OfferSet/offerset-1"
        ],  # noqa: E501
        "AwsMarketplaceSolutions": [
            "arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/SaaSProduct/prod-1"
        ],  # noqa: E501
    }
    Opportunity.objects.filter(pk=x.pk).update(
        data=data, related=related, tags=[{"Key": "region", "Value": "emea"}]
    )
    life = {"Stage": "Qualified", "NextSteps": "Call the buyer", "TargetCloseDate": future(30)}
    y = create(
        api, "Example Corp", title="Web shop", PartnerOpportunityIdentifier="crm-y", LifeCycle=life
    )  # noqa: E501
    solution = make_solution(company).public_id
    Opportunity.objects.filter(pk=y.pk).update(related={"Solutions": [solution]})
    services.submit_opportunity(api, "AWS", y.public_id, "Co-Sell")
    Opportunity.objects.filter(pk=y.pk).update(created_date=x.created_date + timedelta(days=1))
    x.refresh_from_db()
    y.refresh_from_db()
    return x, y


# One leaf per answerable key that selects x (and not y).
def _for_x(x: Any) -> dict[str, dict[str, Any]]:
    email = x.owner.email
    created = x.created_date
    return {
        "OpportunityId": leaf("EqualsTo", "OpportunityId", StringValue=x.public_id),
        "Stage": leaf("ContainsAny", "Stage", StringListValue=["Prospect", "Launched"]),
        "ReviewStatus": leaf("EqualsTo", "ReviewStatus", StringValue="Pending Submission"),
        "CustomerCompanyName": leaf("ContainsAny", "CustomerCompanyName", StringValue="octank"),
        "LastModifiedDate": leaf("EqualsTo", "LastModifiedDate", DateValue=x.last_modified_date),
        "TargetCloseDate": leaf(
            "GreaterThanOrEquals",
            "TargetCloseDate",
            DateValue=datetime.fromisoformat(future(60)).replace(tzinfo=UTC),
        ),  # noqa: E501
        "CreatedDate": leaf("LessThanOrEquals", "CreatedDate", DateValue=created),
        "CountryCode": leaf("EqualsTo", "CountryCode", StringValue="DE"),
        "PartnerProjectTitle": leaf(
            "ContainsAll", "PartnerProjectTitle", StringListValue=["data", "LAKE"]
        ),  # noqa: E501
        "OpportunityType": leaf("EqualsTo", "OpportunityType", StringValue="Expansion"),
        "PartnerOpportunityIdentifier": leaf(
            "EqualsTo", "PartnerOpportunityIdentifier", StringValue="crm-x"
        ),  # noqa: E501
        "Industry": leaf("EqualsTo", "Industry", StringValue="Healthcare"),
        "AwsAccountId": leaf("EqualsTo", "AwsAccountId", StringValue="123456789012"),
        "ApnPrograms": leaf("ContainsAll", "ApnPrograms", StringListValue=["ISV Accelerate"]),
        "Origin": leaf("EqualsTo", "Origin", StringValue="Partner Referral"),
        "Tags": leaf("EqualsTo", "Tags", StringValue="region"),
        "NextStep": leaf("ContainsAny", "NextStep", StringValue="poc"),
        "OfferId": leaf("ContainsAny", "OfferId", StringValue="offer-1"),
        "OfferSetId": leaf("ContainsAny", "OfferSetId", StringValue="offerset-1"),
        "AwsMarketplaceSolution": leaf(
            "ContainsAny", "AwsMarketplaceSolution", StringValue="prod-1"
        ),  # noqa: E501
        "OpportunityOwner": leaf("EqualsTo", "OpportunityOwner", StringValue=email.upper()),
    }


def test_every_filter_name_is_answered_or_refused_by_name() -> None:
    names = set(enum("OpportunitySearchFilterName"))
    assert set(FIELDS) | set(UNANSWERABLE) == names
    assert not set(FIELDS) & set(UNANSWERABLE)


@pytest.mark.parametrize("key", sorted(FIELDS))
def test_each_filter_key_selects_by_its_field(api: Any, two: Any, key: str) -> None:
    x, y = two
    # y is submitted: x's review status, origin and stage differ only by that.
    if key == "Origin":
        Opportunity.objects.filter(pk=y.pk).update(origin="AWS Referral")
    if key == "Stage":
        Opportunity.objects.filter(pk=y.pk).update(stage="Qualified")
    request = _for_x(x)[key]
    assert walk(api, request) == [x.public_id]
    assert walk(api, {"Filter": {"NotFilter": request["Filter"]}}) == [y.public_id]


@pytest.mark.parametrize("key", sorted(UNANSWERABLE))
def test_what_only_aws_knows_is_refused_by_name(api: Any, key: str) -> None:
    value = {"DoubleValue": 1.0} if key == "EstimatedMrr" else {"StringValue": "High"}
    tree = {"OrAllFilters": [{"EqualsTo": {"Key": key, "Value": value}}]}
    field, message = refused(api, {"Filter": tree})
    assert field == "Filter.OrAllFilters[0].EqualsTo.Key"
    assert key in message and "Allyport keeps no" in message
    sort = {"Sort": {"SortBy": key, "SortOrder": "ASCENDING"}}
    assert refused(api, sort) == ("Sort.SortBy", UNANSWERABLE[key])


def test_a_wrong_operator_is_refused_with_its_path(api: Any) -> None:
    field, _ = refused(api, leaf("GreaterThan", "Stage", StringValue="Prospect"))
    assert field == "Filter.GreaterThan"


def test_keyword_searches_id_crm_id_customer_and_title(api: Any, two: Any) -> None:
    x, y = two
    assert walk(api, {"Keyword": "OCTANK"}) == [x.public_id]
    assert walk(api, {"Keyword": "crm-y"}) == [y.public_id]
    assert walk(api, {"Keyword": x.public_id}) == [x.public_id]
    assert walk(api, {"Keyword": "lake migr"}) == [x.public_id]
    assert set(walk(api, {"Keyword": "CRM-"})) == {x.public_id, y.public_id}
    assert walk(api, {"Keyword": "nothing like it"}) == []
    assert walk(api, {"Keyword": "%"}) == []  # wildcards are literal


def test_keyword_and_filter_both_narrow(api: Any, two: Any) -> None:
    x, y = two
    both = {"Keyword": "crm", **leaf("EqualsTo", "Industry", StringValue="Healthcare")}
    assert walk(api, both) == [x.public_id]
    assert walk(api, {**both, "Keyword": "crm-y"}) == []


# --- sorts and pages ----------------------------------------------------------------


def _spread(api: Any, count: int) -> list[Any]:
    """Opportunities whose sortable values repeat and are sometimes missing."""
    made = []
    for n in range(count):
        extra: dict[str, Any] = {"OpportunityType": ["Net New Business", "Expansion"][n % 2]}
        if n % 3:
            extra["PartnerOpportunityIdentifier"] = f"crm-{n % 4}"
        made.append(create(api, f"Customer {n % 3}", **extra))
        fields: dict[str, Any] = {"created_date": datetime(2025, 1, 1 + n % 5, tzinfo=UTC)}
        if n % 4:
            fields["tags"] = [{"Key": f"k{n % 3}", "Value": "v"}]
            fields["related"] = {"AwsMarketplaceOffers": [f"arn:offer/{n % 2}"]}
        Opportunity.objects.filter(pk=made[-1].pk).update(**fields)
    return made


@pytest.mark.parametrize("sort_by", sorted({*COLUMN_SORTS, *ANNOTATED_SORTS}))
@pytest.mark.parametrize("order", ["ASCENDING", "DESCENDING"])
def test_it_pages_through_every_sort_without_repeats(api: Any, sort_by: str, order: str) -> None:
    made = _spread(api, 9)
    request = {"Sort": {"SortBy": sort_by, "SortOrder": order}, "MaxResults": 2}
    seen = walk(api, request)
    assert sorted(seen) == sorted(o.public_id for o in made)
    one_page = search_opportunities(api, "AWS", {**request, "MaxResults": 100})
    assert seen == [o.public_id for o in one_page.items]


def test_every_sort_name_is_served_or_refused() -> None:
    names = set(enum("OpportunitySearchSortName"))
    assert {*COLUMN_SORTS, *ANNOTATED_SORTS} | set(UNANSWERABLE) == names


def test_sorts_put_missing_values_last_going_up_and_first_going_down(api: Any) -> None:
    made = _spread(api, 4)  # n=0 has no tag; n=1,2,3 have k1, k2, k0
    up = walk(api, {"Sort": {"SortBy": "Tags", "SortOrder": "ASCENDING"}, "MaxResults": 1})
    assert up == [made[3].public_id, made[1].public_id, made[2].public_id, made[0].public_id]
    down = walk(api, {"Sort": {"SortBy": "Tags", "SortOrder": "DESCENDING"}, "MaxResults": 3})
    assert down == list(reversed(up))


def test_the_default_order_is_newest_change_first(api: Any) -> None:
    first, second = create(api), create(api)
    Opportunity.objects.filter(pk=first.pk).update(
        last_modified_date=first.last_modified_date - timedelta(seconds=5)
    )
    assert walk(api, {}) == [second.public_id, first.public_id]


def test_it_neither_repeats_nor_skips_while_records_are_added(api: Any) -> None:
    original = {o.public_id for o in _spread(api, 8)}
    added: list[str] = []
    seen = walk(
        api,
        {"MaxResults": 3, "Sort": {"SortBy": "CustomerCompanyName", "SortOrder": "ASCENDING"}},
        between=lambda: added.append(create(api, "Customer 1").public_id),
    )
    assert len(seen) == len(set(seen))
    assert original <= set(seen) <= original | set(added)


def test_tokens_fit_only_their_query(api: Any) -> None:
    create(api), create(api)
    page = search_opportunities(api, "AWS", {"MaxResults": 1, "Keyword": "Example"})
    assert page.next_token
    assert refused(api, {"NextToken": page.next_token, "Keyword": "Other"})[0] == "NextToken"
    assert refused(api, {"NextToken": page.next_token + "x", "Keyword": "Example"})[0] == (
        "NextToken"
    )
    assert refused(api, {"MaxResults": 101})[0] == "MaxResults"


# --- visibility and the summary ---------------------------------------------------------


def test_members_who_manage_their_own_see_only_theirs(company: Company, api: Any) -> None:
    _user, ace = member_actor(company, "ace_user")
    mine = create(ace, "Mine Corp")
    theirs = create(api, "Mine Corp too")
    assert walk(ace, {"Keyword": "Mine"}) == [mine.public_id]
    assert set(walk(api, {"Keyword": "Mine"})) == {mine.public_id, theirs.public_id}


def test_other_companies_and_the_other_catalog_never_appear(api: Any) -> None:
    other = iam_actor(make_company()[0])
    create(other, "Octank")
    create(api, "Octank", catalog="Sandbox")
    assert walk(api, {"Keyword": "Octank"}) == []
    assert len(walk(other, {"Keyword": "Octank"})) == 1


def test_the_summary_has_the_models_members_with_values(two: Any) -> None:
    x, y = two
    summary = search_summary(x)
    assert summary["Id"] == x.public_id
    assert summary["LifeCycle"] == {
        "ReviewStatus": "Pending Submission",
        "Stage": "Prospect",
        "NextSteps": "Send the POC plan",
        "TargetCloseDate": future(60),
    }
    assert summary["Customer"]["Account"] == {
        "CompanyName": "Octank Health",
        "Industry": "Healthcare",
        "AwsAccountId": "123456789012",
        "Address": {"CountryCode": "DE"},
    }
    assert summary["Project"] == {
        "Title": "Data lake migration",
        "ApnPrograms": ["ISV Accelerate"],
        "ExpectedCustomerSpend": [{"Amount": "2000", "CurrencyCode": "USD"}],
    }
    assert summary["Tags"] == [{"Key": "region", "Value": "emea"}]
    assert set(summary["RelatedEntityIdentifiers"]) == {
        "AwsMarketplaceOffers", "AwsMarketplaceOfferSets", "AwsMarketplaceSolutions",
    }  # fmt: skip
    assert all(
        set(m) <= {"FirstName", "LastName", "BusinessTitle"}
        for m in summary.get("OpportunityTeam", [])
    )  # noqa: E501
    assert "AwsOpportunitySummary" not in summary  # not submitted yet
    assert isinstance(summary["LastModifiedDate"], datetime)
    plain = search_summary(y)
    assert plain["AwsOpportunitySummary"] == {"Origin": "Partner Referral"}
    assert "Tags" not in plain
    assert plain["RelatedEntityIdentifiers"] == {"Solutions": y.related["Solutions"]}
    assert plain["LifeCycle"]["ReviewStatus"] == "Submitted"


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        ({"Keyword": "   "}, "Keyword"),
        ({"Keyword": 5}, "Keyword"),
        ({"Filter": "Stage"}, "Filter"),
        (
            {"Filter": {"AndAllFilters": [{"EqualsTo": {"Key": ["Stage"]}}]}},
            "Filter.AndAllFilters[0].EqualsTo.Key",
        ),  # noqa: E501
        ({"Sort": {"SortBy": ["Stage"], "SortOrder": "ASCENDING"}}, "Sort.SortBy"),
        ({"Sort": {"SortBy": "Nope", "SortOrder": "ASCENDING"}}, "Sort.SortBy"),
        ({"Sort": {"SortBy": "Stage", "SortOrder": "UP"}}, "Sort.SortOrder"),
        ({"Sort": "Stage"}, "Sort"),
        ({"MaxResults": 0}, "MaxResults"),
    ],
)
def test_odd_input_from_any_caller_is_refused_by_field(
    api: Any, request_: dict[str, Any], field: str
) -> None:
    assert refused(api, request_)[0] == field


def _answered(summary: dict[str, Any]) -> str:
    """The body text of one summary, as the endpoint writes it."""
    wire = serialization.serialize(shape("OpportunitySearchSummary"), summary)
    return json.dumps(wire, separators=(",", ":"), ensure_ascii=False)


def test_the_one_pass_summary_answers_the_same_bytes(api: Any, two: Any) -> None:
    """SearchOpportunities answers from plain rows in one pass: the same text as the
    summary built from the model, for a filled-in record and a sparse one."""
    page = search_opportunities(api, "AWS", {"MaxResults": 100}, rows=True)
    rows = {row.public_id: row for row in page.items}
    for opportunity in two:
        wire = search_summary_wire(rows[opportunity.public_id])
        assert json.dumps(wire, separators=(",", ":")) == _answered(search_summary(opportunity))
        assert wire == search_summary_wire(opportunity)


def test_the_one_pass_summary_drops_empties_as_clean_does(two: Any) -> None:
    """Empty members go; a tag that only the projection empties stays `{}`, as the
    summary built with `clean` and then projected keeps it."""
    x, _y = two
    fields = {name: getattr(x, name) for name in (
        "public_id", "last_modified_date", "created_date", "partner_opportunity_identifier",
        "review_status", "stage", "target_close_date", "origin",
    )}  # fmt: skip
    data = {**x.data, "OpportunityTeam": [{"Email": "a@example.com"}, {}], "Project": {}}
    row = SimpleNamespace(
        **fields, data=data, related={"Solutions": []}, tags=[{"Other": "x"}, {"Key": None}]
    )
    wire = search_summary_wire(row)
    assert "Project" not in wire and "RelatedEntityIdentifiers" not in wire
    assert "OpportunityTeam" not in wire  # its members keep no picked field
    assert wire["Tags"] == [{}]
    assert json.dumps(wire, separators=(",", ":")) == _answered(search_summary(row))

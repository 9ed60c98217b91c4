"""The shared Filter compiler: every operator on every kind, nesting, and refusals that
name the offending member's full path. Run against real rows (SQLite by default,
PostgreSQL with DATABASE_URL), since JSON paths and lists compile differently."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, RuleViolation
from allyport.core.filters import MAX_DEPTH, MAX_LEAVES, Field, compile_filter
from allyport.core.json_lists import like_pattern
from allyport.pipeline.models import Opportunity
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
FIELDS = {
    "Id": Field("public_id", "exact"),
    "Stage": Field("stage", "exact"),
    "Title": Field("title", "text"),
    "Country": Field("data__Customer__Account__Address__CountryCode", "exact"),
    "NextStep": Field("data__LifeCycle__NextSteps", "text"),
    "Score": Field("data__Score", "number"),
    "Close": Field("target_close_date", "date"),
    "Created": Field("created_date", "datetime"),
    "Programs": Field("data__Project__ApnPrograms", "many"),
    "Offers": Field("related__AwsMarketplaceOffers", "many"),
    "Tags": Field("tags", "many", item="Key"),
    "Owner": Field("owner__email", "text"),
    "OwnerSet": Field("owner__email", "many"),
}


def _make(company: Company, name: str, **values: Any) -> Opportunity:
    data = values.pop("data", {})
    defaults: dict[str, Any] = {
        "company": company,
        "catalog": "AWS",
        "review_status": "Pending Submission",
        "origin": "Partner Referral",
        "title": name,
        "created_date": T0,
        "last_modified_date": T0,
        "data": data,
        **values,
    }
    return Opportunity.objects.create(**defaults)


@pytest.fixture
def rows() -> dict[str, Opportunity]:
    company = make_company()[0]
    owner = make_user(company, "ace_user", email=f"Owner@{company.domains.first().domain}")  # type: ignore[union-attr]
    return {
        "a": _make(
            company,
            "Data lake migration",
            stage="Prospect",
            target_close_date=date(2025, 6, 1),
            created_date=T0,
            owner=owner,
            tags=[{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "red"}],
            related={"AwsMarketplaceOffers": ["arn:offer/1"]},
            data={
                "Customer": {"Account": {"Address": {"CountryCode": "US"}}},
                "LifeCycle": {"NextSteps": "Call the BUYER"},
                "Project": {"ApnPrograms": ["APN Immersion Days", "Migration Acceleration"]},
                "Score": 10,
            },
        ),
        "b": _make(
            company,
            "Web shop",
            stage="Qualified",
            target_close_date=date(2025, 6, 2),
            created_date=T0 + timedelta(days=1),
            tags=[{"Key": "team", "Value": "blue"}],
            data={
                "Customer": {"Account": {"Address": {"CountryCode": "DE"}}},
                "Project": {"ApnPrograms": ["ISV Accelerate"]},
                "Score": 2.5,
            },
        ),
        "c": _make(company, "Empty one", stage="Prospect", created_date=T0 + timedelta(days=2)),
    }


def ids(rows: dict[str, Opportunity], tree: Any, **kwargs: Any) -> set[str]:
    q = compile_filter(tree, FIELDS, model=Opportunity, **kwargs)
    company = rows["a"].company
    found = Opportunity.objects.filter(company=company).filter(q).values_list("title", flat=True)
    names = {o.title: key for key, o in rows.items()}
    return {names[title] for title in found}


def leaf(op: str, key: str, **value: Any) -> dict[str, Any]:
    return {op: {"Key": key, "Value": value}}


def refusal(tree: Any, **kwargs: Any) -> tuple[str, str]:
    with pytest.raises(RuleViolation) as caught:
        compile_filter(tree, FIELDS, model=Opportunity, **kwargs)
    assert caught.value.reason == REQUEST
    (error,) = caught.value.errors
    return error.field, error.message


# --- every kind and operator --------------------------------------------------------


def test_no_filter_matches_everything(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, None) == {"a", "b", "c"}


def test_exact_equals_and_contains_any_as_a_set(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, leaf("EqualsTo", "Stage", StringValue="Prospect")) == {"a", "c"}
    assert ids(rows, leaf("EqualsTo", "Stage", StringValue="prospect")) == set()  # exact
    assert ids(rows, leaf("ContainsAny", "Stage", StringListValue=["Qualified", "X"])) == {"b"}
    assert ids(rows, leaf("ContainsAny", "Stage", StringValue="Qualified")) == {"b"}
    assert ids(rows, leaf("EqualsTo", "Id", StringValue=rows["b"].public_id)) == {"b"}


def test_exact_on_a_json_path(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, leaf("EqualsTo", "Country", StringValue="US")) == {"a"}
    assert ids(rows, leaf("ContainsAny", "Country", StringListValue=["DE", "US"])) == {"a", "b"}


def test_text_is_case_insensitive(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, leaf("EqualsTo", "Title", StringValue="WEB SHOP")) == {"b"}
    assert ids(rows, leaf("ContainsAny", "Title", StringListValue=["LAKE", "shop"])) == {"a", "b"}
    assert ids(rows, leaf("ContainsAll", "Title", StringListValue=["data", "MIGR"])) == {"a"}
    assert ids(rows, leaf("ContainsAll", "Title", StringListValue=["data", "shop"])) == set()
    assert ids(rows, leaf("ContainsAny", "NextStep", StringValue="buyer")) == {"a"}


def test_text_wildcards_are_literal(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, leaf("ContainsAny", "Title", StringValue="%")) == set()
    assert ids(rows, leaf("ContainsAny", "Programs", StringValue="_")) == set()
    assert like_pattern("a%b_c\\") == "%a\\%b\\_c\\\\%"


def test_text_over_a_relation(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, leaf("EqualsTo", "Owner", StringValue=rows["a"].owner.email.upper())) == {"a"}  # type: ignore[union-attr]
    assert ids(rows, {"NotFilter": leaf("ContainsAny", "Owner", StringValue="owner@")}) == {
        "b",
        "c",
    }


def test_numbers_compare_long_and_double(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, leaf("GreaterThan", "Score", LongValue=3)) == {"a"}
    assert ids(rows, leaf("GreaterThanOrEquals", "Score", DoubleValue=2.5)) == {"a", "b"}
    assert ids(rows, leaf("LessThan", "Score", DoubleValue=2.5)) == set()
    assert ids(rows, leaf("LessThanOrEquals", "Score", LongValue=10)) == {"a", "b"}
    assert ids(rows, leaf("EqualsTo", "Score", LongValue=10)) == {"a"}


def test_a_date_is_its_days_start(rows: dict[str, Opportunity]) -> None:
    day = datetime(2025, 6, 1, tzinfo=UTC)
    noon = day + timedelta(hours=12)
    assert ids(rows, leaf("EqualsTo", "Close", DateValue=noon)) == {"a"}
    assert ids(rows, leaf("GreaterThan", "Close", DateValue=day)) == {"b"}
    assert ids(rows, leaf("GreaterThanOrEquals", "Close", DateValue=day)) == {"a", "b"}
    assert ids(rows, leaf("GreaterThanOrEquals", "Close", DateValue=noon)) == {"b"}
    assert ids(rows, leaf("LessThan", "Close", DateValue=day)) == set()
    assert ids(rows, leaf("LessThan", "Close", DateValue=noon)) == {"a"}
    assert ids(rows, leaf("LessThanOrEquals", "Close", DateValue=noon)) == {"a"}


def test_a_moment_in_another_zone_is_compared_in_utc(rows: dict[str, Opportunity]) -> None:
    tokyo = timezone(timedelta(hours=9))
    # 2025-06-02 02:00 in Tokyo is 2025-06-01 17:00 UTC: the day of "a".
    assert ids(
        rows, leaf("EqualsTo", "Close", DateValue=datetime(2025, 6, 2, 2, tzinfo=tokyo))
    ) == {"a"}
    assert ids(rows, leaf("EqualsTo", "Close", DateValue="2025-06-02T02:00:00+09:00")) == {"a"}


def test_datetimes_compare_instants(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, leaf("GreaterThan", "Created", DateValue=T0)) == {"b", "c"}
    assert ids(rows, leaf("GreaterThanOrEquals", "Created", DateValue=T0)) == {"a", "b", "c"}
    assert ids(rows, leaf("LessThan", "Created", DateValue=T0 + timedelta(days=1))) == {"a"}
    assert ids(rows, leaf("LessThanOrEquals", "Created", DateValue=T0 + timedelta(days=1))) == {
        "a",
        "b",
    }
    assert ids(rows, leaf("EqualsTo", "Created", DateValue=T0)) == {"a"}


def test_many_over_a_json_list(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, leaf("EqualsTo", "Programs", StringValue="ISV Accelerate")) == {"b"}
    assert ids(rows, leaf("EqualsTo", "Programs", StringValue="isv accelerate")) == set()
    assert ids(rows, leaf("ContainsAny", "Programs", StringValue="accel")) == {"a", "b"}
    assert ids(rows, leaf("ContainsAny", "Programs", StringListValue=["days", "zzz"])) == {"a"}
    both = ["APN Immersion Days", "Migration Acceleration"]
    assert ids(rows, leaf("ContainsAll", "Programs", StringListValue=both)) == {"a"}
    assert ids(rows, leaf("ContainsAll", "Programs", StringListValue=[*both, "X"])) == set()
    assert ids(rows, leaf("EqualsTo", "Offers", StringValue="arn:offer/1")) == {"a"}


def test_many_over_a_list_of_objects(rows: dict[str, Opportunity]) -> None:
    assert ids(rows, leaf("EqualsTo", "Tags", StringValue="team")) == {"a", "b"}
    assert ids(rows, leaf("ContainsAll", "Tags", StringListValue=["env", "team"])) == {"a"}
    assert ids(rows, leaf("ContainsAny", "Tags", StringValue="EN")) == {"a"}
    assert ids(rows, leaf("EqualsTo", "Tags", StringValue="prod")) == set()  # values are not keys


def test_many_over_a_relation(rows: dict[str, Opportunity]) -> None:
    email = rows["a"].owner.email  # type: ignore[union-attr]
    assert ids(rows, leaf("EqualsTo", "OwnerSet", StringValue=email)) == {"a"}
    assert ids(rows, leaf("ContainsAny", "OwnerSet", StringValue="OWNER@")) == {"a"}
    assert ids(rows, {"NotFilter": leaf("EqualsTo", "OwnerSet", StringValue=email)}) == {"b", "c"}


# --- combinators ----------------------------------------------------------------------


def test_and_or_not(rows: dict[str, Opportunity]) -> None:
    prospect = leaf("EqualsTo", "Stage", StringValue="Prospect")
    us = leaf("EqualsTo", "Country", StringValue="US")
    assert ids(rows, {"AndAllFilters": [prospect, us]}) == {"a"}
    assert ids(
        rows, {"OrAllFilters": [us, leaf("EqualsTo", "Stage", StringValue="Qualified")]}
    ) == {
        "a",
        "b",
    }
    assert ids(rows, {"NotFilter": prospect}) == {"b"}
    nested = {"AndAllFilters": [prospect, {"NotFilter": {"OrAllFilters": [us]}}]}
    assert ids(rows, nested) == {"c"}


def test_not_keeps_rows_without_the_value(rows: dict[str, Opportunity]) -> None:
    """c has no country, no programs and no close date: "not X" includes it."""
    assert ids(rows, {"NotFilter": leaf("EqualsTo", "Country", StringValue="US")}) == {"b", "c"}
    assert ids(rows, {"NotFilter": leaf("ContainsAny", "Programs", StringValue="ISV")}) == {
        "a",
        "c",
    }
    day = datetime(2025, 6, 1, tzinfo=UTC)
    assert ids(rows, {"NotFilter": leaf("GreaterThan", "Close", DateValue=day)}) == {"a", "c"}
    assert ids(rows, {"NotFilter": leaf("LessThan", "Score", LongValue=5)}) == {"a", "c"}


def test_nesting_to_the_limit_is_accepted(rows: dict[str, Opportunity]) -> None:
    tree: dict[str, Any] = leaf("EqualsTo", "Stage", StringValue="Qualified")
    for _ in range(MAX_DEPTH):
        tree = {"AndAllFilters": [tree]}
    assert ids(rows, tree) == {"b"}


def test_the_service_limits() -> None:
    tree: dict[str, Any] = leaf("EqualsTo", "Stage", StringValue="Qualified")
    for _ in range(MAX_DEPTH + 1):
        tree = {"NotFilter": tree}
    field, message = refusal(tree)
    assert field == "Filter" + ".NotFilter" * (MAX_DEPTH + 1)
    assert str(MAX_DEPTH) in message
    many = [leaf("EqualsTo", "Stage", StringValue="Prospect")] * 10
    over = {"OrAllFilters": [{"AndAllFilters": many}, {"AndAllFilters": many}, many[0]]}
    assert refusal(over)[0] == "Filter.OrAllFilters[2].EqualsTo"
    assert MAX_LEAVES == 20
    assert refusal({"AndAllFilters": many * 2})[0] == "Filter.AndAllFilters"
    assert refusal({"OrAllFilters": []})[0] == "Filter.OrAllFilters"


# --- refusals name their path -----------------------------------------------------------


@pytest.mark.parametrize(
    ("tree", "field"),
    [
        ({}, "Filter"),
        ({"EqualsTo": None}, "Filter"),
        (
            {"AndAllFilters": [leaf("EqualsTo", "Stage", StringValue="x")], "NotFilter": {}},
            "Filter",
        ),
        ({"Bogus": 1}, "Filter.Bogus"),
        ("text", "Filter"),
        ({"AndAllFilters": "x"}, "Filter.AndAllFilters"),
        ({"AndAllFilters": [1]}, "Filter.AndAllFilters[0]"),
        ({"NotFilter": {}}, "Filter.NotFilter"),
        ({"EqualsTo": "x"}, "Filter.EqualsTo"),
        ({"EqualsTo": {"Key": "Stage", "Value": {}, "Op": 1}}, "Filter.EqualsTo.Op"),
        ({"EqualsTo": {"Value": {"StringValue": "x"}}}, "Filter.EqualsTo.Key"),
        (leaf("EqualsTo", "Unknown", StringValue="x"), "Filter.EqualsTo.Key"),
        ({"EqualsTo": {"Key": "Stage"}}, "Filter.EqualsTo.Value"),
        (leaf("EqualsTo", "Stage"), "Filter.EqualsTo.Value"),
        (leaf("EqualsTo", "Stage", StringValue="x", LongValue=1), "Filter.EqualsTo.Value"),
        (leaf("EqualsTo", "Stage", Other="x"), "Filter.EqualsTo.Value.Other"),
        (leaf("EqualsTo", "Stage", LongValue=1), "Filter.EqualsTo.Value.LongValue"),
        (leaf("EqualsTo", "Stage", StringValue=""), "Filter.EqualsTo.Value.StringValue"),
        (leaf("EqualsTo", "Stage", StringValue=3), "Filter.EqualsTo.Value.StringValue"),
        (
            leaf("ContainsAny", "Stage", StringListValue=[]),
            "Filter.ContainsAny.Value.StringListValue",
        ),  # noqa: E501
        (
            leaf("ContainsAny", "Stage", StringListValue=[1]),
            "Filter.ContainsAny.Value.StringListValue",
        ),  # noqa: E501
        (leaf("ContainsAll", "Stage", StringValue="x"), "Filter.ContainsAll"),
        (leaf("GreaterThan", "Title", StringValue="x"), "Filter.GreaterThan"),
        (leaf("ContainsAny", "Score", LongValue=1), "Filter.ContainsAny"),
        (leaf("GreaterThan", "Score", StringValue="1"), "Filter.GreaterThan.Value.StringValue"),
        (leaf("GreaterThan", "Score", LongValue=True), "Filter.GreaterThan.Value.LongValue"),
        (leaf("LessThan", "Score", DoubleValue=float("nan")), "Filter.LessThan.Value.DoubleValue"),
        (leaf("LessThan", "Close", LongValue=1), "Filter.LessThan.Value.LongValue"),
        (leaf("LessThan", "Close", DateValue="soon"), "Filter.LessThan.Value.DateValue"),
        (leaf("LessThan", "Close", DateValue=5), "Filter.LessThan.Value.DateValue"),
        (leaf("ContainsAll", "Created", DateValue=T0), "Filter.ContainsAll"),
        (leaf("GreaterThan", "Programs", StringValue="x"), "Filter.GreaterThan"),
        (
            {
                "OrAllFilters": [
                    leaf("EqualsTo", "Stage", StringValue="x"),
                    {"NotFilter": leaf("LessThan", "Stage", StringValue="x")},
                ]
            },  # noqa: E501
            "Filter.OrAllFilters[1].NotFilter.LessThan",
        ),
        (
            {
                "AndAllFilters": [
                    leaf("EqualsTo", "Stage", StringValue="x"),
                    leaf("GreaterThan", "Score", StringValue="x"),
                ]
            },  # noqa: E501
            "Filter.AndAllFilters[1].GreaterThan.Value.StringValue",
        ),
    ],
)
def test_every_refusal_names_its_path(tree: Any, field: str) -> None:
    assert refusal(tree)[0] == field


def test_the_path_prefix_is_the_callers() -> None:
    with pytest.raises(RuleViolation) as caught:
        compile_filter(
            leaf("EqualsTo", "Nope", StringValue="x"), FIELDS, model=Opportunity, path="Query"
        )
    assert caught.value.errors[0].field == "Query.EqualsTo.Key"


def test_an_unanswerable_key_says_why() -> None:
    why = {"Insight": "Allyport keeps no AWS insights."}
    field, message = refusal(leaf("EqualsTo", "Insight", StringValue="High"), unanswerable=why)
    assert (field, message) == ("Filter.EqualsTo.Key", "Allyport keeps no AWS insights.")
    field, message = refusal(leaf("EqualsTo", "Nope", StringValue="x"))
    assert "Nope" in message


def test_a_moment_out_of_range_is_refused_not_raised() -> None:
    far = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14)))
    assert refusal(leaf("EqualsTo", "Created", DateValue=far))[0] == (
        "Filter.EqualsTo.Value.DateValue"
    )

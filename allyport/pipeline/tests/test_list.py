"""ListOpportunities' service: filters, sorts and keyset pages that never repeat a row
or skip one while records are added."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from allyport.core.errors import RuleViolation
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete, future

pytestmark = pytest.mark.django_db


def create(api: Any, name: str = "Example Corp", close: str | None = None, **kw: Any) -> Any:
    payload = complete(Customer={"Account": {"CompanyName": name}}, **kw)
    if close is None:
        payload["LifeCycle"].pop("TargetCloseDate")
    else:
        payload["LifeCycle"]["TargetCloseDate"] = close
    return services.create_opportunity(api, "AWS", payload)


def walk(actor: Any, request: dict[str, Any], between: Any = None) -> list[str]:
    """Every id over all pages; `between(page_number)` runs after each page."""
    seen: list[str] = []
    tokens: set[str] = set()
    token = None
    for number in range(1000):
        page = services.list_opportunities(actor, "AWS", {**request, "NextToken": token})
        seen += [item.public_id for item in page.items]
        if page.next_token is None:
            return seen
        assert page.next_token not in tokens
        tokens.add(page.next_token)
        token = page.next_token
        if between is not None:
            between(number)
    raise AssertionError("no last page")


def age(opportunity: Any, seconds: int = 10) -> None:
    """Move an opportunity's dates back (two made in one millisecond would tie)."""
    shift = timedelta(seconds=seconds)
    Opportunity.objects.filter(pk=opportunity.pk).update(
        created_date=opportunity.created_date - shift,
        last_modified_date=opportunity.last_modified_date - shift,
    )


def test_it_lists_newest_changes_first_by_default(api: Any) -> None:
    first, second = create(api), create(api)
    age(first)
    assert walk(api, {}) == [second.public_id, first.public_id]


@pytest.mark.parametrize(
    "sort_by", ["LastModifiedDate", "Identifier", "CustomerCompanyName", "CreatedDate",
                "TargetCloseDate"],
)  # fmt: skip
@pytest.mark.parametrize("order", ["ASCENDING", "DESCENDING"])
def test_it_pages_through_every_sort_without_repeats(api: Any, sort_by: str, order: str) -> None:
    made = [
        create(api, name=f"Customer {n % 3}", close=None if n % 4 == 0 else future(n % 5 + 1))
        for n in range(13)
    ]
    request = {"Sort": {"SortBy": sort_by, "SortOrder": order}, "MaxResults": 2}
    seen = walk(api, request)
    assert sorted(seen) == sorted(o.public_id for o in made)
    one_page = services.list_opportunities(api, "AWS", {**request, "MaxResults": 100})
    assert seen == [o.public_id for o in one_page.items]


def test_it_sorts_missing_close_dates_last_going_up(api: Any) -> None:
    undated, dated = create(api), create(api, close=future())
    request = {"Sort": {"SortBy": "TargetCloseDate", "SortOrder": "ASCENDING"}}
    assert walk(api, request) == [dated.public_id, undated.public_id]


def test_it_neither_repeats_nor_skips_while_records_are_added(api: Any) -> None:
    original = {create(api).public_id for _ in range(10)}
    added: list[str] = []
    seen = walk(
        api,
        {"MaxResults": 3, "Sort": {"SortBy": "CreatedDate", "SortOrder": "ASCENDING"}},
        between=lambda _n: added.append(create(api).public_id),
    )
    assert len(seen) == len(set(seen))
    assert original <= set(seen)
    assert set(seen) <= original | set(added)


def test_it_keeps_its_place_by_identifier_while_records_are_added(api: Any) -> None:
    original = {create(api).public_id for _ in range(10)}
    seen = walk(
        api,
        {"MaxResults": 4, "Sort": {"SortBy": "Identifier", "SortOrder": "DESCENDING"}},
        between=lambda _n: create(api),
    )
    assert len(seen) == len(set(seen))
    assert original <= set(seen)
    assert seen == sorted(seen, reverse=True)


def test_it_filters_by_the_api_filters(api: Any) -> None:
    first = create(api, name="Alpha")
    second = create(api, name="Beta")
    Opportunity.objects.filter(pk=second.pk).update(stage="Prospect")
    assert walk(api, {"Identifier": [first.public_id]}) == [first.public_id]
    assert walk(api, {"CustomerCompanyName": ["Beta"]}) == [second.public_id]
    assert walk(api, {"LifeCycleStage": ["Prospect"]}) == [second.public_id]
    assert walk(api, {"LifeCycleReviewStatus": ["Submitted"]}) == []


def test_it_syncs_from_a_last_modified_date_inclusively(api: Any) -> None:
    age(create(api))
    later = create(api)
    after = {"AfterLastModifiedDate": later.last_modified_date}
    assert walk(api, {"LastModifiedDate": after}) == [later.public_id]
    before = {"BeforeLastModifiedDate": later.last_modified_date}
    assert later.public_id not in walk(api, {"LastModifiedDate": before})


def test_it_filters_by_created_and_close_dates(api: Any) -> None:
    soon = create(api, close=future(5))
    create(api, close=future(50))
    window = {"AfterTargetCloseDate": future(1), "BeforeTargetCloseDate": future(10)}
    assert walk(api, {"TargetCloseDate": window}) == [soon.public_id]
    created = {"AfterCreatedDate": soon.created_date - timedelta(days=1)}
    assert len(walk(api, {"CreatedDate": created})) == 2


def test_it_refuses_a_tampered_token(api: Any) -> None:
    create(api), create(api)
    page = services.list_opportunities(api, "AWS", {"MaxResults": 1})
    with pytest.raises(RuleViolation) as caught:
        services.list_opportunities(api, "AWS", {"NextToken": page.next_token + "x"})
    assert caught.value.errors[0].field == "NextToken"


def test_it_refuses_a_token_of_another_query(api: Any) -> None:
    create(api), create(api)
    page = services.list_opportunities(api, "AWS", {"MaxResults": 1})
    other = {"NextToken": page.next_token, "LifeCycleStage": ["Qualified"]}
    with pytest.raises(RuleViolation):
        services.list_opportunities(api, "AWS", other)


def test_it_keeps_page_sizes_within_the_model(api: Any) -> None:
    with pytest.raises(RuleViolation):
        services.list_opportunities(api, "AWS", {"MaxResults": 101})

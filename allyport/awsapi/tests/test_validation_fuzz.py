"""Hypothesis: inputs drawn from the operations' shapes, valid or not, never make the
validator fail with anything but a ValidationException that names its fields."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allyport.awsapi.refusals import answered
from allyport.awsapi.registry import Validation
from allyport.awsapi.tests.conftest import ApiCredentials, signed_post
from allyport.shapes import loader, patterns, validation

SELLING = "partnercentral-selling"
OPERATIONS = [
    "CreateOpportunity",
    "UpdateOpportunity",
    "ListOpportunities",
    "SearchOpportunities",
    "CreateEngagementInvitation",
    "TagResource",
]
CODES = {
    "REQUIRED_FIELD_MISSING", "INVALID_ENUM_VALUE", "INVALID_STRING_FORMAT", "INVALID_VALUE",
    "NOT_ENOUGH_VALUES", "TOO_MANY_VALUES", "VALUE_OUT_OF_RANGE",
}  # fmt: skip

junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=6,
)


def _string(shape: Any) -> st.SearchStrategy[Any]:
    enum = shape.metadata.get("enum")
    if enum:
        return st.sampled_from(enum) | st.text(max_size=4)
    low, high = shape.metadata.get("min", 0), shape.metadata.get("max", 10**6)
    anything = st.text(min_size=low, max_size=max(low, min(high, 20)))
    regex = patterns.compiled(shape.metadata["pattern"]) if "pattern" in shape.metadata else None
    if regex is None or "(?=" in regex.pattern:  # hypothesis draws no lookaheads
        return anything
    matching = st.from_regex(regex, fullmatch=True).filter(lambda text: low <= len(text) <= high)
    return matching | anything


def _structure(shape: Any, depth: int) -> st.SearchStrategy[Any]:
    if depth > 3:
        return st.just({})
    members = {name: from_shape(member, depth + 1) for name, member in shape.members.items()}
    required = {name: members.pop(name) for name in shape.required_members if name in members}
    if shape.is_tagged_union:
        return st.fixed_dictionaries({}, optional=members)
    return st.fixed_dictionaries(required, optional=members)


def from_shape(shape: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Mostly shape-like values, sometimes anything JSON can carry."""
    kind = shape.type_name
    if kind == "structure":
        valid = _structure(shape, depth)
    elif kind == "string":
        valid = _string(shape)
    elif kind in ("integer", "long"):
        valid = st.integers(shape.metadata.get("min", -(2**63)), shape.metadata.get("max", 2**63))
    elif kind in ("double", "float"):
        valid = st.floats(allow_nan=False, allow_infinity=False)
    elif kind == "boolean":
        valid = st.booleans()
    elif kind == "timestamp":
        moments = st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.isoformat())
        valid = moments | st.integers(0, 2**33)
    elif kind == "list":
        valid = st.lists(from_shape(shape.member, depth + 1), max_size=3)
    elif kind == "map":
        valid = st.dictionaries(st.text(max_size=5), from_shape(shape.value, depth + 1), max_size=2)
    else:
        valid = junk
    return st.one_of(valid, valid, junk)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_it_never_fails_but_with_a_validation_exception(operation: str) -> None:
    model = loader.operation_model(SELLING, operation)
    assert model is not None
    shape = model.input_shape

    @settings(
        max_examples=50,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(_structure(shape, 0))
    def check(params: dict[str, Any]) -> None:
        try:
            with answered(params):
                validation.validate(shape, params)
        except Validation as error:
            assert error.extra["Reason"] == "REQUEST_VALIDATION_FAILED"
            assert error.extra["ErrorList"]
            for item in error.extra["ErrorList"]:
                assert item["Code"] in CODES
                top = item.get("FieldName", "").split(".")[0].split("[")[0]
                assert top in shape.members or top in params

    check()


EXPECTED_ERRORS = ("ValidationException", "SerializationException", "AccessDeniedException")
ANSWERS = {
    "CreateOpportunity": {"Id": "O1", "LastModifiedDate": datetime.now(UTC)},
    "ListOpportunities": {"OpportunitySummaries": []},
}


@pytest.mark.parametrize("operation", sorted(ANSWERS))
def test_it_never_answers_a_server_error_for_drawn_input(
    api_url: str, creds: ApiCredentials, handlers: Any, operation: str
) -> None:
    def answer(ctx: Any, params: dict) -> dict:
        ctx.authorize(catalog=params["Catalog"])
        return ANSWERS[operation]

    handlers(operation, answer)
    model = loader.operation_model(SELLING, operation)
    assert model is not None

    @settings(
        max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(_structure(model.input_shape, 0))
    def check(params: dict[str, Any]) -> None:
        response = signed_post(api_url, creds, operation, json.dumps(params).encode())
        # 403: the policy allows the AWS and Sandbox catalogs only, and Catalog is drawn.
        assert response.status in (200, 400, 403), response.body
        if response.status != 200:
            assert response.body["__type"] in EXPECTED_ERRORS

    check()

"""Any input the model admits: the services answer with the opportunity or with field
errors, never with another exception, and what they return fits the output shapes."""

from __future__ import annotations

import re
from datetime import UTC
from typing import Any

import pytest
from botocore.model import Shape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allyport.core.errors import RuleViolation
from allyport.pipeline import services
from allyport.pipeline.opportunities.output import opportunity_summary_wire
from allyport.pipeline.tests.conftest import iam_actor
from allyport.shapes import serialization
from allyport.shapes.selling import service_model, shape

LIST_LIMIT = 3


def _string(target: Shape) -> st.SearchStrategy[str]:
    if target.enum:
        return st.sampled_from(target.enum)
    pattern = target.metadata.get("pattern")
    try:
        re.compile(pattern or "")
    except re.error:  # \p{L} and friends: stdlib re does not read them
        pattern = None
    # The endpoint refuses a body with NUL before any handler runs (SerializationException),
    # so handlers never see one.
    if pattern:
        return st.from_regex(pattern, fullmatch=True).filter(lambda s: "\x00" not in s)
    return st.text(st.characters(exclude_characters="\x00"), max_size=20)


def strategy(target: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values of a botocore shape, as the endpoint hands them to handlers."""
    kind = target.type_name
    if kind == "structure":
        members = {name: strategy(m, depth + 1) for name, m in target.members.items()}
        required = set(target.required_members)
        return st.fixed_dictionaries(
            {k: v for k, v in members.items() if k in required},
            optional={k: v for k, v in members.items() if k not in required},
        )
    if kind == "list":
        low = target.metadata.get("min", 0)
        high = min(target.metadata.get("max", LIST_LIMIT), LIST_LIMIT)
        return st.lists(strategy(target.member, depth + 1), min_size=min(low, high), max_size=high)  # type: ignore[attr-defined]
    if kind == "string":
        return _string(target)
    if kind == "timestamp":
        return st.datetimes(timezones=st.just(UTC))
    if kind == "integer":
        return st.integers(target.metadata.get("min", 0), target.metadata.get("max", 1000))
    return st.nothing()


def request_of(operation: str, drop: tuple[str, ...] = ("Tags",)) -> st.SearchStrategy[Any]:
    input_shape = service_model().operation_model(operation).input_shape
    return strategy(input_shape).map(lambda v: {k: x for k, x in v.items() if k not in drop})


def output_of(operation: str) -> Any:
    return service_model().operation_model(operation).output_shape


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(create=request_of("CreateOpportunity"), update=request_of("UpdateOpportunity"))
def test_it_answers_any_model_valid_input_with_a_record_or_field_errors(
    company: Any, create: dict[str, Any], update: dict[str, Any]
) -> None:
    actor = iam_actor(company)
    catalog = create["Catalog"] if create["Catalog"] in ("AWS", "Sandbox") else "Sandbox"
    try:
        opportunity = services.create_opportunity(actor, catalog, create)
    except RuleViolation as error:
        assert error.errors and all(e.field for e in error.errors)
        return
    view = services.opportunity_view(opportunity, "123456789012")
    serialization.serialize(output_of("GetOpportunity"), view)
    listed = serialization.serialize(
        shape("ListOpportunitiesResponse"),
        {"OpportunitySummaries": [services.opportunity_summary(opportunity, "123456789012")]},
    )
    # The list's one-pass form (projected and serialized at once) is the same answer.
    one_pass = serialization.serialize(
        shape("ListOpportunitiesResponse"),
        {"OpportunitySummaries": [opportunity_summary_wire(opportunity, "123456789012")]},
    )
    assert one_pass == listed
    try:
        services.update_opportunity(
            actor, catalog, opportunity.public_id, update,
            last_modified_date=opportunity.last_modified_date,
        )  # fmt: skip
    except RuleViolation as error:
        assert error.errors

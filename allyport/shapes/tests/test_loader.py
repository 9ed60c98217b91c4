"""Every installed Partner Central model loads, whatever its protocol; validation
refuses with the domain's error, not the wire's."""

from __future__ import annotations

import pytest

from allyport.core.errors import REQUEST, FieldError, RuleViolation
from allyport.shapes import loader, selling, validation


def test_every_partnercentral_model_loads_whatever_its_protocol() -> None:
    names = loader.services()
    assert "partnercentral-selling" in names
    assert all(name.startswith(loader.PREFIX) for name in names)
    for name in names:
        assert loader.service_model(name).operation_names


def test_operations_shapes_enums_and_paginators() -> None:
    assert loader.operation_model(selling.SERVICE, "NoSuchOperation") is None
    assert loader.operation_model(selling.SERVICE, "ListOpportunities") is not None
    assert "ListOpportunities" in loader.paginated_operations(selling.SERVICE)
    assert selling.enum("Stage") == loader.enum(selling.SERVICE, "Stage")
    assert ("Prospect", "Prospect") in selling.choices("Stage")


def test_validation_raises_a_rule_violation_naming_each_field() -> None:
    shape = loader.operation_model(selling.SERVICE, "ListSolutions")
    assert shape is not None
    with pytest.raises(RuleViolation) as caught:
        validation.validate(shape.input_shape, {"MaxResults": "many", "Bogus": 1})
    assert caught.value.reason == REQUEST
    assert set(caught.value.errors) == {
        FieldError("MaxResults", "Member must be an integer.", "INVALID_VALUE"),
        FieldError("Bogus", "Unknown member.", "INVALID_VALUE"),
        FieldError("Catalog", "Required field is missing.", "REQUIRED_FIELD_MISSING"),
    }
    assert caught.value.message.startswith("3 validation errors detected: ")

"""The registry handlers code against: registration, errors, ApiContext.authorize."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from allyport.access.actor import Actor
from allyport.awsapi import registry
from allyport.awsapi.apps import import_handler_modules
from allyport.awsapi.registry import ApiContext, ApiError, Validation


@pytest.fixture(autouse=True)
def _empty_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_handlers", {})


def first(ctx: Any, params: dict) -> dict:
    return {}


def second(ctx: Any, params: dict) -> dict:
    return {}


def test_it_registers_and_unregisters_a_handler() -> None:
    registry.operation("partnercentral-selling", "GetOpportunity")(first)
    assert registry.handler_for("partnercentral-selling", "GetOpportunity") is first
    assert registry.supported("partnercentral-selling") == {"GetOpportunity"}
    registry.unregister("partnercentral-selling", "GetOpportunity")
    assert registry.handler_for("partnercentral-selling", "GetOpportunity") is None


def test_it_refuses_names_the_model_does_not_have() -> None:
    with pytest.raises(ImproperlyConfigured):
        registry.operation("partnercentral-selling", "GetOpportunities")
    with pytest.raises(ImproperlyConfigured):
        registry.operation("partnercentral-unknown", "ListRevenueAttributions")


def test_it_refuses_a_second_handler_for_one_operation() -> None:
    registry.operation("partnercentral-selling", "GetOpportunity")(first)
    registry.operation("partnercentral-selling", "GetOpportunity")(first)  # a re-import
    with pytest.raises(ImproperlyConfigured):
        registry.operation("partnercentral-selling", "GetOpportunity")(second)


def test_it_shapes_a_validation_error_list() -> None:
    error = Validation("bad", errors=[("Catalog", "Required.", "REQUIRED_FIELD_MISSING"),
                                      ("", "Whole request.", "INVALID_VALUE")])  # fmt: skip
    assert (error.code, error.status) == ("ValidationException", 400)
    assert error.extra == {
        "Reason": "REQUEST_VALIDATION_FAILED",
        "ErrorList": [
            {"FieldName": "Catalog", "Message": "Required.", "Code": "REQUIRED_FIELD_MISSING"},
            {"Message": "Whole request.", "Code": "INVALID_VALUE"},
        ],
    }
    business = Validation("rule", reason="BUSINESS_VALIDATION_FAILED")
    assert business.extra == {"Reason": "BUSINESS_VALIDATION_FAILED"}


def test_it_builds_any_error() -> None:
    error = ApiError("slow down", code="ThrottlingException", status=429, extra={"QuotaCode": "q"})
    assert (error.code, error.status, error.message, error.extra) == (
        "ThrottlingException",
        429,
        "slow down",
        {"QuotaCode": "q"},
    )
    assert (ApiError("x").code, ApiError("x").status) == ("InternalServerException", 500)


def test_it_refuses_an_actor_without_an_iam_principal() -> None:
    ctx = ApiContext(Actor(kind="system"), "GetOpportunity", "partnercentral-selling", "r", {})
    with pytest.raises(registry.AccessDenied):
        ctx.authorize(catalog="AWS")
    assert ctx.authorized is False


def test_it_imports_handler_modules_of_installed_apps_only() -> None:
    assert import_handler_modules(("allyport.notinstalled.api",)) == []
    assert import_handler_modules(("allyport.awsapi.compatibility",)) == [
        "allyport.awsapi.compatibility"
    ]


def test_an_installed_app_without_an_api_module_yet_is_left_out() -> None:
    """A scaffolded app (installed, no `api` package yet) must not stop the start."""
    assert import_handler_modules(("allyport.core.api",)) == []


def test_the_marketing_handlers_are_imported_at_start() -> None:
    from allyport.awsapi.apps import HANDLER_MODULES

    assert "allyport.marketing.api" in HANDLER_MODULES

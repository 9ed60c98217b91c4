"""The registry's fuzz contract for the Benefits service: for every operation it serves,
hypothesis draws bodies from the input shape (valid ones, and ones with defects put in
on purpose) and posts them signed. Never a 500; a defective body is a
ValidationException whose FieldList names the defect's field (the Benefits model's
shape: Name, Message, Code; Reason fieldValidationFailed)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allyport.awsapi import registry
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.awsapi.tests.contract.test_fuzz_every_operation import (
    CATALOGS,
    EXAMPLES,
    _fits,
    _related,
    defective,
    valid,
)
from allyport.funding.services.files import upload, uri
from allyport.funding.services.history import application_arn
from allyport.funding.services.lifecycle import submit_application
from allyport.funding.services.review import approve_application
from allyport.funding.tests.conftest import PDF, draft, iam_actor, make_benefit, member_actor
from allyport.funding.tests.test_services import staff
from allyport.shapes import loader
from allyport.testing import make_credentials

pytestmark = pytest.mark.django_db
SERVICE = "partnercentral-benefits"
IDENTIFIERS = (
    "Identifier",
    "BenefitIdentifier",
    "BenefitApplicationIdentifier",
    "ResourceArn",
    "resourceArn",
)


def served() -> list[str]:
    return sorted(registry.supported(SERVICE))


@pytest.fixture
def caller(db: None) -> tuple[Any, list[str]]:
    import io

    creds = make_credentials()
    benefit = make_benefit()
    actor = member_actor(creds.company)
    application = draft(actor, benefit)
    approved = draft(actor, benefit)
    submit_application(actor, "AWS", approved.public_id)
    allocation = approve_application(staff(), approved.public_id, amount="10")
    stored = upload(iam_actor(creds), "plan.pdf", io.BytesIO(PDF))
    real = [
        benefit.public_id,
        application.public_id,
        application_arn(application),
        allocation.public_id,
        uri(stored),
    ]
    return creds, real


def request_strategy(operation: str, real: list[str]) -> st.SearchStrategy[Any]:
    model = loader.operation_model(SERVICE, operation)
    assert model is not None
    shape = model.input_shape

    @st.composite
    def draw(draw: Any) -> tuple[dict[str, Any], set[str]]:
        body = draw(valid(shape))
        catalog = draw(st.sampled_from([*CATALOGS, *CATALOGS, None]))
        if "Catalog" in shape.members and catalog is not None:
            body["Catalog"] = catalog
        for name in IDENTIFIERS:
            fitting = [i for i in real if _fits(shape.members.get(name), i)]
            if name in body and fitting and draw(st.booleans()):
                body[name] = draw(st.sampled_from(fitting))
        if draw(st.sampled_from(["valid", "defective", "defective"])) == "valid":
            return body, set()
        return draw(defective(shape, body))

    return draw()


def check_answer(answer: Answer, body: dict[str, Any], named: set[str]) -> None:
    shown = json.dumps(body)[:600]
    assert answer.status < 500 and answer.code != "InternalServerException", (answer.body, shown)
    if answer.status == 200:
        assert not named, f"a defective body was accepted: {named} {shown}"
        return
    assert answer.code, answer.body
    if answer.code == "ValidationException":
        assert answer.body.get("Reason") in (
            "fieldValidationFailed",
            "BUSINESS_VALIDATION_FAILED",
            "other",
        ), answer.body
        assert "ErrorList" not in answer.body, answer.body
        for item in answer.body.get("FieldList", []):
            assert item.get("Message") and item.get("Code"), answer.body
    if not named:
        return
    assert answer.status == 400 and answer.code == "ValidationException", (answer.body, shown)
    assert answer.body["Reason"] == "fieldValidationFailed", answer.body
    fields = {item.get("Name", "") for item in answer.body.get("FieldList", [])}
    for path in named:
        assert any(_related(path, field) for field in fields), (path, answer.body, shown)


def _in_document(operation: str, path: str) -> bool:
    """Whether `path` is a document member (or inside one): a Smithy document takes any
    JSON value, so the drawn "wrong type" is no defect of the model's. The service
    itself wants an object there and says so by field (test_services)."""
    model = loader.operation_model(SERVICE, operation)
    assert model is not None
    member = model.input_shape.members.get(path.split(".")[0].split("[")[0])
    return member is not None and bool(getattr(member, "is_document_type", False))


def test_every_benefits_operation_is_served() -> None:
    assert len(served()) == len(loader.service_model(SERVICE).operation_names) == 17


@pytest.mark.parametrize("operation", served())
def test_no_input_makes_it_fail(operation: str, caller: Any) -> None:
    creds, real = caller
    client = Client()

    @settings(
        max_examples=min(EXAMPLES, 10),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(request_strategy(operation, real))
    def check(drawn: tuple[dict[str, Any], set[str]]) -> None:
        body, named = drawn
        named = {path for path in named if not _in_document(operation, path)}
        check_answer(call(client, creds, operation, body, service=SERVICE), body, named)

    check()

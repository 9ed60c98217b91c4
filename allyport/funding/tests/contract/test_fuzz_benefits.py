"""No input makes any served Benefits API operation fail: the contract fuzz harness
(allyport/awsapi/tests/contract/fuzz.py) for `partnercentral-benefits`. Bodies are
drawn from each operation's input shape, valid or with defects put in on purpose, and
posted signed; never a 500, and a defective body is a ValidationException whose
FieldList names the defect's field (the Benefits model's shape: Name, Message, Code;
Reason fieldValidationFailed)."""

from __future__ import annotations

import io
from typing import Any

import pytest

from allyport.awsapi.tests.contract.conftest import Answer
from allyport.awsapi.tests.contract.fuzz import CATALOGS, Errors, Fuzzed, budget
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


def _named_fields(body: dict[str, Any]) -> set[str]:
    return {item.get("Name", "") for item in body.get("FieldList", [])}


def _benefits_shape(answer: Answer) -> None:
    if answer.code == "ValidationException":
        assert answer.body.get("Reason") in (
            "fieldValidationFailed",
            "BUSINESS_VALIDATION_FAILED",
            "other",
        ), answer.body
        assert "ErrorList" not in answer.body, answer.body
        for item in answer.body.get("FieldList", []):
            assert item.get("Message") and item.get("Code"), answer.body


BENEFITS_FUZZ = Fuzzed(
    SERVICE,
    Errors("fieldValidationFailed", _named_fields, _benefits_shape),
    identifiers=(
        "Identifier",
        "BenefitIdentifier",
        "BenefitApplicationIdentifier",
        "ResourceArn",
        "resourceArn",
    ),
    examples=budget(18, cap=10),
    catalogs=(*CATALOGS, *CATALOGS, None),
    # The model's document members take any JSON value; the service itself wants an
    # object there and says so by field (test_services).
    documents_take_any_value=True,
)


@pytest.fixture
def caller(db: None) -> tuple[Any, list[str]]:
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


def test_every_benefits_operation_is_served() -> None:
    assert len(BENEFITS_FUZZ.served()) == len(loader.service_model(SERVICE).operation_names) == 17


@pytest.mark.parametrize("operation", BENEFITS_FUZZ.served())
def test_no_input_makes_it_fail(operation: str, caller: Any) -> None:
    BENEFITS_FUZZ.fuzz(operation, *caller)

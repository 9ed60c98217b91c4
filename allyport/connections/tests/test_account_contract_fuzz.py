"""No input makes any served Account API operation fail: the contract fuzz harness
(allyport/awsapi/tests/contract/fuzz.py) for `partnercentral-account`. Bodies are
drawn from each operation's input shape, valid or with defects put in on purpose, and
posted with a real SigV4 signature; never a 500, every error but throttling says why,
and a defective body is a ValidationException whose ErrorDetails name the defect's
field (the account service's error shape)."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.awsapi.tests.contract.conftest import Answer
from allyport.awsapi.tests.contract.fuzz import Errors, Fuzzed, budget
from allyport.connections.tests.conftest import ACCOUNT, Pair, invite_params

pytestmark = pytest.mark.django_db


def _named_fields(body: dict[str, Any]) -> set[str]:
    return {
        item["FieldValidationError"]["Name"]
        for item in body.get("ErrorDetails", [])
        if "FieldValidationError" in item
    }


def _says_why(answer: Answer) -> None:
    if answer.code != "ThrottlingException":
        assert answer.body.get("Reason"), answer.body  # every account error carries one


ACCOUNT_FUZZ = Fuzzed(
    ACCOUNT,
    Errors("REQUEST_VALIDATION_FAILED", _named_fields, _says_why),
    identifiers=("Identifier", "ResourceArn", "ReceiverIdentifier", "TaskId"),
    examples=budget(6),  # 34 operations: ~2 min
    catalogs=("AWS", "AWS", "Sandbox", None),
)


@pytest.fixture
def ids(pair: Pair) -> list[str]:
    """Real identifiers of the caller's records (A's), for the draws to hit."""
    connection = pair.connect()
    pending = pair.as_b(
        "CreateConnectionInvitation",
        **invite_params(pair.a_id, ClientToken="p", ConnectionType="SUBSIDIARY"),
    )
    account = pair.a.user.account.account_id
    return [
        connection["Id"],
        pending.body["Id"],
        pair.a_id,
        pair.b_id,
        f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/partner/{pair.a_id}",
        f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/connection-preferences",
    ]


def test_every_served_operation_is_fuzzed() -> None:
    assert ACCOUNT_FUZZ.served(), "the registry serves no Account API operation"


@pytest.mark.parametrize("operation", ACCOUNT_FUZZ.served())
def test_no_input_makes_it_fail(operation: str, pair: Pair, ids: list[str]) -> None:
    ACCOUNT_FUZZ.fuzz(operation, pair.a, ids)

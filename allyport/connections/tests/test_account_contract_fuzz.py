"""No input makes any served Account API operation fail: the registry's fuzz contract
(allyport/awsapi/tests/contract/test_fuzz_every_operation.py) for
`partnercentral-account`. Bodies are drawn from each operation's input shape, valid
or with defects put in on purpose, and posted with a real SigV4 signature; never a
500, and a defective body is a ValidationException whose ErrorDetails name the
defect's field (the account service's error shape)."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allyport.awsapi import registry
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.awsapi.tests.contract.test_fuzz_every_operation import (
    _fits,
    _related,
    defective,
    valid,
)
from allyport.connections.tests.conftest import ACCOUNT, Pair, invite_params
from allyport.shapes import loader

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("CONTRACT_FUZZ_EXAMPLES", "6"))  # 34 operations: ~2 min
IDENTIFIER_MEMBERS = ("Identifier", "ResourceArn", "ReceiverIdentifier", "TaskId")


def served() -> list[str]:
    return sorted(registry.supported(ACCOUNT))


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


def request_strategy(operation: str, real: list[str]) -> st.SearchStrategy[Any]:
    model = loader.operation_model(ACCOUNT, operation)
    assert model is not None
    shape = model.input_shape

    @st.composite
    def draw_request(draw: Any) -> tuple[dict[str, Any], set[str]]:
        body = draw(valid(shape))
        catalog = draw(st.sampled_from(["AWS", "AWS", "Sandbox", None]))
        if "Catalog" in shape.members and catalog is not None:
            body["Catalog"] = catalog
        for name in IDENTIFIER_MEMBERS:
            fitting = [i for i in real if _fits(shape.members.get(name), i)]
            if name in body and fitting and draw(st.booleans()):
                body[name] = draw(st.sampled_from(fitting))
        if draw(st.sampled_from(["valid", "defective", "defective"])) == "valid":
            return body, set()
        return draw(defective(shape, body))

    return draw_request()


def check_answer(answer: Answer, body: dict[str, Any], named: set[str]) -> None:
    shown = json.dumps(body)[:600]
    assert answer.status < 500, (answer.status, answer.body, shown)
    assert answer.code != "InternalServerException", (answer.body, shown)
    if answer.status == 200:
        assert not named, f"a defective body was accepted: {named} {shown}"
        return
    assert answer.code, answer.body
    if answer.code != "ThrottlingException":
        assert answer.body.get("Reason"), answer.body  # every account error carries one
    if not named:
        return
    assert (answer.status, answer.code) == (400, "ValidationException"), (answer.body, shown)
    assert answer.body["Reason"] == "REQUEST_VALIDATION_FAILED", answer.body
    fields = {
        item["FieldValidationError"]["Name"]
        for item in answer.body.get("ErrorDetails", [])
        if "FieldValidationError" in item
    }
    for path in named:
        assert any(_related(path, field) for field in fields), (path, answer.body, shown)


def test_every_served_operation_is_fuzzed() -> None:
    assert served(), "the registry serves no Account API operation"


@pytest.mark.parametrize("operation", served())
def test_no_input_makes_it_fail(operation: str, pair: Pair, ids: list[str]) -> None:
    client = Client()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(request_strategy(operation, ids))
    def check(drawn: tuple[dict[str, Any], set[str]]) -> None:
        body, named = drawn
        check_answer(call(client, pair.a, operation, body, service=ACCOUNT), body, named)

    check()

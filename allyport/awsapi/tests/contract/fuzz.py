"""The contract fuzz harness every served AWS API shares: for each operation of a
service, hypothesis draws request bodies from the operation's input shape — valid
ones, and valid ones with one or two defects put in on purpose (a value breaking its
length, pattern, enum, range or type, a list of the wrong size, a required member
dropped, an unknown member added, a union with two members) — and posts them with a
real SigV4 signature through Django's test client.

Never a 500 nor InternalServerException; every error carries its type and the
service's own error shape (`Errors`); a defective body is a ValidationException whose
field list names the defect's field. Identifiers are drawn from the company's real
records too, so handlers run past the lookup. A service's test gives its `Fuzzed`
(which service, its error shape, its identifier members, its budget) and its records:

    BENEFITS = Fuzzed(SERVICE, BENEFITS_ERRORS, identifiers=(...), examples=budget(18, 10))

    @pytest.mark.parametrize("operation", BENEFITS.served())
    def test_no_input_makes_it_fail(operation, caller):
        BENEFITS.fuzz(operation, *caller)
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allyport.awsapi import registry
from allyport.awsapi.tests.conftest import ApiCredentials
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.awsapi.tests.contract.strategies import defective, fits, valid
from allyport.shapes import loader

CATALOGS = ("AWS", "Sandbox")


def budget(default: int, cap: int | None = None) -> int:
    """Examples per operation: CONTRACT_FUZZ_EXAMPLES=200 for a longer hunt, else the
    service's default; `cap` bounds either."""
    examples = int(os.environ.get("CONTRACT_FUZZ_EXAMPLES", str(default)))
    return examples if cap is None else min(examples, cap)


# --- a service's error shape --------------------------------------------------------


@dataclass(frozen=True)
class Errors:
    """How a service's model shapes its errors: the Reason of a malformed request's
    ValidationException, the fields it names, and what every error must carry."""

    defect_reason: str
    fields: Callable[[dict[str, Any]], set[str]]
    check: Callable[[Answer], None]


def _error_list_fields(body: dict[str, Any]) -> set[str]:
    return {item.get("FieldName", "") for item in body.get("ErrorList", [])}


def _error_list_check(answer: Answer) -> None:
    if answer.code == "ValidationException":
        assert answer.body.get("Reason"), answer.body
        for item in answer.body.get("ErrorList", []):
            assert item.get("Message") and item.get("Code"), answer.body


# The Selling and Channel models': a Reason, and an ErrorList of FieldName, Message, Code.
ERROR_LIST = Errors("REQUEST_VALIDATION_FAILED", _error_list_fields, _error_list_check)


def _field_list_fields(body: dict[str, Any]) -> set[str]:
    return {item.get("Name", "") for item in body.get("FieldList", [])}


def _field_list_check(answer: Answer) -> None:
    if answer.code == "ValidationException":
        assert answer.body.get("Reason"), answer.body
        assert "ErrorList" not in answer.body, answer.body
        for item in answer.body.get("FieldList", []):
            assert item.get("Message") and item.get("Code"), answer.body


# The Marketing model's (Smithy-shaped): a Reason, and a FieldList of Name, Message, Code.
FIELD_LIST = Errors("FIELD_VALIDATION_FAILED", _field_list_fields, _field_list_check)


def check_answer(answer: Answer, body: dict[str, Any], named: set[str], errors: Errors) -> None:
    shown = json.dumps(body, default=str)[:600]  # CBOR bodies hold datetimes and bytes
    assert answer.status < 500, (answer.status, answer.body, shown)
    assert answer.code != "InternalServerException", (answer.body, shown)
    if answer.status == 200:
        assert not named, f"a defective body was accepted: {named} {shown}"
        return
    assert answer.code, answer.body  # every error carries __type
    errors.check(answer)
    if not named:
        return
    assert (answer.status, answer.code) == (400, "ValidationException"), (answer.body, shown)
    assert answer.body["Reason"] == errors.defect_reason, answer.body
    fields = errors.fields(answer.body)
    for path in named:
        assert any(_related(path, field) for field in fields), (path, answer.body, shown)


def _related(path: str, field: str) -> bool:
    """The same field, or one inside the other (a defect in `A` may be reported at
    `A.b`, a defect at `A.b` replaced by a later one at `A`)."""
    if not field:
        return False
    inner = (path, field) if len(path) >= len(field) else (field, path)
    return inner[0] == inner[1] or inner[0].startswith((inner[1] + ".", inner[1] + "["))


# --- the harness ----------------------------------------------------------------------


@dataclass(frozen=True)
class Fuzzed:
    """One service under the fuzz contract."""

    service: str
    errors: Errors
    identifiers: tuple[str, ...]  # members a real identifier may stand in for
    examples: int  # per operation
    catalog_member: str = "Catalog"
    # what a Catalog member is drawn from (None: left as drawn from the shape)
    catalogs: Sequence[str | None] = (*CATALOGS, *CATALOGS, *CATALOGS, None)
    # a Smithy document takes any JSON value: a "wrong type" there is no defect
    documents_take_any_value: bool = False

    def served(self) -> list[str]:
        return sorted(registry.supported(self.service))

    def requests(self, operation: str, real: Iterable[str]) -> st.SearchStrategy[Any]:
        """(body, the field paths that must be named) for `operation`."""
        model = loader.operation_model(self.service, operation)
        assert model is not None
        shape = model.input_shape
        identifiers = list(real)
        base = valid(shape)

        @st.composite
        def draw_request(draw: Any) -> tuple[dict[str, Any], set[str]]:
            body = draw(base)
            catalog = draw(st.sampled_from(self.catalogs))
            if self.catalog_member in shape.members and catalog is not None:
                body[self.catalog_member] = catalog
            for name in self.identifiers:
                fitting = [i for i in identifiers if fits(shape.members.get(name), i)]
                if name in body and fitting and draw(st.booleans()):
                    body[name] = draw(st.sampled_from(fitting))
            if draw(st.sampled_from(["valid", "defective", "defective"])) == "valid":
                return body, set()
            return draw(defective(shape, body))

        return draw_request()

    def fuzz(self, operation: str, credentials: ApiCredentials, real: Iterable[str]) -> None:
        """Post `examples` drawn bodies for `operation` as `credentials`, each answer checked."""
        client = Client()

        @settings(
            max_examples=self.examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(self.requests(operation, real))
        def check(drawn: tuple[dict[str, Any], set[str]]) -> None:
            body, named = drawn
            if self.documents_take_any_value:
                named = {path for path in named if not self._in_document(operation, path)}
            answer = call(client, credentials, operation, body, service=self.service)
            check_answer(answer, body, named, self.errors)

        check()

    def _in_document(self, operation: str, path: str) -> bool:
        """Whether `path` is a document member (or inside one)."""
        model = loader.operation_model(self.service, operation)
        assert model is not None
        member = model.input_shape.members.get(path.split(".")[0].split("[")[0])
        return member is not None and bool(getattr(member, "is_document_type", False))

"""No input makes any served operation fail: for each operation the registry serves,
hypothesis draws request bodies from the operation's input shape — valid ones, and
valid ones with one or two defects put in on purpose (a value breaking its length,
pattern, enum, range or type, a list of the wrong size, a required member dropped,
an unknown member added, a union with two members) — and posts them with a real
SigV4 signature through Django's test client.

Never a 500 nor InternalServerException; a defective body is a ValidationException
whose ErrorList names the defect's field; any ValidationException says why.
Identifiers are drawn from the company's real records too, so handlers run past
the lookup. Budget: EXAMPLES per operation (the whole file stays under a minute on
the 2-core machine).
"""

from __future__ import annotations

import json
import os
import re
import string
from datetime import UTC, timedelta, timezone
from typing import Any

import pytest
from botocore.model import Shape
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allyport.awsapi import registry
from allyport.awsapi.tests.conftest import SELLING, ApiCredentials, make_credentials
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.bulk.tests.conftest import api_bulk_ids
from allyport.customers.services.accounts import create_customer_account
from allyport.customers.services.bulk_kind import KIND
from allyport.customers.services.scope import BULK_JOB, customer_account_arn, resource_arn
from allyport.jobs.models import BulkJob
from allyport.pipeline import services
from allyport.pipeline.models import EngagementGroup
from allyport.pipeline.prospecting.services import start_prospecting
from allyport.pipeline.selectors import opportunity_arn
from allyport.pipeline.tests.conftest import complete, iam_actor, make_solution
from allyport.pipeline.tests.engagement_fixtures import share
from allyport.shapes import loader, patterns

pytestmark = pytest.mark.django_db
# CONTRACT_FUZZ_EXAMPLES=200 for a longer hunt; the default keeps the file near 20 s.
EXAMPLES = int(os.environ.get("CONTRACT_FUZZ_EXAMPLES", "18"))
ZONES = (UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)))
LIST_CAP = 3  # longest valid list drawn
DEPTH_CAP = 7  # below this, structures get their required members only
CATALOGS = ("AWS", "Sandbox")
IDENTIFIER_MEMBERS = (
    "Identifier", "OpportunityIdentifier", "RelatedOpportunityIdentifier", "EngagementIdentifier",
    "ResourceIdentifier", "ResourceArn", "TaskIdentifier", "GroupId", "JobId", "FileURI",
    "FileUri", "CampaignIdentifier", "CampaignAssetIdentifier",
)  # fmt: skip
LENGTH_LOOKAHEAD = re.compile(r"^\(\?=\.\{\d*,?\d*\}\$\)")


# --- valid values from a shape ------------------------------------------------------


def _text_between(low: int, high: int) -> st.SearchStrategy[str]:
    return st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        min_size=low,
        max_size=max(low, min(high, 24)),
    )


def valid_string(shape: Shape) -> st.SearchStrategy[str]:
    enum = shape.metadata.get("enum")
    if enum:
        return st.sampled_from(enum)
    low, high = shape.metadata.get("min", 0), shape.metadata.get("max", 10**6)
    pattern = shape.metadata.get("pattern")
    if not pattern:
        return _text_between(low, high)
    whole = patterns.compiled(pattern)
    # Hypothesis draws no lookarounds: a leading length lookahead is dropped for the
    # draw and checked by the whole pattern afterwards.
    drawn = patterns.compiled(LENGTH_LOOKAHEAD.sub("", pattern, count=1))
    if whole is None or drawn is None or "(?=" in drawn.pattern or "(?!" in drawn.pattern:
        return st.nothing()
    return st.from_regex(drawn, fullmatch=True).filter(
        lambda text: (
            low <= len(text) <= high
            and "\x00" not in text  # refused before validation (SerializationException)
            and whole.fullmatch(text) is not None
        )
    )


def valid(shape: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    kind = shape.type_name
    if kind == "structure":
        if getattr(shape, "is_document_type", False):
            return st.dictionaries(_text_between(0, 4), st.integers(), max_size=2)
        members = shape.members
        if shape.is_tagged_union:
            return st.one_of(
                *[
                    valid(member, depth + 1).map(lambda v, n=name: {n: v})
                    for name, member in members.items()
                ]
            )
        required = {n: valid(members[n], depth + 1) for n in shape.required_members}
        optional = {} if depth >= DEPTH_CAP else {
            n: valid(m, depth + 1) for n, m in members.items() if n not in required
        }  # fmt: skip
        return st.fixed_dictionaries(required, optional=optional)
    if kind == "string":
        return valid_string(shape)
    if kind in ("integer", "long"):
        return st.integers(
            shape.metadata.get("min", -(2**31)), shape.metadata.get("max", 2**31 - 1)
        )
    if kind in ("double", "float"):
        return st.floats(
            shape.metadata.get("min"),
            shape.metadata.get("max"),
            allow_nan=False,
            allow_infinity=False,
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "timestamp":
        # The whole datetime range, in zones as far apart as they go: year 1 and 9999
        # are where arithmetic on a parsed moment overflows.
        moments = st.datetimes(timezones=st.sampled_from(ZONES))
        return moments.map(lambda m: m.isoformat()) | st.integers(-(2**34), 2**34)
    if kind == "list":
        low = shape.metadata.get("min", 0)
        high = max(low, min(shape.metadata.get("max", LIST_CAP), LIST_CAP))
        return st.lists(valid(shape.member, depth + 1), min_size=low, max_size=high)
    if kind == "map":
        return st.dictionaries(valid_string(shape.key), valid(shape.value, depth + 1), max_size=2)
    return st.nothing()


# --- defects -----------------------------------------------------------------------

WRONG_TYPES = {
    "string": st.integers() | st.booleans() | st.lists(st.integers(), max_size=1),
    "integer": _text_between(0, 3) | st.booleans() | st.just(1.5),
    "boolean": _text_between(0, 3) | st.integers(),
    "timestamp": st.sampled_from(["yesterday", "2024-13-45", "", "T", True, [1]]),
    "list": _text_between(0, 3)
    | st.integers()
    | st.dictionaries(_text_between(0, 2), st.integers()),
    "structure": _text_between(0, 3) | st.integers() | st.lists(st.integers(), max_size=2),
    "map": _text_between(0, 3) | st.integers(),
}
PATTERN_MISFITS = ["", " ", "\t!", "x y", "ü", "-", "aaa", "0", "@", "arn:x", "O1"]
WRONG_TYPES["long"] = WRONG_TYPES["integer"]
WRONG_TYPES["double"] = _text_between(0, 3) | st.booleans()


def invalid(shape: Shape) -> st.SearchStrategy[Any]:
    """A value the model refuses for `shape` (never null: null is taken as absent)."""
    kind = shape.type_name
    options = [WRONG_TYPES.get(kind, st.just([]))]
    meta = shape.metadata
    if kind == "string":
        regex = patterns.compiled(meta["pattern"]) if "pattern" in meta else None
        if meta.get("enum"):
            options.append(_text_between(0, 6).filter(lambda t: t not in meta["enum"]))
        if meta.get("max", 10**6) < 5000:
            options.append(st.integers(1, 3).map(lambda extra: "a" * (meta["max"] + extra)))
        if meta.get("min", 0) > 0:
            options.append(_text_between(0, meta["min"] - 1))
        if regex is not None:
            misfits = [t for t in PATTERN_MISFITS if regex.fullmatch(t) is None]
            if misfits:
                options.append(st.sampled_from(misfits))
    elif kind in ("integer", "long"):
        if "min" in meta:
            options.append(st.integers(max_value=meta["min"] - 1))
        if "max" in meta:
            options.append(st.integers(min_value=meta["max"] + 1))
    elif kind == "list":
        if meta.get("max", 10**6) <= 60:
            options.append(st.just(meta["max"] + 1).flatmap(lambda n: valid(shape.member).flatmap(
                lambda item: st.just([item] * n))))  # fmt: skip
        if meta.get("min", 0) > 0:
            options.append(st.just([]))
    return st.one_of(*options)


def _nodes(shape: Shape, value: Any, path: str = "") -> list[tuple[str, Shape, Any, Any]]:
    """(path, shape, container, key) for every member present in `value`, the way the
    validator names paths (`A.B[0].C`)."""
    found: list[tuple[str, Shape, Any, Any]] = []
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, item in value.items():
            if name in shape.members:
                child = f"{path}.{name}" if path else name
                found.append((child, shape.members[name], value, name))
                found += _nodes(shape.members[name], item, child)
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            child = f"{path}[{index}]"
            found.append((child, shape.member, value, index))
            found += _nodes(shape.member, item, child)
    return found


def _structures(shape: Shape, value: Any, path: str = "") -> list[tuple[str, Shape, dict]]:
    found: list[tuple[str, Shape, dict]] = []
    if shape.type_name == "structure" and isinstance(value, dict):
        if not getattr(shape, "is_document_type", False):
            found.append((path, shape, value))
        for name, item in value.items():
            if name in shape.members:
                found += _structures(shape.members[name], item, f"{path}.{name}" if path else name)
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            found += _structures(shape.member, item, f"{path}[{index}]")
    return found


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


@st.composite
def defective(draw: Any, shape: Shape, body: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """`body` with one or two defects; returns it and the field paths that must be named
    (any of them for each defect)."""
    named: set[str] = set()
    for _ in range(draw(st.integers(1, 2))):
        kind = draw(st.sampled_from(["value", "value", "drop", "extra", "union"]))
        structures = _structures(shape, body)
        if kind == "drop":
            droppable = [(p, s, v) for p, s, v in structures if set(s.required_members) & set(v)]
            if droppable:
                path, struct, value = draw(st.sampled_from(droppable))
                name = draw(st.sampled_from(sorted(set(struct.required_members) & set(value))))
                del value[name]
                named.add(_join(path, name))
                continue
        if kind == "union":
            unions = [
                (p, s, v) for p, s, v in structures if s.is_tagged_union and len(s.members) > 1
            ]
            if unions:
                path, struct, value = draw(st.sampled_from(unions))
                others = [n for n in struct.members if n not in value]
                name = draw(st.sampled_from(others))
                value[name] = draw(
                    valid(struct.members[name], DEPTH_CAP) | invalid(struct.members[name])
                )
                named.add(path)
                continue
        if kind == "extra" or (kind in ("drop", "union")):
            path, struct, value = draw(st.sampled_from(structures))
            name = draw(
                st.text(string.ascii_letters, min_size=1, max_size=12).filter(
                    lambda n, s=struct: n not in s.members
                )
            )
            value[name] = draw(
                st.integers() | st.text(string.printable, max_size=4) | st.booleans()
            )
            named.add(_join(path, name))
            continue
        nodes = _nodes(shape, body)
        if not nodes:  # an empty body: defects need a member to sit in
            name = draw(st.sampled_from(sorted(shape.members) or ["Unknown"]))
            body[name] = draw(invalid(shape.members[name])) if name in shape.members else 1
            named.add(name)
            continue
        path, member, container, key = draw(st.sampled_from(nodes))
        container[key] = draw(invalid(member))
        named.add(path)
    return body, named


# --- the test ----------------------------------------------------------------------


def served(service: str = SELLING) -> list[str]:
    return sorted(registry.supported(service))


@pytest.fixture
def caller(db: None) -> tuple[ApiCredentials, dict[str, list[str]]]:
    """Keys of a company with real records, and the identifiers to draw from."""
    creds = make_credentials()
    company = creds.company
    assert company is not None
    opportunity = services.create_opportunity(iam_actor(company), "AWS", complete())
    sandbox = services.create_opportunity(iam_actor(company), "Sandbox", complete())
    invitation = share(company)
    lead = share(company, "LeadInvitation")
    solution = make_solution(company)
    account = creds.user.account.account_id
    customer = create_customer_account(iam_actor(company), "AWS", {"Account": {"CompanyName": "C"}})
    customer_job = BulkJob.objects.create(
        company=company, catalog="AWS", kind=KIND, source="https://x.example/a.csv",
        status=BulkJob.Status.DONE,
    )  # fmt: skip
    engagement = invitation.engagement.public_id
    prospects = start_prospecting(iam_actor(company), "AWS", [engagement], "fuzz")
    group = EngagementGroup.objects.create(catalog="AWS", name="G", readiness_level="SalesReady")
    return creds, {
        "customer_account": [
            customer.public_id,
            customer_account_arn("AWS", customer.public_id, account),
            customer_job.public_id,
            resource_arn(BULK_JOB, "AWS", customer_job.public_id, account),
        ],
        "opportunity": [opportunity.public_id, sandbox.public_id],
        "arn": [opportunity_arn("AWS", opportunity.public_id, account)],
        "invitation": [invitation.public_id, lead.public_id],
        "engagement": [invitation.engagement.public_id],
        "prospecting": [prospects.public_id],
        "group": [group.public_id],
        "solution": [solution.public_id],
        "bulk": api_bulk_ids(creds),
    }


def _fits(shape: Shape | None, value: str) -> bool:
    """Whether the model lets `value` stand for a string member of `shape`."""
    if shape is None or shape.type_name != "string":
        return False
    regex = patterns.compiled(shape.metadata.get("pattern", "")) or re.compile(".*")
    low, high = shape.metadata.get("min", 0), shape.metadata.get("max", 10**6)
    return low <= len(value) <= high and regex.fullmatch(value) is not None


def request_strategy(
    operation: str, ids: dict[str, list[str]], service: str = SELLING
) -> st.SearchStrategy[Any]:
    """Valid and defective bodies for `operation` of `service` (any protocol: `call`
    encodes them), identifiers drawn from `ids` where they fit."""
    model = loader.operation_model(service, operation)
    assert model is not None
    shape = model.input_shape
    real = [i for group in ids.values() for i in group]
    base = valid(shape)

    @st.composite
    def draw_request(draw: Any) -> tuple[dict[str, Any], set[str]]:
        body = draw(base)
        catalog = draw(st.sampled_from([*CATALOGS, *CATALOGS, *CATALOGS, None]))
        if "Catalog" in shape.members and catalog is not None:  # mostly one the policy allows
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
    shown = json.dumps(body, default=str)[:600]
    assert answer.status != 500, (answer.body, shown)
    assert answer.code != "InternalServerException", (answer.body, shown)
    assert answer.status < 500, (answer.status, answer.body, shown)
    if answer.status == 200:
        assert not named, f"a defective body was accepted: {named} {shown}"
        return
    assert answer.code, answer.body  # every error carries __type
    if answer.code == "ValidationException":
        assert answer.body.get("Reason"), answer.body
        for item in field_errors(answer):
            assert item.get("Message") and item.get("Code"), answer.body
    if not named:
        return
    assert answer.status == 400 and answer.code == "ValidationException", (answer.body, shown)
    assert answer.body["Reason"] in FIELD_REASONS, answer.body
    fields = {item.get("FieldName") or item.get("Name", "") for item in field_errors(answer)}
    for path in named:
        assert any(_related(path, field) for field in fields), (path, answer.body, shown)


# How each model says "a field is invalid": selling and account, marketing, benefits.
FIELD_REASONS = ("REQUEST_VALIDATION_FAILED", "FIELD_VALIDATION_FAILED", "fieldValidationFailed")


def field_errors(answer: Answer) -> list[dict[str, Any]]:
    """A ValidationException's field errors: `ErrorList` [{FieldName, ...}] or, in the
    Smithy-shaped models (benefits, marketing), `FieldList` [{Name, ...}]."""
    return list(answer.body.get("ErrorList") or answer.body.get("FieldList") or [])


def _related(path: str, field: str) -> bool:
    """The same field, or one inside the other (a defect in `A` may be reported at
    `A.b`, a defect at `A.b` replaced by a later one at `A`)."""
    if not field:
        return False
    inner = (path, field) if len(path) >= len(field) else (field, path)
    return inner[0] == inner[1] or inner[0].startswith((inner[1] + ".", inner[1] + "["))


def test_every_served_operation_is_fuzzed() -> None:
    """The parametrization below reads the registry: nothing served is left out."""
    assert served(), "the registry serves nothing"


@pytest.mark.parametrize("operation", served())
def test_no_input_makes_it_fail(operation: str, caller: Any) -> None:
    creds, ids = caller
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
        check_answer(call(client, creds, operation, body), body, named)

    check()


@pytest.mark.parametrize("member", ["AfterTargetCloseDate", "BeforeTargetCloseDate"])
def test_an_impossible_target_close_date_is_named_by_its_path(member: str, caller: Any) -> None:
    creds, _ids = caller
    body = {"Catalog": "AWS", "TargetCloseDate": {member: "2023-02-30"}}
    answer = call(Client(), creds, "ListOpportunities", body)
    assert (answer.status, answer.code) == (400, "ValidationException"), answer.body
    fields = [item.get("FieldName") for item in answer.body["ErrorList"]]
    assert fields == [f"TargetCloseDate.{member}"], answer.body

"""Condition operators: each positive and negative, missing keys, IfExists, set prefixes."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest

from allyport.cloud.policy import Request, evaluate, parse_policy

KEY = "test:Key"


def holds(condition: dict, context: dict | None = None) -> bool:
    """Does an Allow-everything statement with this Condition apply?"""
    policy = parse_policy(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": condition}
            ],
        }
    )
    return evaluate(Request("s3:GetObject", "*", context or {}), [("p", policy)]).allowed


def check(operator: str, policy_value: object, request_value: object) -> bool:
    return holds({operator: {KEY: policy_value}}, {KEY: request_value})


JAN1 = "2025-01-01T00:00:00Z"
JAN1_EPOCH = 1735689600
B64 = base64.b64encode(b"BinaryValue").decode()

# (operator, policy value, request value, expected)
CASES = [
    ("StringEquals", "alice", "alice", True),
    ("StringEquals", "alice", "Alice", False),
    ("StringEquals", ["bob", "alice"], "alice", True),
    ("StringEquals", "10", 10, True),
    ("StringEquals", "true", True, True),
    ("StringEquals", True, "true", True),
    ("StringEquals", "a*", "abc", False),
    ("StringNotEquals", "alice", "bob", True),
    ("StringNotEquals", "alice", "alice", False),
    ("StringNotEquals", ["a", "b"], "a", False),
    ("StringNotEquals", ["a", "b"], "c", True),
    ("StringEqualsIgnoreCase", "Alice", "aLICE", True),
    ("StringEqualsIgnoreCase", "Alice", "bob", False),
    ("StringNotEqualsIgnoreCase", "Alice", "alice", False),
    ("StringNotEqualsIgnoreCase", "Alice", "bob", True),
    ("StringLike", "ali*", "alice", True),
    ("StringLike", "a?ice", "alice", True),
    ("StringLike", "a?ice", "aice", False),
    ("StringLike", "ALI*", "alice", False),
    ("StringLike", ["x*", "*ce"], "alice", True),
    ("StringLike", "*", "", True),
    ("StringLike", "a.c", "abc", False),
    ("StringLike", "home/*/docs", "home/alice/x/docs", True),
    ("StringNotLike", "ali*", "alice", False),
    ("StringNotLike", "ali*", "bob", True),
    ("StringNotLike", ["b*", "c*"], "bob", False),
    ("NumericEquals", "10", 10, True),
    ("NumericEquals", 10, "10.0", True),
    ("NumericEquals", "10", 11, False),
    ("NumericEquals", "10", "abc", False),
    ("NumericNotEquals", "10", 11, True),
    ("NumericNotEquals", "10", 10, False),
    ("NumericNotEquals", "10", "abc", False),  # not a number: neither equal nor unequal
    ("NumericLessThan", "10", 9, True),
    ("NumericLessThan", "10", 10, False),
    ("NumericLessThan", ["5", "10"], 7, True),
    ("NumericLessThanEquals", "10", 10, True),
    ("NumericLessThanEquals", "10", 10.5, False),
    ("NumericGreaterThan", "10", 11, True),
    ("NumericGreaterThan", "10", 10, False),
    ("NumericGreaterThanEquals", "10", 10, True),
    ("NumericGreaterThanEquals", "-1.5e1", -16, False),
    ("DateEquals", JAN1, "2025-01-01T00:00:00+00:00", True),
    ("DateEquals", JAN1, JAN1_EPOCH, True),
    ("DateEquals", JAN1, str(JAN1_EPOCH), True),
    ("DateEquals", JAN1, "2025-01-01T01:00:00+01:00", True),
    ("DateEquals", JAN1, "2025-01-02T00:00:00Z", False),
    ("DateEquals", JAN1, "soon", False),
    ("DateNotEquals", JAN1, "2025-01-02T00:00:00Z", True),
    ("DateNotEquals", JAN1, JAN1, False),
    ("DateLessThan", JAN1, "2024-12-31T23:59:59Z", True),
    ("DateLessThan", JAN1, JAN1, False),
    ("DateLessThan", str(JAN1_EPOCH), "2024-06-01", True),
    ("DateLessThan", JAN1, datetime(2024, 5, 1, tzinfo=UTC), True),
    ("DateLessThanEquals", JAN1, JAN1, True),
    ("DateLessThanEquals", JAN1, "2025-01-01T00:00:01Z", False),
    ("DateGreaterThan", JAN1, "2025-01-01T00:00:01Z", True),
    ("DateGreaterThan", JAN1, datetime(2024, 5, 1), False),
    ("DateGreaterThanEquals", JAN1, JAN1_EPOCH, True),
    ("DateGreaterThanEquals", "2025-01-01", "2024-12-31T23:00:00Z", False),
    ("Bool", "true", True, True),
    ("Bool", "true", "true", True),
    ("Bool", True, "TRUE", True),
    ("Bool", "true", False, False),
    ("Bool", "false", "false", True),
    ("Bool", "false", "yes", False),
    ("BinaryEquals", B64, B64, True),
    ("BinaryEquals", B64, b"BinaryValue", True),
    ("BinaryEquals", B64, base64.b64encode(b"other").decode(), False),
    ("BinaryEquals", B64, "!!!", False),
    ("IpAddress", "203.0.113.0/24", "203.0.113.9", True),
    ("IpAddress", "203.0.113.0/24", "198.51.100.1", False),
    ("IpAddress", "203.0.113.9", "203.0.113.9", True),  # a bare address is a /32
    ("IpAddress", "203.0.113.9", "203.0.113.10", False),
    ("IpAddress", "2001:db8::/32", "2001:db8:1::7", True),
    ("IpAddress", "2001:db8::/32", "203.0.113.9", False),
    ("IpAddress", ["10.0.0.0/8", "2001:db8::/32"], "2001:db8::1", True),
    ("IpAddress", "203.0.113.0/24", "not-an-ip", False),
    ("NotIpAddress", "203.0.113.0/24", "198.51.100.1", True),
    ("NotIpAddress", "203.0.113.0/24", "203.0.113.9", False),
    ("NotIpAddress", "203.0.113.0/24", "not-an-ip", False),
    ("ArnLike", "arn:aws:iam::*:policy/AWSPartnerCentral*", "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess", True),  # noqa: E501
    ("ArnLike", "arn:aws:iam::*:policy/AWSPartnerCentral*", "arn:aws:iam::aws:policy/AdministratorAccess", False),  # noqa: E501
    ("ArnLike", "arn:aws:iam::*:policy/x", "arn:aws:iam::1:2:policy/x", False),
    ("ArnLike", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a:b/c", True),
    ("ArnLike", "*", "anything", True),
    ("ArnLike", "arn:aws:iam::*:role/R", "arn:aws:iam::123:role/r", False),
    ("ArnEquals", "arn:aws:iam::*:role/R*", "arn:aws:iam::123:role/Reader", True),
    ("ArnEquals", "arn:aws:iam::123:role/R", "arn:aws:iam::123:role/R", True),
    ("ArnEquals", "arn:aws:iam::123:role/R", "arn:aws:iam::124:role/R", False),
    ("ArnNotEquals", "arn:aws:iam::123:role/R", "arn:aws:iam::124:role/R", True),
    ("ArnNotEquals", "arn:aws:iam::*:role/R", "arn:aws:iam::124:role/R", False),
    ("ArnNotLike", "arn:aws:iam::*:policy/Admin*", "arn:aws:iam::aws:policy/ReadOnly", True),
    ("ArnNotLike", "arn:aws:iam::*:policy/Admin*", "arn:aws:iam::aws:policy/AdminAccess", False),
]  # fmt: skip


@pytest.mark.parametrize(("operator", "policy_value", "request_value", "expected"), CASES)
def test_it_compares_values_per_operator(
    operator: str, policy_value: object, request_value: object, expected: bool
) -> None:
    assert check(operator, policy_value, request_value) is expected


@pytest.mark.parametrize(("operator", "policy_value", "request_value", "expected"), CASES)
def test_it_checks_if_exists_operators_like_the_plain_ones_when_the_key_is_present(
    operator: str, policy_value: object, request_value: object, expected: bool
) -> None:
    assert check(operator + "IfExists", policy_value, request_value) is expected


# One valid policy value per operator, and whether it is a negated operator.
OPERATORS = {
    "StringEquals": ("a", False),
    "StringNotEquals": ("a", True),
    "StringEqualsIgnoreCase": ("a", False),
    "StringNotEqualsIgnoreCase": ("a", True),
    "StringLike": ("a*", False),
    "StringNotLike": ("a*", True),
    "NumericEquals": ("1", False),
    "NumericNotEquals": ("1", True),
    "NumericLessThan": ("1", False),
    "NumericLessThanEquals": ("1", False),
    "NumericGreaterThan": ("1", False),
    "NumericGreaterThanEquals": ("1", False),
    "DateEquals": (JAN1, False),
    "DateNotEquals": (JAN1, True),
    "DateLessThan": (JAN1, False),
    "DateLessThanEquals": (JAN1, False),
    "DateGreaterThan": (JAN1, False),
    "DateGreaterThanEquals": (JAN1, False),
    "Bool": ("true", False),
    "BinaryEquals": (B64, False),
    "IpAddress": ("10.0.0.0/8", False),
    "NotIpAddress": ("10.0.0.0/8", True),
    "ArnEquals": ("arn:aws:iam::*:role/a", False),
    "ArnNotEquals": ("arn:aws:iam::*:role/a", True),
    "ArnLike": ("arn:aws:iam::*:role/a", False),
    "ArnNotLike": ("arn:aws:iam::*:role/a", True),
}


@pytest.mark.parametrize("operator", sorted(OPERATORS))
def test_it_treats_a_missing_key_as_false_except_for_negated_operators(operator: str) -> None:
    value, negated = OPERATORS[operator]
    assert holds({operator: {KEY: value}}, {"other:key": value}) is negated


@pytest.mark.parametrize("operator", sorted(OPERATORS))
def test_it_treats_a_missing_key_as_true_with_if_exists(operator: str) -> None:
    value, _ = OPERATORS[operator]
    assert holds({operator + "IfExists": {KEY: value}}) is True


@pytest.mark.parametrize("operator", sorted(OPERATORS))
def test_it_treats_an_empty_list_like_a_missing_key(operator: str) -> None:
    value, negated = OPERATORS[operator]
    assert holds({operator: {KEY: value}}, {KEY: []}) is negated


@pytest.mark.parametrize(
    ("value", "context", "expected"),
    [
        ("true", {}, True),
        ("true", {KEY: "x"}, False),
        ("true", {KEY: None}, True),
        ("true", {KEY: []}, True),
        ("false", {KEY: "x"}, True),
        ("false", {}, False),
        (False, {KEY: 0}, True),
        (["true", "false"], {}, True),
    ],
)
def test_it_tests_presence_with_null(value: object, context: dict, expected: bool) -> None:
    assert holds({"Null": {KEY: value}}, context) is expected


@pytest.mark.parametrize(
    ("request_values", "expected"),
    [(["a"], True), (["a", "b"], True), (["a", "c"], False), ([], True), (None, True), ("b", True)],
)
def test_it_requires_every_request_value_to_match_with_for_all_values(
    request_values: object, expected: bool
) -> None:
    context = {} if request_values is None else {KEY: request_values}
    assert holds({"ForAllValues:StringEquals": {KEY: ["a", "b"]}}, context) is expected


@pytest.mark.parametrize(
    ("request_values", "expected"),
    [(["a", "c"], True), (["c"], False), (["c", "b"], True), ([], False), (None, False)],
)
def test_it_requires_one_request_value_to_match_with_for_any_value(
    request_values: object, expected: bool
) -> None:
    context = {} if request_values is None else {KEY: request_values}
    assert holds({"ForAnyValue:StringEquals": {KEY: ["a", "b"]}}, context) is expected


@pytest.mark.parametrize(
    ("operator", "policy_values", "request_values", "expected"),
    [
        ("ForAnyValue:StringNotEquals", ["a"], ["a", "b"], True),
        ("ForAnyValue:StringNotEquals", ["a"], ["a"], False),
        ("ForAllValues:StringNotEquals", ["a"], ["b", "c"], True),
        ("ForAllValues:StringNotEquals", ["a"], ["b", "a"], False),
        ("ForAllValues:StringNotEquals", ["a"], [], True),
        ("ForAllValues:StringLike", ["team-*"], ["team-a", "team-b"], True),
        ("ForAllValues:StringLike", ["team-*"], ["team-a", "ops"], False),
        ("ForAnyValue:StringEqualsIgnoreCase", ["Red"], ["BLUE", "red"], True),
        ("ForAnyValue:NumericLessThan", ["5"], [9, 3], True),
        ("ForAllValues:NumericLessThan", ["5"], [9, 3], False),
        ("ForAllValues:ArnLike", ["arn:aws:iam::*:role/*"], ["arn:aws:iam::1:role/a"], True),
        ("ForAnyValue:IpAddress", ["10.0.0.0/8"], ["192.0.2.1", "10.9.9.9"], True),
        ("ForAllValues:StringEqualsIfExists", ["a"], None, True),
        ("ForAnyValue:StringEqualsIfExists", ["a"], None, True),
        ("ForAnyValue:StringEqualsIfExists", ["a"], ["b"], False),
    ],
)
def test_it_applies_set_prefixes_to_any_operator(
    operator: str, policy_values: list, request_values: object, expected: bool
) -> None:
    context = {} if request_values is None else {KEY: request_values}
    assert holds({operator: {KEY: policy_values}}, context) is expected


def test_it_matches_a_multi_valued_key_without_prefix_when_any_value_matches() -> None:
    assert check("StringEquals", "a", ["b", "a"]) is True
    assert check("StringEquals", "a", ["b", "c"]) is False
    # …and a negated operator then requires that no value matches.
    assert check("StringNotEquals", "a", ["b", "a"]) is False
    assert check("StringNotEquals", "a", ["b", "c"]) is True


def test_it_ands_operators() -> None:
    condition = {"StringEquals": {"k:a": "1"}, "NumericLessThan": {"k:b": "5"}}
    assert holds(condition, {"k:a": "1", "k:b": 4}) is True
    assert holds(condition, {"k:a": "1", "k:b": 6}) is False
    assert holds(condition, {"k:a": "2", "k:b": 4}) is False


def test_it_ands_keys_under_one_operator() -> None:
    condition = {"StringEquals": {"k:a": "1", "k:b": "2"}}
    assert holds(condition, {"k:a": "1", "k:b": "2"}) is True
    assert holds(condition, {"k:a": "1", "k:b": "1"}) is False
    assert holds(condition, {"k:a": "1"}) is False


def test_it_ors_values_within_a_key() -> None:
    condition = {"StringEquals": {"k:a": ["1", "2", "3"]}}
    assert [holds(condition, {"k:a": v}) for v in "1234"] == [True, True, True, False]


def test_it_reads_condition_keys_without_regard_to_case() -> None:
    assert holds({"StringEquals": {"AWS:UserName": "alice"}}, {"aws:username": "alice"})
    assert holds({"StringEquals": {"aws:username": "alice"}}, {"AWS:USERNAME": "alice"})
    assert holds({"Null": {"AWS:UserName": "false"}}, {"aws:username": "alice"})


def test_it_denies_with_a_negated_if_exists_operator_even_without_the_key() -> None:
    deny = {
        "Effect": "Deny",
        "Action": "*",
        "Resource": "*",
        "Condition": {"StringNotEqualsIfExists": {"aws:RequestedRegion": "eu-west-1"}},
    }
    allow = {"Effect": "Allow", "Action": "*", "Resource": "*"}
    policy = parse_policy({"Version": "2012-10-17", "Statement": [allow, deny]})
    assert evaluate(Request("s3:GetObject"), [("p", policy)]).decision == "explicitDeny"
    near = Request("s3:GetObject", context={"aws:RequestedRegion": "eu-west-1"})
    assert evaluate(near, [("p", policy)]).decision == "allowed"

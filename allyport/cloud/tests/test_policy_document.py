"""parse_policy: accepted shapes and every validation error, reported all at once."""

from __future__ import annotations

import json

import pytest

from allyport.cloud.policy import Policy, PolicyDocumentError, parse_policy

ALLOW = {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}


def doc(*statements: dict, version: str = "2012-10-17") -> dict:
    return {"Version": version, "Statement": list(statements)}


def stmt(**changes: object) -> dict:
    """ALLOW with elements replaced; a value of None removes the element."""
    out = {**ALLOW, **changes}
    return {key: value for key, value in out.items() if value is not None}


def errors_of(source: object, kind: str = "identity") -> list[str]:
    with pytest.raises(PolicyDocumentError) as caught:
        parse_policy(source, kind=kind)  # type: ignore[arg-type]
    return caught.value.errors


def only_error(source: object, kind: str = "identity") -> str:
    errors = errors_of(source, kind)
    assert len(errors) == 1, errors
    return errors[0]


# --- accepted shapes -------------------------------------------------------------------


def test_it_parses_json_text_bytes_and_objects() -> None:
    text = json.dumps(doc(ALLOW))
    for source in (
        text,
        text.encode(),
        "\ufeff" + text,
        b"\xef\xbb\xbf" + text.encode(),
        doc(ALLOW),
    ):
        policy = parse_policy(source)
        assert isinstance(policy, Policy)
        assert policy.version == "2012-10-17" and policy.kind == "identity"
        assert len(policy.statements) == 1


def test_it_accepts_a_single_statement_object_and_an_id() -> None:
    policy = parse_policy({"Version": "2012-10-17", "Id": "p1", "Statement": stmt(Sid="One")})
    assert policy.id == "p1"
    assert [(s.index, s.sid, s.effect) for s in policy.statements] == [(1, "One", "Allow")]


def test_it_accepts_both_versions() -> None:
    assert parse_policy(doc(ALLOW, version="2008-10-17")).version == "2008-10-17"


def test_it_keeps_the_document() -> None:
    source = doc(stmt(Sid="A"), stmt(Sid="B", Effect="Deny"))
    assert parse_policy(json.dumps(source)).document == source


def test_it_accepts_a_trust_policy_without_resource() -> None:
    trust = {"Effect": "Allow", "Principal": {"Service": "x.amazonaws.com"}, "Action": "sts:*"}
    assert parse_policy(doc(trust), kind="trust").kind == "trust"


@pytest.mark.parametrize(
    "action", ["*", "iam:*", "s3:Get*", "ec2:Describe?nstances", "IAM:createrole", "a-b:C_d.e"]
)
def test_it_accepts_service_action_shapes(action: str) -> None:
    parse_policy(doc(stmt(Action=action)))


@pytest.mark.parametrize(
    "resource",
    ["*", "arn:aws:s3:::bucket", "arn:aws:iam::*:role/x:y", "arn:aws:logs:*:*:log-group:*"],
)
def test_it_accepts_resource_arns(resource: str) -> None:
    parse_policy(doc(stmt(Resource=[resource])))


def test_it_rejects_an_unknown_kind_as_a_programming_error() -> None:
    with pytest.raises(ValueError, match="kind must be one of"):
        parse_policy(doc(ALLOW), kind="resource")


# --- document-level errors -------------------------------------------------------------


def test_it_reports_bad_json_with_line_and_column() -> None:
    error = only_error(
        '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect" "Allow"}\n]}'
    )
    assert error == ("The policy is not valid JSON: Expecting ':' delimiter at line 4, column 15.")


def test_it_reports_bytes_that_are_not_utf8() -> None:
    assert "not UTF-8" in only_error(b'{"Version": "\xff"}')


@pytest.mark.parametrize(
    ("source", "kind"), [("[]", "a list"), ('"x"', "a string"), ("3", "a number"), ("null", "null")]
)
def test_it_requires_a_json_object(source: str, kind: str) -> None:
    assert only_error(source) == f"The policy must be a JSON object ({{…}}), not {kind}."


def test_it_rejects_a_source_that_is_not_text_or_an_object() -> None:
    assert "not null" in only_error(None)


def test_it_requires_a_version() -> None:
    error = only_error({"Statement": [ALLOW]})
    assert error == 'The policy has no "Version"; add "Version": "2012-10-17".'


@pytest.mark.parametrize("version", ["2012-10-18", "2024-01-01", 2012, ""])
def test_it_rejects_unknown_versions(version: object) -> None:
    error = only_error({"Version": version, "Statement": [ALLOW]})
    assert error.startswith(f'"Version" is {json.dumps(version)}; it must be "2012-10-17"')


def test_it_requires_a_statement() -> None:
    error = only_error({"Version": "2012-10-17"})
    assert error == 'The policy has no "Statement"; add a list of statements.'


def test_it_rejects_an_empty_statement_list() -> None:
    assert "empty list" in only_error(doc())


def test_it_rejects_a_statement_element_of_the_wrong_type() -> None:
    error = only_error({"Version": "2012-10-17", "Statement": "Allow everything"})
    assert error == '"Statement" must be an object or a list of objects, not a string.'


def test_it_rejects_statements_that_are_not_objects() -> None:
    assert only_error(doc(ALLOW, ["x"])) == "Statement 2 must be a JSON object, not a list."


def test_it_rejects_unknown_top_level_elements() -> None:
    error = only_error({**doc(ALLOW), "Statements": []})
    assert error == (
        'Unknown top-level element "Statements" (did you mean "Statement"?); '
        "the allowed elements are Version, Id and Statement."
    )


def test_it_rejects_an_id_that_is_not_a_string() -> None:
    assert only_error({**doc(ALLOW), "Id": 7}) == '"Id" must be a string, not a number.'


def test_it_reports_keys_repeated_in_one_object() -> None:
    text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Effect": "Deny", ' \
        '"Action": "*", "Resource": "*"}]}'  # fmt: skip
    assert only_error(text).startswith('The key "Effect" appears more than once')


# --- statement-level errors ------------------------------------------------------------


def test_it_rejects_unknown_statement_elements() -> None:
    error = only_error(doc(stmt(Sid="S", Actions="s3:*")))
    assert error == (
        'Statement 1 ("S"): unknown element "Actions" (did you mean "Action"?); the allowed '
        "elements are Sid, Effect, Action, NotAction, Resource, NotResource and Condition."
    )


@pytest.mark.parametrize("element", ["Principal", "NotPrincipal"])
def test_it_rejects_principals_in_identity_policies(element: str) -> None:
    error = only_error(doc(stmt(**{element: "*"})))
    assert error == (
        f'Statement 1: "{element}" belongs in trust and resource policies, not in an identity '
        "policy; remove it."
    )


def test_it_requires_a_principal_in_trust_policies() -> None:
    error = only_error(doc({"Effect": "Allow", "Action": "sts:AssumeRole"}), kind="trust")
    assert error == 'Statement 1: has neither "Principal" nor "NotPrincipal"; add one of them.'


@pytest.mark.parametrize(
    ("principal", "fragment"),
    [
        ("someone", 'must be "*" or an object'),
        ({"Services": "x"}, 'unknown principal type "Services"'),
        ({"Service": []}, "is an empty list"),
        ({"Service": 5}, "must be a string or a list of non-empty strings"),
    ],
)
def test_it_rejects_malformed_principals(principal: object, fragment: str) -> None:
    trust = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    assert fragment in only_error(doc(trust), kind="trust")


def test_it_rejects_both_principal_and_not_principal() -> None:
    trust = {"Effect": "Deny", "Principal": "*", "NotPrincipal": "*", "Action": "sts:*"}
    assert "both" in only_error(doc(trust), kind="trust")


def test_it_rejects_both_action_and_not_action() -> None:
    error = only_error(doc(stmt(NotAction="iam:*")))
    assert error == 'Statement 1: has both "Action" and "NotAction"; keep only one.'


def test_it_requires_an_action() -> None:
    error = only_error(doc(stmt(Action=None)))
    assert error == 'Statement 1: has neither "Action" nor "NotAction"; add one of them.'


def test_it_rejects_both_resource_and_not_resource() -> None:
    error = only_error(doc(stmt(NotResource="arn:aws:s3:::b")))
    assert error == 'Statement 1: has both "Resource" and "NotResource"; keep only one.'


def test_it_requires_a_resource_in_identity_policies() -> None:
    error = only_error(doc(stmt(Resource=None)))
    assert error == 'Statement 1: has neither "Resource" nor "NotResource"; add one of them.'


@pytest.mark.parametrize("effect", ["allow", "Permit", "", 1])
def test_it_rejects_an_effect_other_than_allow_or_deny(effect: object) -> None:
    error = only_error(doc(stmt(Effect=effect)))
    assert error == f'Statement 1: "Effect" is {json.dumps(effect)}; it must be "Allow" or "Deny".'


def test_it_requires_an_effect() -> None:
    error = only_error(doc(stmt(Effect=None)))
    assert error == 'Statement 1: has no "Effect"; add "Effect": "Allow" or "Effect": "Deny".'


@pytest.mark.parametrize(
    "action",
    ["iam", "iam:", ":CreateRole", "iam CreateRole", "aws-marketplace>ListEntities", "s3:Get/x"],
)
def test_it_rejects_actions_not_shaped_service_action(action: str) -> None:
    error = only_error(doc(stmt(Sid="S", Action=["s3:GetObject", action])))
    assert error == (
        f'Statement 1 ("S"): Action "{action}" is not of the form "service:action" '
        '(for example "iam:CreateRole") or "*".'
    )


def test_it_checks_not_action_entries_too() -> None:
    assert 'NotAction "iam"' in only_error(doc(stmt(Action=None, NotAction="iam")))


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ([], '"Action" is an empty list'),
        (7, '"Action" must be a string or a list of non-empty strings; 7 is not.'),
        (["s3:GetObject", {"x": 1}], '{"x": 1} is not.'),
        ("", '"" is not.'),
    ],
)
def test_it_rejects_action_values_of_the_wrong_type(value: object, fragment: str) -> None:
    assert fragment in only_error(doc(stmt(Action=value)))


@pytest.mark.parametrize(
    "resource",
    ["bucket", "arn:aws:s3", "arn:aws:iam::123456789012", "ARN:aws:s3:::b", "s3:::b:c:d:e"],
)
def test_it_rejects_resources_that_are_not_arns(resource: str) -> None:
    error = only_error(doc(stmt(Resource=["*", resource])))
    assert error == (
        f'Statement 1: Resource "{resource}" is neither "*" nor an ARN of the form '
        "arn:partition:service:region:account:resource (six colon-separated parts)."
    )


def test_it_checks_not_resource_entries_too() -> None:
    assert 'NotResource "bucket"' in only_error(doc(stmt(Resource=None, NotResource="bucket")))


def test_it_rejects_a_sid_that_is_not_a_string() -> None:
    assert only_error(doc(stmt(Sid=3))) == 'Statement 1: "Sid" must be a string, not a number.'


def test_it_rejects_duplicate_sids() -> None:
    error = only_error(doc(stmt(Sid="Same"), stmt(Sid="Other"), stmt(Sid="Same")))
    assert error == (
        'Statement 3 ("Same"): the Sid "Same" is already used by statement 1; each Sid must '
        "be unique within the policy."
    )


# --- condition errors ------------------------------------------------------------------


def test_it_rejects_unknown_condition_operators_with_a_suggestion() -> None:
    condition = {"StringEqualz": {"iam:PolicyARN": "arn:aws:iam::aws:policy/X"}}
    error = only_error(doc(ALLOW, stmt(Sid="AttachPolicy", Condition=condition)))
    assert error == (
        'Statement 2 ("AttachPolicy"): unknown condition operator "StringEqualz" '
        '(did you mean "StringEquals"?).'
    )


@pytest.mark.parametrize(
    ("operator", "fragment"),
    [
        ("ForAnyValue:StringLikee", '(did you mean "ForAnyValue:StringLike"?)'),
        ("Whatever", 'unknown condition operator "Whatever".'),
        ("ForSomeValues:StringEquals", 'unknown condition operator "ForSomeValues:StringEquals"'),
        ("NullIfExists", "Null already tests whether the key exists"),
        ("ForAllValues:Null", "the Null operator takes no ForAllValues:/ForAnyValue: prefix"),
        ("stringequals", '(did you mean "StringEquals"?)'),
    ],
)
def test_it_explains_unusable_operators(operator: str, fragment: str) -> None:
    assert fragment in only_error(doc(stmt(Condition={operator: {"k": "true"}})))


@pytest.mark.parametrize(
    ("operator", "value", "fragment"),
    [
        ("NumericLessThan", "ten", 'has the value "ten", which is not a number.'),
        ("NumericEquals", "${aws:x}", "is not a number"),  # no variables in Numeric values
        ("NumericEquals", True, "is not a number"),
        ("DateGreaterThan", "yesterday", "is not a date; use ISO 8601"),
        ("DateEqualsIfExists", "2025-13-01", "is not a date"),
        ("IpAddress", "10.0.0.300/8", "is not an IP address or CIDR block"),
        ("NotIpAddress", "10.0.0.0/33", "is not an IP address or CIDR block"),
        ("Bool", "yes", 'has the value "yes", which is not a boolean; use true or false.'),
        ("BinaryEquals", "not base64!", "is not base64-encoded data"),
        ("Null", "maybe", "is not true or false"),
        ("StringEquals", {"a": 1}, "is not a string, number or boolean"),
        ("StringLike", None, "null, which is not a string"),
        ("ArnLike", 5, "5, which is not a string"),
        ("StringEquals", ["a", ["b"]], '["b"], which is not a string'),
    ],
)
def test_it_rejects_operator_values_of_the_wrong_type(
    operator: str, value: object, fragment: str
) -> None:
    error = only_error(doc(stmt(Sid="C", Condition={operator: {"my:key": value}})))
    assert error.startswith(f'Statement 1 ("C"): condition "{operator}" on "my:key" ')
    assert fragment in error


def test_it_rejects_a_condition_key_without_values() -> None:
    error = only_error(doc(stmt(Condition={"StringEquals": {"k": []}})))
    assert error == 'Statement 1: condition "StringEquals" on "k" has no values; give at least one.'


def test_it_rejects_an_empty_condition_key() -> None:
    error = only_error(doc(stmt(Condition={"StringEquals": {"": "x"}})))
    assert error == 'Statement 1: condition operator "StringEquals" has an empty condition key.'


@pytest.mark.parametrize("body", ["x", [], {}])
def test_it_rejects_an_operator_without_a_key_block(body: object) -> None:
    error = only_error(doc(stmt(Condition={"StringEquals": body})))
    assert 'condition operator "StringEquals" must map condition keys to values' in error


def test_it_rejects_a_condition_that_is_not_an_object() -> None:
    error = only_error(doc(stmt(Condition=["StringEquals"])))
    assert error.startswith('Statement 1: "Condition" must be an object such as')


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("${aws:username, guest}", "has a malformed default; write it as ${key, 'default value'}"),
        ("${}", "names no context key"),
    ],
)
def test_it_rejects_malformed_policy_variables(value: str, fragment: str) -> None:
    in_condition = only_error(doc(stmt(Condition={"StringEquals": {"k": value}})))
    assert fragment in in_condition
    in_resource = only_error(doc(stmt(Resource=f"arn:aws:s3:::home/{value}")))
    assert fragment in in_resource


def test_it_leaves_variables_unchecked_in_old_versions() -> None:
    parse_policy(doc(stmt(Condition={"StringEquals": {"k": "${}"}}), version="2008-10-17"))


# --- all at once -----------------------------------------------------------------------


def test_it_reports_every_problem_at_once() -> None:
    source = {
        "Version": "2012-10-18",
        "Extra": 1,
        "Statement": [
            {"Sid": "A", "Effect": "Alow", "Action": "iam>CreateRole", "Resource": "role"},
            {"Sid": "A", "Effect": "Allow", "Action": "*", "NotAction": "*", "Resource": "*"},
            {"Effect": "Deny", "Resource": "*", "Condition": {"NumericEquals": {"n": "x"}}},
            "oops",
        ],
    }
    errors = errors_of(source)
    assert len(errors) == 10, errors
    for fragment in [
        'Unknown top-level element "Extra"',
        '"Version" is "2012-10-18"',
        'Statement 1 ("A"): "Effect" is "Alow"',
        'Statement 1 ("A"): Action "iam>CreateRole"',
        'Statement 1 ("A"): Resource "role"',
        'Statement 2 ("A"): has both "Action" and "NotAction"',
        'Statement 2 ("A"): the Sid "A" is already used by statement 1',
        'Statement 3: has neither "Action" nor "NotAction"',
        'Statement 3: condition "NumericEquals" on "n" has the value "x"',
        "Statement 4 must be a JSON object",
    ]:
        assert any(fragment in error for error in errors), fragment


def test_it_raises_a_value_error_that_lists_the_problems() -> None:
    with pytest.raises(ValueError) as caught:
        parse_policy(doc(stmt(Effect="x"), stmt(Action=7)))
    error = caught.value
    assert isinstance(error, PolicyDocumentError) and len(error.errors) == 2
    assert str(error).startswith("Invalid policy document (2 problems):\n- Statement 1")

"""Policy variables in Resource and String/Arn condition values."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from allyport.cloud.policy import PolicyDocumentError, Request, Result, evaluate, parse_policy

HOME = "arn:aws:s3:::home"


def run(
    statement: dict, action: str, resource: str, context: dict, version: str = "2012-10-17"
) -> Result:
    statement = {"Effect": "Allow", "Action": "*", "Resource": "*", **statement}
    policy = parse_policy({"Version": version, "Statement": [statement]})
    return evaluate(Request(action, resource, context), [("p", policy)])


def resource_allowed(pattern: str, resource: str, context: dict, **kw: str) -> bool:
    return run({"Resource": pattern}, "s3:GetObject", resource, context, **kw).allowed


def condition_holds(condition: dict, context: dict) -> bool:
    return run({"Condition": condition}, "s3:GetObject", "*", context).allowed


def test_it_substitutes_the_user_name_in_a_resource() -> None:
    pattern = f"{HOME}/${{aws:username}}/*"
    assert resource_allowed(pattern, f"{HOME}/alice/notes.txt", {"aws:username": "alice"})
    assert not resource_allowed(pattern, f"{HOME}/bob/notes.txt", {"aws:username": "alice"})


@pytest.mark.parametrize(
    ("variable", "context"),
    [
        ("aws:userid", {"aws:userid": "AIDAEXAMPLE"}),
        ("aws:PrincipalTag/team", {"aws:PrincipalTag/team": "AIDAEXAMPLE"}),
        ("aws:SourceIp", {"aws:SourceIp": "AIDAEXAMPLE"}),
        ("aws:CurrentTime", {"aws:CurrentTime": "AIDAEXAMPLE"}),
        ("custom:anything", {"custom:anything": "AIDAEXAMPLE"}),
        ("AWS:USERID", {"aws:userid": "AIDAEXAMPLE"}),  # names are case-insensitive
    ],
)
def test_it_substitutes_any_context_key(variable: str, context: dict) -> None:
    pattern = f"{HOME}/${{{variable}}}/*"
    assert resource_allowed(pattern, f"{HOME}/AIDAEXAMPLE/x", context)
    assert not resource_allowed(pattern, f"{HOME}/OTHER/x", context)


def test_it_writes_datetimes_numbers_and_booleans_as_text() -> None:
    moment = datetime(2025, 1, 31, 12, 0, tzinfo=UTC)
    assert resource_allowed(f"{HOME}/${{t}}", f"{HOME}/2025-01-31T12:00:00Z", {"t": moment})
    assert resource_allowed(f"{HOME}/${{n}}", f"{HOME}/42", {"n": 42})
    assert resource_allowed(f"{HOME}/${{b}}", f"{HOME}/true", {"b": True})
    assert resource_allowed(f"{HOME}/${{l}}", f"{HOME}/one", {"l": ["one"]})


def test_it_does_not_substitute_a_multi_valued_key() -> None:
    assert not resource_allowed(f"{HOME}/${{l}}", f"{HOME}/a", {"l": ["a", "b"]})


def test_it_matches_substituted_text_literally() -> None:
    # A user named "a*" must not reach every home folder starting with "a".
    pattern = f"{HOME}/${{aws:username}}/*"
    assert not resource_allowed(pattern, f"{HOME}/abc/x", {"aws:username": "a*"})
    assert resource_allowed(pattern, f"{HOME}/a*/x", {"aws:username": "a*"})


@pytest.mark.parametrize(
    ("written", "matches", "does_not_match"),
    [("${*}", "*", "x"), ("${?}", "?", "x"), ("${$}", "$", "x")],
)
def test_it_reads_escapes_as_literal_characters(
    written: str, matches: str, does_not_match: str
) -> None:
    pattern = f"{HOME}/a{written}"
    assert resource_allowed(pattern, f"{HOME}/a{matches}", {})
    assert not resource_allowed(pattern, f"{HOME}/a{does_not_match}", {})
    assert condition_holds({"StringLike": {"k": f"a{written}"}}, {"k": f"a{matches}"})
    assert not condition_holds({"StringLike": {"k": f"a{written}"}}, {"k": f"a{does_not_match}"})


def test_it_uses_the_default_when_the_key_is_absent() -> None:
    pattern = f"{HOME}/${{aws:PrincipalTag/team, 'company-wide'}}/*"
    assert resource_allowed(pattern, f"{HOME}/company-wide/x", {})
    assert resource_allowed(pattern, f"{HOME}/red/x", {"aws:PrincipalTag/team": "red"})
    assert not resource_allowed(pattern, f"{HOME}/company-wide/x", {"aws:PrincipalTag/team": "red"})


def test_it_keeps_variables_literal_in_old_policy_versions() -> None:
    pattern = f"{HOME}/${{aws:username}}"
    context = {"aws:username": "alice"}
    assert not resource_allowed(pattern, f"{HOME}/alice", context, version="2008-10-17")
    assert resource_allowed(pattern, pattern, context, version="2008-10-17")
    condition = {"StringEquals": {"k": "${aws:username}"}}
    policy = parse_policy(
        {
            "Version": "2008-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": condition}
            ],
        }
    )
    literal = Request("s3:GetObject", context={"k": "${aws:username}", **context})
    assert evaluate(literal, [("p", policy)]).allowed


def test_it_substitutes_only_in_the_resource_part_of_an_arn() -> None:
    pattern = "arn:aws:iam::${aws:PrincipalAccount}:role/x"
    context = {"aws:PrincipalAccount": "123456789012"}
    assert not resource_allowed(pattern, "arn:aws:iam::123456789012:role/x", context)


def test_it_substitutes_in_string_and_arn_condition_values() -> None:
    context = {"aws:ResourceTag/team": "red", "aws:PrincipalTag/team": "red"}
    same_team = {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}
    assert condition_holds(same_team, context)
    assert not condition_holds(same_team, {**context, "aws:PrincipalTag/team": "blue"})
    prefix = {"StringLike": {"s3:prefix": "home/${aws:username}/*"}}
    assert condition_holds(prefix, {"s3:prefix": "home/alice/x", "aws:username": "alice"})
    own_role = {"ArnLike": {"iam:PassedRole": "arn:aws:iam::*:role/${aws:username}-*"}}
    assert condition_holds(
        own_role, {"iam:PassedRole": "arn:aws:iam::1:role/alice-ci", "aws:username": "alice"}
    )  # noqa: E501
    assert not condition_holds(
        own_role, {"iam:PassedRole": "arn:aws:iam::1:role/bob-ci", "aws:username": "alice"}
    )  # noqa: E501
    whole_arn = {"ArnEquals": {"iam:PassedRole": "${custom:RoleArn}"}}
    arn = "arn:aws:iam::1:role/a"
    assert condition_holds(whole_arn, {"iam:PassedRole": arn, "custom:RoleArn": arn})


def test_it_allows_no_variables_in_other_operators() -> None:
    condition = {"NumericLessThan": {"k": "${custom:limit}"}}
    with pytest.raises(PolicyDocumentError, match="is not a number"):
        parse_policy(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": condition}
                ],
            }
        )


def test_it_does_not_match_a_resource_entry_with_an_unresolvable_variable() -> None:
    entries = [f"{HOME}/${{aws:username}}/*", f"{HOME}/shared/*"]
    result = run({"Resource": entries}, "s3:GetObject", f"{HOME}/alice/x", {})
    assert result.decision == "implicitDeny"
    assert result.missing_context == ("aws:username",)
    assert run({"Resource": entries}, "s3:GetObject", f"{HOME}/shared/x", {}).allowed


def test_it_does_not_apply_not_resource_when_an_entry_cannot_be_resolved() -> None:
    statement = {"Effect": "Allow", "Action": "*", "NotResource": f"{HOME}/${{aws:username}}/*"}
    policy = parse_policy({"Version": "2012-10-17", "Statement": [statement]})
    other = Request("s3:GetObject", f"{HOME}/bob/x", {"aws:username": "alice"})
    assert evaluate(other, [("p", policy)]).allowed
    unknown = Request("s3:GetObject", f"{HOME}/bob/x")
    assert evaluate(unknown, [("p", policy)]).decision == "implicitDeny"


def test_it_does_not_match_a_condition_value_with_an_unresolvable_variable() -> None:
    assert not condition_holds({"StringEquals": {"k": "${aws:username}"}}, {"k": "alice"})
    both = {"StringEquals": {"k": ["${aws:username}", "admin"]}}
    assert condition_holds(both, {"k": "admin"})
    # An unresolvable value can't be shown to differ either: the negation fails closed.
    assert not condition_holds({"StringNotEquals": {"k": "${aws:username}"}}, {"k": "bob"})
    result = run({"Condition": both}, "s3:GetObject", "*", {"k": "x"})
    assert result.missing_context == ("aws:username",)

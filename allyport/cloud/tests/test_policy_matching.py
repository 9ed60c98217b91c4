"""Action and resource matching: wildcards, case, ARN segments, NotAction/NotResource."""

from __future__ import annotations

import pytest

from allyport.cloud.policy import Request, evaluate, parse_policy
from allyport.cloud.policy.matching import arn_regex, compile_regex, wildcard_regex


def allowed(statement: dict, action: str, resource: str = "*") -> bool:
    statement = {"Effect": "Allow", **statement}
    policy = parse_policy({"Version": "2012-10-17", "Statement": [statement]})
    return evaluate(Request(action, resource), [("p", policy)]).allowed


def action_allowed(pattern: str | list[str], action: str) -> bool:
    return allowed({"Action": pattern, "Resource": "*"}, action)


def resource_allowed(pattern: str | list[str], resource: str) -> bool:
    return allowed({"Action": "*", "Resource": pattern}, "s3:GetObject", resource)


@pytest.mark.parametrize(
    ("pattern", "action", "expected"),
    [
        ("iam:CreateRole", "iam:CreateRole", True),
        ("iam:CreateRole", "IAM:createrole", True),
        ("IAM:CREATEROLE", "iam:CreateRole", True),
        ("iam:CreateRole", "iam:CreateRoles", False),
        ("iam:CreateRole", "iam:Create", False),
        ("iam:*", "iam:DeleteRole", True),
        ("iam:*", "s3:GetObject", False),
        ("IAM:Create*", "iam:createrole", True),
        ("s3:Get*", "s3:PutObject", False),
        ("s3:*Object", "s3:GetObject", True),
        ("s3:Get?bject", "s3:GetObject", True),
        ("s3:Get?bject", "s3:GetObbject", False),
        ("s3:Get.bject", "s3:GetObject", False),  # "." is not a wildcard
        ("*", "anything:AtAll", True),
        ("*", "not even an action", True),
        ("*:Get*", "dynamodb:GetItem", True),
        (["s3:GetObject", "iam:*"], "iam:PassRole", True),
        (["s3:GetObject", "ec2:*"], "iam:PassRole", False),
    ],
)
def test_it_matches_actions_with_wildcards_and_without_case(
    pattern: str | list[str], action: str, expected: bool
) -> None:
    assert action_allowed(pattern, action) is expected


@pytest.mark.parametrize(
    ("pattern", "resource", "expected"),
    [
        ("*", "arn:aws:s3:::bucket/key", True),
        ("*", "*", True),
        ("*", "not-an-arn", True),
        ("arn:aws:s3:::bucket", "arn:aws:s3:::bucket", True),
        ("arn:aws:s3:::bucket", "arn:aws:s3:::Bucket", False),  # resources keep their case
        ("arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key", False),
        ("arn:aws:s3:::bucket", "*", False),  # "*" in a request is not a wildcard
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c.txt", True),
        ("arn:aws:s3:::*", "arn:aws:s3:::any/thing", True),
        ("arn:aws:s3:::bucket-?", "arn:aws:s3:::bucket-1", True),
        ("arn:aws:s3:::bucket-?", "arn:aws:s3:::bucket-12", False),
        ("arn:aws:iam::*:role/x", "arn:aws:iam::123456789012:role/x", True),
        ("arn:aws:iam::*:role/x", "arn:aws:iam::1:2:role/x", False),  # * stays in its segment
        ("arn:aws:iam::?:role/x", "arn:aws:iam::1:role/x", True),
        ("arn:aws:iam::???:role/x", "arn:aws:iam::1:2:role/x", False),
        ("arn:aws:*:*:*:*", "arn:aws:iam::123456789012:role/x", True),
        ("arn:aws:*:*:*:*", "arn:aws:s3", False),
        ("arn:*:iam::*:role/*", "arn:aws-cn:iam::123456789012:role/a/b", True),
        ("arn:aws:logs:*:*:log-group:*", "arn:aws:logs:r:1:log-group:/a:log-stream:s", True),
        ("arn:aws:logs:*:*:log-group:/app/*", "arn:aws:logs:eu-west-1:1:log-group:/app/x:s", True),
        ("arn:aws:logs:*:*:log-group:/app/*", "arn:aws:logs:eu-west-1:1:log-group:/other", False),
        ("arn:aws:s3:::a.b", "arn:aws:s3:::aXb", False),  # regex characters are literal
        ("arn:aws:s3:::a+(b)", "arn:aws:s3:::a+(b)", True),
        (["arn:aws:s3:::x", "arn:aws:s3:::y/*"], "arn:aws:s3:::y/z", True),
        (["arn:aws:s3:::x", "arn:aws:s3:::y/*"], "arn:aws:s3:::z", False),
    ],
)  # fmt: skip
def test_it_matches_resources_per_arn_segment(
    pattern: str | list[str], resource: str, expected: bool
) -> None:
    assert resource_allowed(pattern, resource) is expected


@pytest.mark.parametrize(
    ("excluded", "action", "expected"),
    [
        ("iam:*", "iam:CreateRole", False),
        ("iam:*", "s3:GetObject", True),
        (["iam:*", "s3:Put*"], "s3:PutObject", False),
        (["iam:*", "s3:Put*"], "s3:getobject", True),
        ("IAM:CreateRole", "iam:createrole", False),
        ("*", "s3:GetObject", False),
    ],
)
def test_it_allows_everything_but_not_action(
    excluded: str | list[str], action: str, expected: bool
) -> None:
    assert allowed({"NotAction": excluded, "Resource": "*"}, action) is expected


@pytest.mark.parametrize(
    ("excluded", "resource", "expected"),
    [
        ("arn:aws:s3:::secret/*", "arn:aws:s3:::secret/x", False),
        ("arn:aws:s3:::secret/*", "arn:aws:s3:::public/x", True),
        ("arn:aws:s3:::secret/*", "*", True),
        ("*", "arn:aws:s3:::public/x", False),
    ],
)
def test_it_allows_every_resource_but_not_resource(
    excluded: str, resource: str, expected: bool
) -> None:
    assert allowed({"Action": "*", "NotResource": excluded}, "s3:GetObject", resource) is expected


def test_it_denies_everything_outside_not_action_as_a_guardrail() -> None:
    policy = parse_policy(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "*", "Resource": "*"},
                {"Effect": "Deny", "NotAction": ["iam:Get*", "iam:List*"], "Resource": "*"},
            ],
        }
    )
    assert evaluate(Request("iam:GetRole"), [("p", policy)]).allowed
    assert evaluate(Request("iam:DeleteRole"), [("p", policy)]).decision == "explicitDeny"


def test_it_builds_regexes_segment_by_segment() -> None:
    assert arn_regex((("arn:aws:iam::*:role/*", True),)) == r"arn:aws:iam::[^:]*:role/.*"
    assert arn_regex((("*", True),)) == ".*"
    # Colons inside substituted text count: a whole ARN from a variable lines up.
    assert arn_regex((("arn:aws:iam::", True), ("1:role/a*", False))) == r"arn:aws:iam::1:role/a\*"
    assert wildcard_regex((("a*b?", True), ("*", False))) == r"a.*b.\*"
    assert compile_regex(".*").fullmatch("line\nbreak")

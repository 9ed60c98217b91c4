"""The decision: explicit Deny > Allow > implicit deny, what decided, what was missing;
and trust policies."""

from __future__ import annotations

import pytest

from allyport.cloud.policy import (
    MatchedStatement,
    Policy,
    Request,
    Result,
    evaluate,
    parse_policy,
    trust_allows_service,
)

BUCKET = "arn:aws:s3:::reports/q1.csv"


def policy(*statements: dict, kind: str = "identity") -> Policy:
    return parse_policy({"Version": "2012-10-17", "Statement": list(statements)}, kind=kind)


def allow(action: str | list[str] = "s3:GetObject", resource: str = "*", **extra: object) -> dict:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action: str | list[str] = "s3:GetObject", resource: str = "*", **extra: object) -> dict:
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


def test_it_denies_implicitly_without_policies() -> None:
    assert evaluate(Request("s3:GetObject"), []) == Result("implicitDeny", (), ())


def test_it_denies_implicitly_when_nothing_allows() -> None:
    result = evaluate(Request("s3:PutObject", BUCKET), [("p", policy(allow()))])
    assert result.decision == "implicitDeny" and not result.allowed and result.matched == ()


def test_it_allows_and_names_the_allowing_statement() -> None:
    result = evaluate(Request("s3:GetObject", BUCKET), [("Reader", policy(allow(Sid="Read")))])
    assert result.allowed and result.decision == "allowed"
    assert result.matched == (MatchedStatement("Reader", "Read", 1, "Allow"),)


def test_it_names_statements_without_sid_by_position() -> None:
    p = policy(allow("iam:*"), allow("s3:*"), allow("s3:Get*"))
    result = evaluate(Request("s3:GetObject"), [("p", p)])
    assert result.matched == (
        MatchedStatement("p", None, 2, "Allow"),
        MatchedStatement("p", None, 3, "Allow"),
    )


def test_it_lets_an_explicit_deny_beat_any_allow() -> None:
    admin = policy(allow("*", Sid="Admin"))
    guard = policy(allow("s3:*"), deny("s3:Get*", "arn:aws:s3:::reports/*", Sid="NoReports"))
    result = evaluate(Request("s3:GetObject", BUCKET), [("admin", admin), ("guard", guard)])
    assert result.decision == "explicitDeny" and not result.allowed
    assert result.matched == (MatchedStatement("guard", "NoReports", 2, "Deny"),)


def test_it_denies_explicitly_even_without_an_allow() -> None:
    result = evaluate(Request("s3:GetObject"), [("p", policy(deny()))])
    assert result.decision == "explicitDeny"


def test_it_ignores_a_deny_whose_condition_fails() -> None:
    p = policy(allow(), deny(Condition={"Bool": {"aws:SecureTransport": "false"}}))
    secure = Request("s3:GetObject", context={"aws:SecureTransport": True})
    assert evaluate(secure, [("p", p)]).allowed
    plain = Request("s3:GetObject", context={"aws:SecureTransport": False})
    assert evaluate(plain, [("p", p)]).decision == "explicitDeny"


def test_it_ignores_a_deny_for_another_resource() -> None:
    p = policy(allow(), deny(resource="arn:aws:s3:::secret/*"))
    assert evaluate(Request("s3:GetObject", BUCKET), [("p", p)]).allowed


def test_it_lists_every_statement_that_decided() -> None:
    p1 = policy(deny("s3:*", Sid="A"), deny("*", Sid="B"), allow())
    p2 = policy(deny("s3:GetObject", Sid="C"))
    result = evaluate(Request("s3:GetObject"), [("one", p1), ("two", p2)])
    assert [(m.policy, m.sid) for m in result.matched] == [("one", "A"), ("one", "B"), ("two", "C")]


def test_it_reports_condition_keys_missing_from_the_request() -> None:
    p = policy(
        allow(
            Condition={"StringEquals": {"aws:PrincipalTag/Team": "red"}, "Null": {"x:y": "true"}}
        ),
        allow("iam:*", Condition={"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}),
    )
    result = evaluate(Request("s3:GetObject"), [("p", p)])
    # Null's key is not "missing", and iam:PassedToService is for other actions.
    assert result.decision == "implicitDeny"
    assert result.missing_context == ("aws:PrincipalTag/Team",)


def test_it_reports_missing_keys_once_and_only_for_applicable_statements() -> None:
    cond = {"StringEqualsIfExists": {"aws:username": "a"}, "StringLike": {"AWS:UserName": "a*"}}
    p = policy(
        allow(Condition=cond),
        allow(resource="arn:aws:s3:::other", Condition={"StringEquals": {"k:other": "x"}}),
        allow(Condition={"StringEquals": {"k:present": "x"}}),
    )
    result = evaluate(Request("s3:GetObject", BUCKET, {"k:present": "x"}), [("p", p)])
    assert result.allowed and result.missing_context == ("aws:username",)


def test_it_reads_context_keys_without_regard_to_case() -> None:
    p = policy(allow(Condition={"StringEquals": {"aws:PrincipalTag/Team": "red"}}))
    request = Request("s3:GetObject", context={"AWS:PRINCIPALTAG/TEAM": "red"})
    result = evaluate(request, [("p", p)])
    assert result.allowed and result.missing_context == ()


def test_it_defaults_to_any_resource_and_an_empty_context() -> None:
    request = Request("s3:GetObject")
    assert request.resource == "*" and request.context == {}
    assert evaluate(request, [("p", policy(allow()))]).allowed


def test_it_reuses_a_policy_for_many_distinct_actions() -> None:
    p = policy(allow("svc:Even*"), deny("svc:Even9*"))
    for n in range(3000):  # past the per-policy cache of candidate statements
        action = f"svc:{'Even' if n % 2 == 0 else 'Odd'}{n}"
        expected = (
            "implicitDeny" if n % 2 else ("explicitDeny" if str(n).startswith("9") else "allowed")
        )  # noqa: E501
        assert evaluate(Request(action), [("p", p)]).decision == expected, action


# --- trust policies --------------------------------------------------------------------

SERVICE = "partnercentral-account-management.amazonaws.com"


def trust(*statements: dict) -> Policy:
    return policy(*statements, kind="trust")


def assume(principal: object, effect: str = "Allow", **extra: object) -> dict:
    return {"Effect": effect, "Principal": principal, "Action": "sts:AssumeRole", **extra}


def test_it_trusts_the_named_service() -> None:
    t = trust(assume({"Service": SERVICE}))
    assert trust_allows_service(t, SERVICE)
    assert trust_allows_service(t, SERVICE.upper(), "STS:assumerole")
    assert not trust_allows_service(t, "ec2.amazonaws.com")
    assert not trust_allows_service(t, SERVICE, "sts:TagSession")


@pytest.mark.parametrize(
    "principal",
    [{"Service": ["ec2.amazonaws.com", SERVICE]}, {"Service": "*"}, "*", {"AWS": "*"}],
)
def test_it_trusts_a_service_through_lists_and_wildcards(principal: object) -> None:
    assert trust_allows_service(trust(assume(principal)), SERVICE)


def test_it_does_not_trust_a_service_for_other_principal_types() -> None:
    t = trust(assume({"AWS": "arn:aws:iam::123456789012:root", "Federated": "cognito"}))
    assert not trust_allows_service(t, SERVICE)


def test_it_lets_a_deny_in_a_trust_policy_win() -> None:
    t = trust(assume("*"), assume({"Service": SERVICE}, "Deny"))
    assert not trust_allows_service(t, SERVICE)
    assert trust_allows_service(t, "ec2.amazonaws.com")


def test_it_reads_not_principal_in_a_trust_deny() -> None:
    t = trust(
        assume("*"),
        {"Effect": "Deny", "NotPrincipal": {"Service": SERVICE}, "Action": "sts:AssumeRole"},
    )
    assert trust_allows_service(t, SERVICE)
    assert not trust_allows_service(t, "ec2.amazonaws.com")


def test_it_matches_trust_actions_with_wildcards() -> None:
    t = trust({"Effect": "Allow", "Principal": {"Service": SERVICE}, "Action": ["sts:*"]})
    assert trust_allows_service(t, SERVICE, "sts:TagSession")


def test_it_checks_trust_conditions_against_the_given_context() -> None:
    account = {"StringEquals": {"aws:SourceAccount": "123456789012"}}
    t = trust(assume({"Service": SERVICE}, Condition=account))
    assert not trust_allows_service(t, SERVICE)
    assert trust_allows_service(t, SERVICE, context={"aws:SourceAccount": "123456789012"})


def test_it_finds_no_trust_in_an_identity_policy() -> None:
    assert not trust_allows_service(policy(allow("*")), SERVICE)

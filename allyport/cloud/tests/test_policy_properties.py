"""Laws of the evaluator, checked with hypothesis on generated policies and requests."""

from __future__ import annotations

import fnmatch
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from allyport.cloud.policy import Request, Result, evaluate, parse_policy

LAWS = settings(max_examples=150, deadline=None)
# Laws over whole generated policy sets parse several documents per example.
SET_LAWS = settings(max_examples=100, deadline=None)

SERVICES = ["iam", "s3", "ec2"]
VERBS = ["CreateRole", "GetObject", "PutObject", "DescribeInstances", "PassRole"]
ACCOUNTS = ["111122223333", "444455556666"]
PARTS = ["role/a", "role/b", "bucket/x/y.txt", "table/t:1", "a"]
TEAMS = ["red", "blue", "green"]

actions = st.builds(lambda s, v: f"{s}:{v}", st.sampled_from(SERVICES), st.sampled_from(VERBS))
arns = st.builds(
    lambda s, a, p: f"arn:aws:{s}::{a}:{p}",
    st.sampled_from(SERVICES),
    st.sampled_from(ACCOUNTS),
    st.sampled_from(PARTS),
)


@st.composite
def wildcarded(draw: st.DrawFn, base: st.SearchStrategy[str], colons: int) -> str:
    """A pattern derived from a real value: cut and starred, a `?` put in, or recased.
    Wildcards only go after the first `colons` colons, which keeps the pattern valid
    (`service:` for actions, `arn:partition:service:region:account:` for ARNs)."""
    text = draw(base)
    how = draw(st.sampled_from(["same", "star", "qmark", "case"]))
    kept = len(":".join(text.split(":")[:colons])) + 1
    cut = draw(st.integers(kept, len(text)))
    if how == "star":
        return text[:cut] + "*"
    if how == "qmark" and cut < len(text) and text[cut] != ":":
        return text[:cut] + "?" + text[cut + 1 :]
    if how == "case":
        return text[:kept] + text[kept:].swapcase()
    return text


action_patterns = st.one_of(st.just("*"), wildcarded(actions, 1))
resource_patterns = st.one_of(
    st.just("*"),
    wildcarded(arns, 5),
    st.builds(lambda s: f"arn:aws:{s}::*:role/*", st.sampled_from(SERVICES)),
)
conditions = st.one_of(
    st.none(),
    st.builds(lambda t: {"StringEquals": {"ctx:team": t}}, st.sampled_from(TEAMS)),
    st.builds(lambda t: {"StringNotLike": {"ctx:team": t + "*"}}, st.sampled_from(TEAMS)),
    st.builds(lambda n: {"NumericLessThan": {"ctx:level": str(n)}}, st.integers(0, 5)),
    st.builds(lambda t: {"ForAnyValue:StringEquals": {"ctx:tags": t}}, st.sampled_from(TEAMS)),
)


@st.composite
def statements(draw: st.DrawFn, effect: str | None = None) -> dict[str, Any]:
    statement: dict[str, Any] = {"Effect": effect or draw(st.sampled_from(["Allow", "Deny"]))}
    action_key = draw(st.sampled_from(["Action", "Action", "NotAction"]))
    statement[action_key] = draw(st.lists(action_patterns, min_size=1, max_size=3))
    resource_key = draw(st.sampled_from(["Resource", "Resource", "NotResource"]))
    statement[resource_key] = draw(st.lists(resource_patterns, min_size=1, max_size=2))
    condition = draw(conditions)
    if condition is not None:
        statement["Condition"] = condition
    return statement


policy_sets = st.lists(st.lists(statements(), min_size=1, max_size=4), max_size=3)
contexts = st.fixed_dictionaries(
    {},
    optional={
        "ctx:team": st.sampled_from(TEAMS),
        "ctx:level": st.integers(0, 6),
        "ctx:tags": st.lists(st.sampled_from(TEAMS), max_size=2),
    },
)
requests = st.builds(
    Request, action=actions, resource=st.one_of(arns, st.just("*")), context=contexts
)


def decide(request: Request, policy_set: list[list[dict[str, Any]]]) -> Result:
    policies = [
        (f"p{n}", parse_policy({"Version": "2012-10-17", "Statement": statements}))
        for n, statements in enumerate(policy_set)
    ]
    return evaluate(request, policies)


def with_statement(policy_set: list[list[dict]], statement: dict, where: int) -> list[list[dict]]:
    """`policy_set` with `statement` added to one of its policies or as a new policy."""
    copy = [list(policy) for policy in policy_set]
    if where < len(copy):
        copy[where].append(statement)
    else:
        copy.append([statement])
    return copy


@SET_LAWS
@given(policy_set=policy_sets, request=requests, where=st.integers(0, 3), data=st.data())
def test_it_lets_a_matching_deny_always_win(
    policy_set: list[list[dict]], request: Request, where: int, data: st.DataObject
) -> None:
    action = data.draw(st.sampled_from(["*", request.action, request.action.upper()]))
    resource = data.draw(st.sampled_from(["*", request.resource]))
    deny = {"Effect": "Deny", "Action": action, "Resource": resource}
    result = decide(request, with_statement(policy_set, deny, where))
    assert result.decision == "explicitDeny" and not result.allowed


@SET_LAWS
@given(policy_set=policy_sets, request=requests, extra=statements("Allow"), where=st.integers(0, 3))
def test_it_never_loses_access_by_adding_an_allow(
    policy_set: list[list[dict]], request: Request, extra: dict, where: int
) -> None:
    before = decide(request, policy_set)
    after = decide(request, with_statement(policy_set, extra, where))
    if before.allowed:
        assert after.allowed
    if before.decision == "explicitDeny":
        assert after.decision == "explicitDeny"


@SET_LAWS
@given(policy_set=policy_sets, request=requests, extra=statements("Deny"), where=st.integers(0, 3))
def test_it_never_gains_access_by_adding_a_deny(
    policy_set: list[list[dict]], request: Request, extra: dict, where: int
) -> None:
    before = decide(request, policy_set)
    after = decide(request, with_statement(policy_set, extra, where))
    if not before.allowed:
        assert not after.allowed


@LAWS
@given(patterns=st.lists(action_patterns, min_size=1, max_size=3), request=requests)
def test_it_makes_not_action_the_complement_of_action(
    patterns: list[str], request: Request
) -> None:
    listed = decide(request, [[{"Effect": "Allow", "Action": patterns, "Resource": "*"}]])
    others = decide(request, [[{"Effect": "Allow", "NotAction": patterns, "Resource": "*"}]])
    assert others.allowed is not listed.allowed


@LAWS
@given(patterns=st.lists(resource_patterns, min_size=1, max_size=3), request=requests)
def test_it_makes_not_resource_the_complement_of_resource(
    patterns: list[str], request: Request
) -> None:
    listed = decide(request, [[{"Effect": "Allow", "Action": "*", "Resource": patterns}]])
    others = decide(request, [[{"Effect": "Allow", "Action": "*", "NotResource": patterns}]])
    assert others.allowed is not listed.allowed


@SET_LAWS
@given(policy_set=policy_sets, request=requests, seed=st.integers(0, 2**32))
def test_it_decides_the_same_whatever_the_order(
    policy_set: list[list[dict]], request: Request, seed: int
) -> None:
    shuffler = random.Random(seed)
    shuffled = [shuffler.sample(policy, len(policy)) for policy in policy_set]
    shuffler.shuffle(shuffled)
    before, after = decide(request, policy_set), decide(request, shuffled)
    assert after.decision == before.decision
    assert len(after.matched) == len(before.matched)
    assert set(after.missing_context) == set(before.missing_context)


@LAWS
@given(action=st.text(min_size=1, max_size=30), resource=st.one_of(arns, st.text(max_size=20)))
def test_it_matches_every_action_with_a_star(action: str, resource: str) -> None:
    result = decide(
        Request(action, resource), [[{"Effect": "Allow", "Action": "*", "Resource": "*"}]]
    )
    assert result.allowed


GLOB = st.text(alphabet="ab/:.*?", max_size=8)
TEXT = st.text(alphabet="ab/:.*?", max_size=8)


def string_condition_holds(operator: str, patterns: list[str], value: str) -> bool:
    condition = {operator: {"ctx:value": patterns}}
    statement = {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": condition}
    return decide(Request("s3:GetObject", "*", {"ctx:value": value}), [[statement]]).allowed


@LAWS
@given(patterns=st.lists(GLOB, min_size=1, max_size=3), value=TEXT)
def test_it_makes_string_not_like_the_negation_of_string_like(
    patterns: list[str], value: str
) -> None:
    like = string_condition_holds("StringLike", patterns, value)
    assert string_condition_holds("StringNotLike", patterns, value) is not like


@LAWS
@given(pattern=GLOB, value=TEXT)
def test_it_matches_string_like_as_a_shell_glob_does(pattern: str, value: str) -> None:
    # Without "[" in the alphabet, fnmatchcase is a reference `*`/`?` matcher.
    expected = fnmatch.fnmatchcase(value, pattern)
    assert string_condition_holds("StringLike", [pattern], value) is expected

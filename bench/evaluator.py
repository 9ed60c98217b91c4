"""Throughput of the IAM policy evaluator (`allyport.cloud.policy`), without Django.

`python -m bench.evaluator [--seconds S] [--rounds N] [--json PATH]` builds one
principal with 10 policies of 10 statements each (wildcard actions, ARN resources,
ArnLike / StringEquals / IpAddress / Date / Bool conditions, policy variables, one
Deny), checks the decisions of a mix of allowed, explicitly denied and implicitly
denied requests, then times them on one core for several rounds. Each round also
times a trivial loop (one dict lookup per iteration) as a same-run baseline, since
this shared machine's speed drifts. The goal is judged on the median round.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable, Sequence

from allyport.cloud.policy import Policy, Request, evaluate, parse_policy

GOAL = 20_000  # decisions per second
ACCOUNT = "123456789012"


def policy_document(n: int) -> dict:
    """Policy `n` of the principal: ten statements, the last one a Deny in policy 0."""
    statements: list[dict] = [
        {
            "Sid": "ReadOwnBucket",
            "Effect": "Allow",
            "Action": ["s3:Get*", "s3:List*"],
            "Resource": [f"arn:aws:s3:::bucket-{n}", f"arn:aws:s3:::bucket-{n}/*"],
        },
        {"Sid": "Describe", "Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"},
        {
            "Sid": "CreatePartnerRoles",
            "Effect": "Allow",
            "Action": "iam:CreateRole",
            "Resource": "arn:aws:iam::*:role/PartnerCentralRoleFor*",
        },
        {
            "Sid": "AttachManaged",
            "Effect": "Allow",
            "Action": "iam:AttachRolePolicy",
            "Resource": f"arn:aws:iam::{ACCOUNT}:role/PartnerCentralRoleFor*",
            "Condition": {
                "ArnLike": {
                    "iam:PolicyARN": [
                        "arn:aws:iam::*:policy/AWSPartnerCentral*",
                        "arn:aws:iam::*:policy/AWSMarketplaceSeller*",
                    ]
                }
            },
        },
        {
            "Sid": "OwnHomePrefix",
            "Effect": "Allow",
            "Action": ["s3:PutObject", "s3:DeleteObject"],
            "Resource": "arn:aws:s3:::home-bucket/${aws:username}/*",
        },
        {
            "Sid": "TeamTables",
            "Effect": "Allow",
            "Action": "dynamodb:*",
            "Resource": f"arn:aws:dynamodb:*:{ACCOUNT}:table/team-{n}-*",
            "Condition": {"StringEquals": {"aws:PrincipalTag/team": f"team-{n}"}},
        },
        {
            "Sid": "PartnerCentralFromOffice",
            "Effect": "Allow",
            "Action": "partnercentral:*",
            "Resource": "*",
            "Condition": {
                "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]},
                "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
            },
        },
        {
            "Sid": "MarketplaceProposer",
            "Effect": "Allow",
            "Action": ["aws-marketplace:Describe*", "aws-marketplace:ListEntities"],
            "Resource": "*",
            "Condition": {"StringEquals": {"aws-marketplace:PartyType": "Proposer"}},
        },
        {
            "Sid": "AssumeWithMfa",
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Resource": f"arn:aws:iam::{ACCOUNT}:role/ops-{n}",
            "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
        },
    ]
    if n == 0:
        statements.append(
            {
                "Sid": "NoIamWrites",
                "Effect": "Deny",
                "Action": ["iam:Delete*", "iam:Put*"],
                "Resource": "*",
            }
        )
    else:
        statements.append(
            {
                "Sid": "AppLogs",
                "Effect": "Allow",
                "Action": "logs:*",
                "Resource": f"arn:aws:logs:*:{ACCOUNT}:log-group:/app-{n}/*",
            }
        )
    return {"Version": "2012-10-17", "Statement": statements}


CONTEXT = {
    "aws:username": "alice",
    "aws:PrincipalTag/team": "team-3",
    "aws:SourceIp": "10.1.2.3",
    "aws:CurrentTime": "2026-03-01T12:00:00Z",
    "aws:MultiFactorAuthPresent": True,
    "aws-marketplace:PartyType": "Proposer",
}
ROLE = f"arn:aws:iam::{ACCOUNT}:role"
TABLE = f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table"


def requests() -> list[tuple[Request, str]]:
    """The request mix and the decision each must get."""

    def ask(action: str, resource: str = "*", **extra: object) -> Request:
        return Request(action, resource, {**CONTEXT, **extra})

    return [
        (ask("s3:GetObject", "arn:aws:s3:::bucket-7/reports/q1.csv"), "allowed"),
        (ask("iam:CreateRole", f"{ROLE}/PartnerCentralRoleForAce"), "allowed"),
        (
            ask(
                "iam:AttachRolePolicy",
                f"{ROLE}/PartnerCentralRoleForAlliance",
                **{"iam:PolicyARN": "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess"},
            ),
            "allowed",
        ),
        (ask("s3:PutObject", "arn:aws:s3:::home-bucket/alice/notes.txt"), "allowed"),
        (ask("dynamodb:GetItem", f"{TABLE}/team-3-a"), "allowed"),
        (ask("partnercentral:ListOpportunities"), "allowed"),
        (ask("aws-marketplace:DescribeEntity"), "allowed"),
        (ask("iam:DeleteRole", f"{ROLE}/PartnerCentralRoleForAce"), "explicitDeny"),
        (ask("iam:PutRolePolicy", f"{ROLE}/ops-1"), "explicitDeny"),
        (ask("iam:CreateRole", f"{ROLE}/Admin"), "implicitDeny"),
        (
            ask(
                "iam:AttachRolePolicy",
                f"{ROLE}/PartnerCentralRoleForAce",
                **{"iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess"},
            ),
            "implicitDeny",
        ),
        (ask("s3:PutObject", "arn:aws:s3:::home-bucket/bob/notes.txt"), "implicitDeny"),
        (ask("partnercentral:ListOpportunities", **{"aws:SourceIp": "192.0.2.1"}), "implicitDeny"),
        (ask("ec2:RunInstances", f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/*"), "implicitDeny"),
    ]  # fmt: skip


def rate(step: Callable[[], None], batch: int, seconds: float) -> float:
    """Iterations per second of `step` (which performs `batch` iterations)."""
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        step()
        done += batch
        now = time.perf_counter()
        if now >= deadline:
            return done / (now - start)


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def run(seconds: float, rounds: int) -> dict:
    policies: Sequence[tuple[str, Policy]] = [
        (f"policy-{n}", parse_policy(policy_document(n))) for n in range(10)
    ]
    mix = requests()
    for request, expected in mix:
        got = evaluate(request, policies).decision
        if got != expected:
            raise SystemExit(f"wrong decision for {request.action} {request.resource}: {got}")
    reqs = [request for request, _ in mix]
    table = {request.action: request for request in reqs}

    def decide() -> None:
        for request in reqs:
            evaluate(request, policies)

    def baseline() -> None:
        for request in reqs:
            table.get(request.action)

    pinned = pin_to_one_core()
    rate(decide, len(reqs), min(seconds, 0.3))  # warm-up (caches, regexes)
    decisions, lookups = [], []
    for _ in range(rounds):
        decisions.append(rate(decide, len(reqs), seconds))
        lookups.append(rate(baseline, len(reqs), seconds))
    counts = {d: sum(1 for _, e in mix if e == d) for d in ("allowed", "explicitDeny")}
    return {
        "policies": len(policies),
        "statements": sum(len(p.statements) for _, p in policies),
        "requests": len(mix),
        "allowed": counts["allowed"],
        "explicit_deny": counts["explicitDeny"],
        "implicit_deny": len(mix) - sum(counts.values()),
        "rounds": rounds,
        "seconds_per_round": seconds,
        "cpu": pinned,
        "decisions_per_s": {"min": min(decisions), "median": statistics.median(decisions)},
        "baseline_per_s": {"min": min(lookups), "median": statistics.median(lookups)},
        "goal_per_s": GOAL,
        "met": statistics.median(decisions) > GOAL,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=0.6, help="per round and loop")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", metavar="PATH", help="also write the figures here")
    args = parser.parse_args(argv)
    res = run(args.seconds, args.rounds)
    dec, base = res["decisions_per_s"], res["baseline_per_s"]
    print(
        f"IAM evaluator: {res['policies']} policies, {res['statements']} statements; "
        f"{res['requests']} requests ({res['allowed']} allowed, {res['explicit_deny']} "
        f"explicit deny, {res['implicit_deny']} implicit deny); {res['rounds']} rounds "
        f"of {res['seconds_per_round']} s; {res['cpu']}"
    )
    print(f"  decisions/s         min {dec['min']:>12,.0f}   median {dec['median']:>12,.0f}")
    print(f"  baseline dict loop  min {base['min']:>12,.0f}   median {base['median']:>12,.0f}")
    print(
        f"  one decision costs about {base['median'] / dec['median']:.0f} baseline iterations "
        f"({1e6 / dec['median']:.1f} µs)"
    )
    print(f"goal > {GOAL:,}/s: met" if res["met"] else f"GOAL MISSED (> {GOAL:,}/s on the median)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(res, handle, indent=2)


if __name__ == "__main__":
    main()

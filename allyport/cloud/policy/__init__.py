"""IAM identity-policy evaluator (pure Python, no Django).

    policy = parse_policy(text)                      # PolicyDocumentError lists every problem
    result = evaluate(Request("iam:CreateRole", arn, {"aws:username": "alice"}),
                      [("PartnerAccountManagement", policy)])
    result.allowed, result.decision, result.matched, result.missing_context

Rules: explicit Deny beats Allow beats the implicit deny; Action/NotAction,
Resource/NotResource with `*`/`?` wildcards; every AWS condition operator with
IfExists and ForAllValues:/ForAnyValue:; policy variables in "2012-10-17" policies.
"""

from .document import PolicyDocumentError, parse_policy
from .evaluate import evaluate, trust_allows_service
from .model import ALLOWED, EXPLICIT_DENY, IMPLICIT_DENY, MatchedStatement, Policy, Request, Result

__all__ = [
    "ALLOWED",
    "EXPLICIT_DENY",
    "IMPLICIT_DENY",
    "MatchedStatement",
    "Policy",
    "PolicyDocumentError",
    "Request",
    "Result",
    "evaluate",
    "parse_policy",
    "trust_allows_service",
]

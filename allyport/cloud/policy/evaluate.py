"""The decision: explicit Deny beats Allow, and without an Allow the answer is no.

Only identity policies are combined here (no SCPs, permissions boundaries, session
or resource policies). A statement applies when its Action/NotAction covers the
action, its Resource/NotResource covers the resource and every condition holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .model import (
    ALLOWED,
    EXPLICIT_DENY,
    IMPLICIT_DENY,
    MatchedStatement,
    Policy,
    Request,
    Result,
    Statement,
)


def normalize_context(context: Mapping[str, object]) -> dict[str, object]:
    """The context with lower-cased keys: condition keys are case-insensitive."""
    return {key.lower(): value for key, value in context.items()}


def statement_applies(
    statement: Statement, resource: str, context: Mapping[str, object], missing: list[str]
) -> bool:
    """Does `statement` (already known to cover the action) apply to this request?

    Appends to `missing` the context keys it looked for and did not find: its
    condition keys once the resource matched, or the variables that kept a
    Resource entry from being checked.
    """
    if statement.resources is not None:
        found = statement.resources.match(resource, context)
        if found is None:
            missing.extend(var.name for var in statement.resource_variables)
        # NotResource needs a definite "no entry matches": an entry we could not check
        # (None) never counts, so an unresolved variable only stops statements applying.
        covered = found is False if statement.not_resource else found is True
        if not covered:
            return False
    for name, lookup in statement.condition_keys:
        if context.get(lookup) is None:
            missing.append(name)
    return all(condition.holds(context) for condition in statement.conditions)


def evaluate(request: Request, policies: Sequence[tuple[str, Policy]]) -> Result:
    """Decide `request` against the principal's identity policies, given as
    (policy name, policy) pairs. See `Result` for what comes back.

    Principal elements play no part here: pass identity policies (a trust policy's
    question is `trust_allows_service`'s). Policies are compiled and keep a cache of
    candidate statements per action, so reuse the same Policy objects across calls.
    """
    action = request.action.lower()
    context: dict[str, object] | None = None
    allows: list[MatchedStatement] = []
    denies: list[MatchedStatement] = []
    missing: list[str] = []
    for name, policy in policies:
        for statement in policy.statements_for(action):
            if context is None:  # only built when some statement covers the action
                context = normalize_context(request.context)
            if statement_applies(statement, request.resource, context, missing):
                matched = MatchedStatement(name, statement.sid, statement.index, statement.effect)
                (denies if statement.effect == "Deny" else allows).append(matched)
    missing_context = _unique(missing)
    if denies:
        return Result(EXPLICIT_DENY, tuple(denies), missing_context)
    if allows:
        return Result(ALLOWED, tuple(allows), missing_context)
    return Result(IMPLICIT_DENY, (), missing_context)


def trust_allows_service(
    policy: Policy,
    service: str,
    action: str = "sts:AssumeRole",
    *,
    context: Mapping[str, object] | None = None,
) -> bool:
    """Does the trust policy let the service principal `service` (e.g.
    "partnercentral-account-management.amazonaws.com") perform `action`?

    True when an Allow statement names the service in Principal ({"Service": …} as a
    string or list, or "*"), covers the action and its conditions hold against
    `context` (empty by default, so statements with conditions that need keys don't
    count), and no Deny statement applies to the service and action.
    """
    lowered = service.lower()
    values = normalize_context(context or {})
    allowed = False
    for statement in policy.statements_for(action.lower()):
        if statement.principal is not None:
            names_service = statement.principal.covers_service(lowered)
        elif statement.not_principal is not None:
            names_service = not statement.not_principal.covers_service(lowered)
        else:  # an identity policy's statement names no principal
            continue
        if not names_service:
            continue
        if not all(condition.holds(values) for condition in statement.conditions):
            continue
        if statement.effect == "Deny":
            return False
        allowed = True
    return allowed


def _unique(keys: list[str]) -> tuple[str, ...]:
    """Keys without case-insensitive repeats, first spelling and order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for key in keys:
        if key.lower() not in seen:
            seen.add(key.lower())
            out.append(key)
    return tuple(out)

"""The compiled policy, the request to decide and the result of a decision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .conditions import Condition
from .matching import ActionMatcher, ResourceMatcher
from .variables import Variable

ALLOWED = "allowed"
EXPLICIT_DENY = "explicitDeny"
IMPLICIT_DENY = "implicitDeny"

# Candidate statements are cached per action; past this many actions a policy's
# cache starts over rather than growing without bound.
_ACTION_CACHE_SIZE = 2048


@dataclass(frozen=True)
class Request:
    """What is being asked: `action` (`service:Action`), `resource` (an ARN or `*`) and
    the request context, e.g. {"aws:username": "alice", "iam:PolicyARN": "arn:…",
    "aws:SourceIp": "203.0.113.9", "aws:CurrentTime": "2025-01-31T12:00:00Z"}.

    Context keys are case-insensitive; a value is a string, number, bool, datetime or a
    list of them (a multi-valued key). Environment keys such as aws:CurrentTime are
    not filled in: pass them when the policies depend on them.
    """

    action: str
    resource: str = "*"
    context: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class MatchedStatement:
    """A statement that decided: `index` counts from 1, as in validation messages."""

    policy: str
    sid: str | None
    index: int
    effect: str


@dataclass(frozen=True)
class Result:
    """`decision` is "allowed", "explicitDeny" or "implicitDeny". `matched` lists the
    statements behind it (the Deny statements for an explicit deny, the Allow
    statements for an allow, none for an implicit deny). `missing_context` lists the
    context keys that applicable statements looked for but the request lacked, as
    SimulatePrincipalPolicy's MissingContextValues does."""

    decision: str
    matched: tuple[MatchedStatement, ...] = ()
    missing_context: tuple[str, ...] = ()

    @property
    def allowed(self) -> bool:
        return self.decision == ALLOWED


@dataclass(frozen=True)
class Principal:
    """A Principal/NotPrincipal element: `*`, or principal type (lower-cased: "service",
    "aws", "federated", "canonicaluser") to the listed identifiers."""

    everyone: bool
    by_type: Mapping[str, frozenset[str]]

    def covers_service(self, service: str) -> bool:
        """`service` lower-cased, e.g. "partnercentral-account-management.amazonaws.com"."""
        if self.everyone or "*" in self.by_type.get("aws", ()):
            return True
        services = self.by_type.get("service", frozenset())
        return "*" in services or service in services


@dataclass(frozen=True, eq=False)
class Statement:
    """One compiled statement. `resources` is None when the statement has neither
    Resource nor NotResource (trust policies), i.e. it applies to any resource."""

    index: int
    sid: str | None
    effect: str
    actions: ActionMatcher
    not_action: bool
    resources: ResourceMatcher | None
    not_resource: bool
    conditions: tuple[Condition, ...]
    principal: Principal | None = None
    not_principal: Principal | None = None

    @property
    def label(self) -> str:
        return f'Statement {self.index} ("{self.sid}")' if self.sid else f"Statement {self.index}"

    def applies_to_action(self, action: str) -> bool:
        """`action` lower-cased."""
        return self.actions.matches(action) != self.not_action

    @cached_property
    def condition_keys(self) -> tuple[tuple[str, str], ...]:
        """(key as written, lookup key) of every key the conditions read (not Null's)."""
        keys: list[tuple[str, str]] = []
        for condition in self.conditions:
            if condition.spec is not None:
                keys.append((condition.key, condition.lookup))
            keys.extend((var.name, var.key) for var in condition.variables)
        return tuple(keys)

    @cached_property
    def resource_variables(self) -> tuple[Variable, ...]:
        if self.resources is None:
            return ()
        return tuple(var for var in self.resources.variables if var.default is None)


@dataclass(frozen=True, eq=False)
class Policy:
    """A parsed, validated and compiled policy document; build it with `parse_policy`.

    Equality is identity: the object carries a cache of candidate statements per action.
    """

    version: str
    kind: str
    id: str | None
    statements: tuple[Statement, ...]
    document: Mapping[str, Any]
    _by_action: dict[str, tuple[Statement, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def statements_for(self, action: str) -> tuple[Statement, ...]:
        """The statements whose Action/NotAction covers `action` (lower-cased), cached."""
        found = self._by_action.get(action)
        if found is None:
            if len(self._by_action) >= _ACTION_CACHE_SIZE:
                self._by_action.clear()
            found = tuple(st for st in self.statements if st.applies_to_action(action))
            self._by_action[action] = found
        return found

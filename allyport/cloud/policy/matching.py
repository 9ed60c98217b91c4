"""Wildcard matching of actions, resources and ARN condition values.

`*` matches any run of characters and `?` exactly one. Actions are matched without
regard to case (`IAM:createrole` is `iam:CreateRole`); resources and ARNs with it.
ARNs (`arn:partition:service:region:account:resource`) are matched per colon segment:
in the first five segments a wildcard stays inside its segment, so `arn:aws:iam::*:role/x`
can't match an ARN whose account field is `1:2`; in the resource part, which may itself
hold colons and slashes, wildcards cross them (`role/*` matches `role/a/b:c`). A
pattern that is exactly `*` matches anything.

Every pattern is compiled once into a regex (cached) so evaluation is a dict lookup or
a `fullmatch` per statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .variables import Pieces, Template, Variable, resolve, variables_of

_WILD_TOKENS = re.compile(r"([*?])")
_ARN_TOKENS = re.compile(r"([*?:])")
# The resource part starts after the fifth colon.
_RESOURCE_PART = 5


def wildcard_regex(pieces: Pieces) -> str:
    """Regex source for plain wildcard matching (StringLike): `*`→`.*`, `?`→`.`."""
    out: list[str] = []
    for text, wild in pieces:
        if not wild:
            out.append(re.escape(text))
            continue
        for token in _WILD_TOKENS.split(text):
            if token == "*":
                out.append(".*")
            elif token == "?":
                out.append(".")
            elif token:
                out.append(re.escape(token))
    return "".join(out)


def arn_regex(pieces: Pieces) -> str:
    """Regex source for an ARN pattern, wildcards confined to their segment before the
    resource part. Colons in substituted (non-wild) text count as separators too, so a
    variable holding a whole ARN lines up with the segments of the request's ARN."""
    if pieces == (("*", True),):
        return ".*"
    out: list[str] = []
    colons = 0
    for text, wild in pieces:
        for token in _ARN_TOKENS.split(text):
            if token == ":":
                colons += 1
                out.append(":")
            elif wild and token == "*":
                out.append(".*" if colons >= _RESOURCE_PART else "[^:]*")
            elif wild and token == "?":
                out.append("." if colons >= _RESOURCE_PART else "[^:]")
            elif token:
                out.append(re.escape(token))
    return "".join(out)


@lru_cache(maxsize=8192)
def compile_regex(source: str) -> re.Pattern[str]:
    # DOTALL: a `*` must match any character, newlines included.
    return re.compile(source, re.DOTALL)


@lru_cache(maxsize=8192)
def compile_arn(pieces: Pieces) -> re.Pattern[str]:
    """Compiled ARN pattern for resolved pieces (cached: templated resources and ARN
    conditions resolve to the same few values request after request)."""
    return compile_regex(arn_regex(pieces))


def any_of(sources: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching any of `sources` in full (None when there are none)."""
    alternatives = sorted(set(sources))
    if not alternatives:
        return None
    return compile_regex("|".join(f"(?:{source})" for source in alternatives))


def is_action_shape(action: str) -> bool:
    """`*` or `service:action` (wildcards allowed on either side of the colon)."""
    return action == "*" or _ACTION_SHAPE.fullmatch(action) is not None


_ACTION_SHAPE = re.compile(r"[A-Za-z0-9*?_.-]+:[A-Za-z0-9*?_.-]+")


@dataclass(frozen=True)
class ActionMatcher:
    """The Action (or NotAction) list of one statement, lower-cased and compiled."""

    match_all: bool
    exact: frozenset[str]
    pattern: re.Pattern[str] | None

    @classmethod
    def build(cls, actions: Iterable[str]) -> ActionMatcher:
        lowered = [action.lower() for action in actions]
        wild = [action for action in lowered if "*" in action or "?" in action]
        return cls(
            match_all="*" in lowered,
            exact=frozenset(action for action in lowered if action not in wild),
            pattern=any_of(wildcard_regex(((action, True),)) for action in wild),
        )

    def matches(self, action: str) -> bool:
        """`action` must already be lower-cased."""
        if self.match_all or action in self.exact:
            return True
        return self.pattern is not None and self.pattern.fullmatch(action) is not None


def split_resource(resource: str) -> tuple[str, str] | None:
    """(`arn:p:s:r:a:`, resource part) for an ARN pattern, or None if it isn't one."""
    segments = resource.split(":", _RESOURCE_PART)
    if len(segments) <= _RESOURCE_PART or segments[0] != "arn":
        return None
    return ":".join(segments[:_RESOURCE_PART]) + ":", segments[_RESOURCE_PART]


@dataclass(frozen=True)
class ResourceMatcher:
    """The Resource (or NotResource) list of one statement.

    Entries without variables are merged into one regex; entries with variables
    (`head` = the first five segments, `tail` = the templated resource part) are
    resolved per request.
    """

    match_all: bool
    static: re.Pattern[str] | None
    templated: tuple[tuple[str, Template], ...]

    @classmethod
    def build(cls, entries: Iterable[tuple[str, Template]]) -> ResourceMatcher:
        """`entries`: (`*` or ARN head, resource-part template) per Resource entry."""
        static: list[str] = []
        templated: list[tuple[str, Template]] = []
        match_all = False
        for head, tail in entries:
            if head == "*":
                match_all = True
            elif any(isinstance(part, Variable) for part in tail):
                templated.append((head, tail))
            else:
                pieces = resolve(tail, {})
                assert pieces is not None  # no variables, so it always resolves
                static.append(arn_regex(((head, True), *pieces)))
        return cls(match_all, any_of(static), tuple(templated))

    @property
    def variables(self) -> list[Variable]:
        return [var for _, tail in self.templated for var in variables_of(tail)]

    def match(self, resource: str, context: Mapping[str, object]) -> bool | None:
        """True if an entry matches; False if none does; None if none does but an entry
        could not be checked because a variable in it has no value."""
        if self.match_all:
            return True
        if self.static is not None and self.static.fullmatch(resource) is not None:
            return True
        blocked = False
        for head, tail in self.templated:
            pieces = resolve(tail, context)
            if pieces is None:
                blocked = True
            elif compile_arn(((head, True), *pieces)).fullmatch(resource) is not None:
                return True
        return None if blocked else False

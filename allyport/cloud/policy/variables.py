"""Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}` …

A value that may hold variables is parsed once into a *template*: a tuple of parts,
each plain policy text (where `*` and `?` stay wildcards), an escaped character
(`${*}`, `${?}`, `${$}`: a literal `*`, `?` or `$`) or a variable. At evaluation the
template is *resolved* against the request context into "pieces", `(text, wild)`
pairs, where `wild` says whether `*`/`?` in `text` are wildcards. Text that came from
the request (a user name, a tag) is never a wildcard: a user called `a*` must not
match every resource starting with `a`.

Variables only exist in policies with `"Version": "2012-10-17"`; the document parser
does not call `parse_template` for older versions, so their `${…}` stays literal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

MODERN_VERSION = "2012-10-17"

_VARIABLE = re.compile(r"\$\{([^}]*)\}")
_DEFAULT = re.compile(r"'([^']*)'")


@dataclass(frozen=True)
class Escaped:
    """A literal character written as `${*}`, `${?}` or `${$}`."""

    char: str


@dataclass(frozen=True)
class Variable:
    """`${name}` or `${name, 'default'}`; `key` is the lower-cased lookup name."""

    name: str
    key: str
    default: str | None


Part = str | Escaped | Variable
Template = tuple[Part, ...]
Pieces = tuple[tuple[str, bool], ...]


def parse_template(text: str) -> tuple[Template, list[str]]:
    """Split `text` into template parts; the list holds a message per malformed variable."""
    if "${" not in text:
        return (text,), []
    parts: list[Part] = []
    problems: list[str] = []
    position = 0
    for found in _VARIABLE.finditer(text):
        if found.start() > position:
            parts.append(text[position : found.start()])
        position = found.end()
        body = found.group(1).strip()
        if body in ("*", "?", "$"):
            parts.append(Escaped(body))
            continue
        name, comma, rest = body.partition(",")
        name = name.strip()
        default: str | None = None
        if comma:
            quoted = _DEFAULT.fullmatch(rest.strip())
            if quoted is None:
                problems.append(
                    f"policy variable {found.group(0)!r} has a malformed default; "
                    "write it as ${key, 'default value'}"
                )
                continue
            default = quoted.group(1)
        if not name:
            problems.append(f"policy variable {found.group(0)!r} names no context key")
            continue
        parts.append(Variable(name, name.lower(), default))
    if position < len(text):
        parts.append(text[position:])
    return tuple(parts), problems


def is_static(template: Template) -> bool:
    """True when the template holds no variable, so it resolves the same for every request."""
    return not any(isinstance(part, Variable) for part in template)


def static_pieces(template: Template) -> Pieces:
    """Pieces of a template without variables (escapes become literal text)."""
    pieces = resolve(template, {})
    if pieces is None:
        raise ValueError("template holds variables")
    return pieces


def variables_of(template: Template) -> list[Variable]:
    return [part for part in template if isinstance(part, Variable)]


def scalar_text(value: object) -> str | None:
    """The text a context value stands for in a variable, or None when it has none.

    A multi-valued key can't be substituted into one string; a one-element list can.
    """
    if isinstance(value, (list, tuple)):
        return scalar_text(value[0]) if len(value) == 1 else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


def resolve(template: Template, context: Mapping[str, object]) -> Pieces | None:
    """Substitute the variables from `context` (lower-cased keys); None if one can't be."""
    pieces: list[tuple[str, bool]] = []
    for part in template:
        if isinstance(part, str):
            pieces.append((part, True))
        elif isinstance(part, Escaped):
            pieces.append((part.char, False))
        else:
            text = scalar_text(context.get(part.key))
            if text is None:
                text = part.default
            if text is None:
                return None
            pieces.append((text, False))
    return tuple(pieces)


def pieces_text(pieces: Pieces) -> str:
    """The plain text of resolved pieces, for operators without wildcards."""
    return "".join(text for text, _ in pieces)

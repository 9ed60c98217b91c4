"""Condition operator families: how policy values are read, how request values are
read, and how the two are compared.

Each family parses the policy's values once (raising ValueError with the reason a
person can act on) and coerces each request value per evaluation (None when the value
can't be compared, e.g. "abc" for a Numeric operator: such a value satisfies neither
the operator nor its negation). `build_matcher` turns the parsed values into one
predicate "does this request value match any policy value?".
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from .matching import compile_arn, compile_regex, wildcard_regex
from .variables import Pieces, pieces_text

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_EPOCH = re.compile(r"[+-]?\d+(?:\.\d+)?")

Matcher = Callable[[Any], bool]


def _string(value: object) -> str | None:
    if isinstance(value, bool):  # JSON true in a policy means the string "true"
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return float(value)
    return None


def _date(value: object) -> float | None:
    """Seconds since the epoch, from ISO 8601 text, epoch seconds or a datetime."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        return _date_text(value)
    else:
        return None
    if moment.tzinfo is None:  # AWS reads an ISO time without an offset as UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


@lru_cache(maxsize=4096)
def _date_text(value: str) -> float | None:
    # Cached: the same aws:CurrentTime is compared by many statements of one request.
    text = value.strip()
    if _EPOCH.fullmatch(text):
        return float(text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return _date(moment)


def _bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def _binary(value: object) -> bytes | None:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return None
    return None


IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def _address(value: object) -> IpAddress | None:
    if isinstance(value, ipaddress.IPv4Address | ipaddress.IPv6Address):
        return value
    if isinstance(value, str):
        return _address_text(value)
    return None


@lru_cache(maxsize=4096)
def _address_text(value: str) -> IpAddress | None:
    # Cached: parsing an address costs more than the whole rest of an IpAddress check.
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _network(value: object) -> IpNetwork | None:
    if not isinstance(value, str):
        return None
    try:
        # A bare address is its own /32 (or /128); host bits after the prefix are ignored.
        return ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        return None


@dataclass(frozen=True)
class Family:
    """One kind of operator (String, Numeric, …)."""

    name: str
    parse: Callable[[object], Any]  # policy value -> parsed, or None if invalid
    coerce: Callable[[object], Any]  # request value -> comparable, or None
    problem: str  # why a policy value was rejected, completed by `describe`
    variables: bool = False  # policy variables allowed in its values


STRING = Family("String", _string, _string, "is not a string, number or boolean", variables=True)
ARN = Family("Arn", lambda v: v if isinstance(v, str) else None, _string, "is not a string", True)
NUMERIC = Family("Numeric", _number, _number, "is not a number")
DATE = Family(
    "Date",
    _date,
    _date,
    "is not a date; use ISO 8601 (e.g. 2025-01-31T12:00:00Z) or epoch seconds",
)
BOOL = Family("Bool", _bool, _bool, "is not a boolean; use true or false")
BINARY = Family("Binary", _binary, _binary, "is not base64-encoded data")
IP = Family(
    "Ip",
    _network,
    _address,
    "is not an IP address or CIDR block (e.g. 203.0.113.0/24 or 2001:db8::/32)",
)


@dataclass(frozen=True)
class OperatorSpec:
    family: Family
    comparison: str
    negated: bool


# Negated operators hold when none of their values match, and when the key is absent.
OPERATORS: dict[str, OperatorSpec] = {
    "StringEquals": OperatorSpec(STRING, "equals", False),
    "StringNotEquals": OperatorSpec(STRING, "equals", True),
    "StringEqualsIgnoreCase": OperatorSpec(STRING, "equals_ic", False),
    "StringNotEqualsIgnoreCase": OperatorSpec(STRING, "equals_ic", True),
    "StringLike": OperatorSpec(STRING, "like", False),
    "StringNotLike": OperatorSpec(STRING, "like", True),
    "NumericEquals": OperatorSpec(NUMERIC, "eq", False),
    "NumericNotEquals": OperatorSpec(NUMERIC, "eq", True),
    "NumericLessThan": OperatorSpec(NUMERIC, "lt", False),
    "NumericLessThanEquals": OperatorSpec(NUMERIC, "le", False),
    "NumericGreaterThan": OperatorSpec(NUMERIC, "gt", False),
    "NumericGreaterThanEquals": OperatorSpec(NUMERIC, "ge", False),
    "DateEquals": OperatorSpec(DATE, "eq", False),
    "DateNotEquals": OperatorSpec(DATE, "eq", True),
    "DateLessThan": OperatorSpec(DATE, "lt", False),
    "DateLessThanEquals": OperatorSpec(DATE, "le", False),
    "DateGreaterThan": OperatorSpec(DATE, "gt", False),
    "DateGreaterThanEquals": OperatorSpec(DATE, "ge", False),
    "Bool": OperatorSpec(BOOL, "eq", False),
    "BinaryEquals": OperatorSpec(BINARY, "eq", False),
    "IpAddress": OperatorSpec(IP, "in", False),
    "NotIpAddress": OperatorSpec(IP, "in", True),
    # ArnEquals and ArnLike behave the same: both match per segment with wildcards.
    "ArnEquals": OperatorSpec(ARN, "arn", False),
    "ArnLike": OperatorSpec(ARN, "arn", False),
    "ArnNotEquals": OperatorSpec(ARN, "arn", True),
    "ArnNotLike": OperatorSpec(ARN, "arn", True),
}


def _ordered(comparison: str, values: tuple[float, ...]) -> Matcher:
    # Values within a key are ORed, so "less than any of them" is "less than the largest".
    if comparison == "lt":
        top = max(values)
        return lambda x: x < top
    if comparison == "le":
        top = max(values)
        return lambda x: x <= top
    if comparison == "gt":
        bottom = min(values)
        return lambda x: x > bottom
    bottom = min(values)  # "ge"
    return lambda x: x >= bottom


def _never(_: object) -> bool:
    return False


@lru_cache(maxsize=4096)
def build_matcher(comparison: str, values: tuple[Any, ...]) -> Matcher:
    """Predicate "request value matches one of `values`" (cached on the values, so
    conditions with variables compile once per distinct resolved value)."""
    if not values:
        return _never
    if comparison == "equals":
        texts = frozenset(pieces_text(pieces) for pieces in values)
        return texts.__contains__
    if comparison == "equals_ic":
        folded = frozenset(pieces_text(pieces).casefold() for pieces in values)
        return lambda x: x.casefold() in folded
    if comparison == "like":
        sources = sorted({wildcard_regex(pieces) for pieces in values})
        pattern = compile_regex("|".join(f"(?:{source})" for source in sources))
        return lambda x: pattern.fullmatch(x) is not None
    if comparison == "arn":
        patterns = tuple(compile_arn(pieces) for pieces in values)
        return lambda x: any(p.fullmatch(x) is not None for p in patterns)
    if comparison == "in":
        networks = tuple(values)
        return lambda x: any(x in network for network in networks)
    if comparison in ("lt", "le", "gt", "ge"):
        return _ordered(comparison, values)
    members = frozenset(values)  # NumericEquals, DateEquals, Bool, BinaryEquals
    return members.__contains__


def string_pieces(value: str) -> Pieces:
    """Pieces of a policy value written without variables."""
    return ((value, True),)

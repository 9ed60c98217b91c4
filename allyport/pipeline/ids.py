"""Public identifiers in the selling API's formats (spec §1.10)."""

from __future__ import annotations

import secrets


def _digits(count: int) -> str:
    """`count` digits without a leading zero: fixed width, so text order is number order."""
    return str(secrets.randbelow(9 * 10 ** (count - 1)) + 10 ** (count - 1))


def opportunity_id() -> str:
    """`O` and 10 digits (the API allows `O[0-9]{1,19}`)."""
    return "O" + _digits(10)


def solution_id() -> str:
    """`S-` and 7 digits, like the documented `S-1234567`."""
    return "S-" + _digits(7)

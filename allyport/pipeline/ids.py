"""Public identifiers in the selling API's formats (spec §1.10)."""

from __future__ import annotations

import secrets
import string

_LOWER_ALNUM = string.digits + string.ascii_lowercase


def _digits(count: int) -> str:
    """`count` digits without a leading zero: fixed width, so text order is number order."""
    return str(secrets.randbelow(9 * 10 ** (count - 1)) + 10 ** (count - 1))


def opportunity_id() -> str:
    """`O` and 10 digits (the API allows `O[0-9]{1,19}`)."""
    return "O" + _digits(10)


def solution_id() -> str:
    """`S-` and 7 digits, like the documented `S-1234567`."""
    return "S-" + _digits(7)


def alnum(count: int) -> str:
    """`count` random digits or lower-case letters (engagement, task and job ids)."""
    return "".join(secrets.choice(_LOWER_ALNUM) for _ in range(count))

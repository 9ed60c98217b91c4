"""Random public identifiers: fixed-width digits and lower-case alphanumerics, from
the secrets module (ids appear in URLs and API answers, so they must not be guessable)."""

from __future__ import annotations

import secrets
import string

_LOWER_ALNUM = string.digits + string.ascii_lowercase


def digits(count: int) -> str:
    """`count` digits without a leading zero: fixed width, so text order is number order."""
    return str(secrets.randbelow(9 * 10 ** (count - 1)) + 10 ** (count - 1))


def alnum(count: int) -> str:
    """`count` random digits or lower-case letters."""
    return "".join(secrets.choice(_LOWER_ALNUM) for _ in range(count))

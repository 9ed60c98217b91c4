"""Identifiers in IAM's formats, so SDKs and people recognise them."""

from __future__ import annotations

import secrets
import string

_UPPER_ALNUM = string.ascii_uppercase + string.digits
# IAM's unique ids use upper-case letters and the digits 2-7 after the prefix.
_IAM_ID = string.ascii_uppercase + "234567"
_SECRET = string.ascii_letters + string.digits + "+/"


def account_id() -> str:
    """Twelve digits, never starting with 0 (people copy them as numbers)."""
    return str(secrets.randbelow(9 * 10**11) + 10**11)


def _iam_id(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_IAM_ID) for _ in range(17))


def user_id() -> str:
    return _iam_id("AIDA")


def role_id() -> str:
    return _iam_id("AROA")


def policy_id() -> str:
    return _iam_id("ANPA")


def access_key_id() -> str:
    """`AKIA` and 16 upper-case letters or digits: 20 characters, as IAM's."""
    return "AKIA" + "".join(secrets.choice(_UPPER_ALNUM) for _ in range(16))


def secret_access_key() -> str:
    """Forty characters of base64's alphabet, as IAM's secret access keys."""
    return "".join(secrets.choice(_SECRET) for _ in range(40))

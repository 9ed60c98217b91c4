"""Public identifiers: what URLs, emails and the API show instead of database keys."""

from __future__ import annotations

import secrets
import string

_LOWER_ALNUM = string.ascii_lowercase + string.digits
_ALNUM = string.ascii_letters + string.digits


def partner_id() -> str:
    """`partner-` and 13 lower-case letters or digits, as the account API shows."""
    return "partner-" + "".join(secrets.choice(_LOWER_ALNUM) for _ in range(13))


def partner_user_id() -> str:
    """An 18-character user id like the guide's log examples (`005…`)."""
    return "005" + "".join(secrets.choice(_ALNUM) for _ in range(15))


def six_digit_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"

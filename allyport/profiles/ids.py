"""Public ids of the account API (`pprofile-…`, `pprofiletask-…`, `pqatask-…`, `pqdtask-…`:
13 letters or digits after the prefix)."""

from __future__ import annotations

import secrets
import string

_ALNUM = string.ascii_lowercase + string.digits


def _id(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_ALNUM) for _ in range(13))


def profile_id() -> str:
    return _id("pprofile-")


def profile_task_id() -> str:
    return _id("pprofiletask-")


def association_task_id() -> str:
    return _id("pqatask-")


def disassociation_task_id() -> str:
    return _id("pqdtask-")


def six_digit_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"

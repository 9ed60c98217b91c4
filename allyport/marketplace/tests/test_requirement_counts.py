"""The missing-permissions message counts in the right number."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from allyport.marketplace.requirements import missing_message


def _principal() -> Any:
    return SimpleNamespace(arn="arn:aws:iam::111122223333:role/Partner")


def test_one_missing_permission_is_singular() -> None:
    message = missing_message(_principal(), ["iam:PassRole"])
    assert message == "arn:aws:iam::111122223333:role/Partner lacks 1 permission: iam:PassRole"


def test_two_missing_permissions_are_plural() -> None:
    assert "lacks 2 permissions: a; b" in missing_message(_principal(), ["a", "b"])

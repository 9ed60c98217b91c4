"""Receivers connected in SupportConfig.ready."""

from __future__ import annotations

from typing import Any

from allyport.support.services import take_lockout_contact


def lockout_contact_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """A new locked-out contact message opens its case in the same transaction."""
    if created and not kwargs.get("raw"):
        take_lockout_contact(instance)

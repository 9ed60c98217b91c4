"""The word a destructive action asks for, as the guide asks: the form and the
services check the same word."""

from __future__ import annotations

from django.utils.translation import gettext as _

from allyport.core.errors import ChangeRefused

CONFIRM_WORD = "confirm"


def require_confirm(confirm: str) -> None:
    if (confirm or "").strip() != CONFIRM_WORD:
        raise ChangeRefused(_('Type "confirm" to continue.'), field="confirm")

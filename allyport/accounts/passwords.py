"""The guide's password policy, each failed rule named."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SYMBOLS = "!@#$%^_=+:."
MIN_LENGTH = 8


def failed_rules(password: str) -> list[str]:
    rules = [
        (len(password) >= MIN_LENGTH, _("Use at least 8 characters.")),
        (any(c.isupper() for c in password), _("Include an upper-case letter.")),
        (any(c.islower() for c in password), _("Include a lower-case letter.")),
        (any(c.isdigit() for c in password), _("Include a number.")),
        (
            any(c in SYMBOLS for c in password),
            _("Include a symbol from ! @ # $ % ^ _ = + : ."),
        ),
    ]
    return [message for ok, message in rules if not ok]


class GuidePasswordValidator:
    def validate(self, password: str, user: Any = None) -> None:
        problems = failed_rules(password)
        if problems:
            raise ValidationError(
                [ValidationError(message, code="password_policy") for message in problems]
            )

    def get_help_text(self) -> str:
        return _(
            "At least 8 characters, with an upper-case and a lower-case letter, "
            "a number, and a symbol from ! @ # $ % ^ _ = + : ."
        )

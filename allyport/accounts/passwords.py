"""The password policy: the guide's character rules, each failed rule named, and a
strength estimate that refuses common and easily guessed passwords."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from zxcvbn import zxcvbn

SYMBOLS = "!@#$%^_=+:."
MIN_LENGTH = 8
# zxcvbn's scores run 0-4; 3 is "safely unguessable" (about 10^8 guesses and more), which
# refuses Passw0rd!, Qwerty1!, Welcome1! and Summer2024! while Demo!Pass1 passes.
MIN_STRENGTH = 3
# zxcvbn is slow on long inputs and gains nothing from them.
_ESTIMATED_LENGTH = 100

HELP_TEXT = gettext_lazy(
    "At least 8 characters, with an upper-case and a lower-case letter, a number, "
    "and a symbol from ! @ # $ % ^ _ = + : . It must not be a common or easily guessed "
    "password, and not too similar to your name or email address."
)


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


def _personal_words(user: Any) -> list[str]:
    """What an attacker knows of the person: their address, its parts, their names."""
    if user is None:
        return []
    email = str(getattr(user, "email", "") or "")
    local, _at, domain = email.partition("@")
    names = [str(getattr(user, name, "") or "") for name in ("first_name", "last_name")]
    return [word for word in (email, local, domain.split(".")[0], *names) if word]


class GuessablePasswordValidator:
    """Refuses passwords that zxcvbn (offline, with its lists of common passwords, words
    and keyboard patterns) estimates an attacker would guess quickly."""

    def validate(self, password: str, user: Any = None) -> None:
        estimate = zxcvbn(password[:_ESTIMATED_LENGTH], user_inputs=_personal_words(user))
        if estimate["score"] < MIN_STRENGTH:
            raise ValidationError(
                _(
                    "This password is too easy to guess: it is common or follows a common "
                    "pattern. Add more words or characters that do not follow a pattern."
                ),
                code="password_guessable",
            )

    def get_help_text(self) -> str:
        return _("It must not be a common or easily guessed password.")

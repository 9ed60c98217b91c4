"""The language a person reads: the one they chose (stored on My Profile for members,
accounts/middleware.py), else the one of their session, else English."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

from allyport.core import contributions

# Slot "mail.recipient_language": fn(address) -> language code or None; the accounts
# app answers with the preferred language of the member who has that address.
RECIPIENT_LANGUAGE = "mail.recipient_language"


def supported(code: str | None) -> str | None:
    """`code` as settings.LANGUAGES spells it, or None when Allyport has no such language."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code.lower())
    except LookupError:
        return None


def current() -> str:
    return supported(translation.get_language()) or settings.LANGUAGE_CODE


def for_address(address: str) -> str:
    """The language of a message to `address`: its member's choice, else the language
    in use now (a visitor registering in Japanese gets the code in Japanese)."""
    for answer in contributions.contributed(RECIPIENT_LANGUAGE):
        code = supported(answer(address))
        if code:
            return code
    return current()


@contextmanager
def speaking_to(address: str) -> Iterator[str]:
    """Render what is inside in the language of the person at `address`."""
    language = for_address(address)
    with translation.override(language):
        yield language

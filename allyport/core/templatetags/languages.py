"""Template filters for words that come from data: the access model's stage and path
names (their msgids are in access/menu_strings.py)."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def translated(words: Iterable[str] | str | None) -> list[str] | str:
    """`{{ actor.paths|translated|join:", " }}`: each word in the active language,
    in alphabetical order of the English (a set has none of its own)."""
    if words is None:
        return ""
    if isinstance(words, str):
        return gettext(words)
    return [gettext(word) for word in sorted(words)]

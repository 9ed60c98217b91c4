"""Links in plain-text mail, for the development mailbox: escaped text in which web
addresses (http and https only) become links."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Stops at white space, quotes and angle brackets; punctuation that ends a sentence
# after an address is not part of it.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]"


@register.filter
def web_links(text: str) -> SafeString:
    """Escape `text` and make each http(s) address in it a link; other schemes
    (javascript:, data:, mailto:) stay text."""
    parts: list[str] = []
    position = 0
    for match in WEB_ADDRESS.finditer(text):
        address = match.group(0).rstrip(TRAILING)
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html('<a href="{0}" rel="noreferrer">{0}</a>', address))
        position = match.start() + len(address)
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from allyport.core import mail_retry


@lru_cache(maxsize=64)
def _language_options(current: str) -> str:
    context = {"languages": settings.LANGUAGES, "current": current}
    return render_to_string("core/_language_options.html", context)


def language_menu(request: HttpRequest) -> dict[str, SafeString]:
    """The Language menu's choices, rendered once per current language; they submit
    the page's one language form (its CSRF token and return address stay per request)."""
    html = _language_options(translation.get_language() or settings.LANGUAGE_CODE)
    return {"language_menu_html": mark_safe(html)}  # noqa: S308 - our own template


def mail_delay(request: HttpRequest) -> dict[str, object]:
    """`mail_delayed`, asked only by the pages where people wait for a code (a
    template calls the function when it reads the name)."""
    return {"mail_delayed": mail_retry.delayed}

"""Members' language: stored on My Profile, applied on every page once they sign in,
to emails sent to them, and changed by the Language menu."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from allyport.accounts.models import User
from allyport.core import languages


def recipient_language(address: str) -> str | None:
    """The "mail.recipient_language" slot: the language of the member at `address`."""
    return (
        User.objects.filter(email__iexact=address, is_active=True)
        .values_list("preferred_language", flat=True)
        .first()
    )


class PreferredLanguageMiddleware:
    """A signed-in member reads the language stored on My Profile, whatever the browser
    says; the language cookie follows, so pages after signing out stay in it. Runs
    after AuthenticationMiddleware (LocaleMiddleware has chosen for visitors)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = _stored(request)
        if chosen:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen  # type: ignore[attr-defined]
        response = self.get_response(request)
        # Read again: the request may have been the sign-in itself.
        chosen = _stored(request)
        cookie = settings.LANGUAGE_COOKIE_NAME
        # The Language menu's own answer sets the cookie to the new choice: keep it.
        if chosen and cookie not in response.cookies and request.COOKIES.get(cookie) != chosen:
            response.set_cookie(
                cookie,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


def _stored(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return languages.supported(getattr(user, "preferred_language", None))

"""The Language menu: the session's language, and My Profile's for a signed-in member."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as session_language

from allyport.accounts.services.profile import remember_language
from allyport.core import languages


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    response = session_language(request)
    code = languages.supported(request.POST.get("language"))
    actor = getattr(request, "actor", None)
    if code and actor is not None and actor.user is not None:
        remember_language(actor, code)
    return response

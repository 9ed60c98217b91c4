"""The WSGI handler the portal is served by: Django's, with its paths' resolutions
kept.

Django resolves a request's path by trying the URLconf's patterns in order, which for
a page behind several includes (My Company's pages) took 25–37 µs of every request.
A path resolves the same way each time for one URLconf (and language, should a route
ever be translated), so the resolution of each recent path is kept, least recently
used dropped first, per resolver: Django makes a new resolver whenever the URLconf may
have changed (clear_url_caches), and that starts with nothing kept. A path that
resolves to nothing is not kept. Each request gets its own copy of the match, so
nothing a request does to it reaches another.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.core.handlers.wsgi import WSGIHandler as DjangoWSGIHandler
from django.http import HttpRequest
from django.urls import URLResolver, get_resolver, set_urlconf
from django.urls.resolvers import ResolverMatch
from django.utils.translation import get_language

KEPT_PATHS = 4096  # per process: the portal's pages and the records recently opened


class WSGIHandler(DjangoWSGIHandler):
    def resolve_request(self, request: HttpRequest) -> ResolverMatch:
        if hasattr(request, "urlconf"):  # a middleware chose another URLconf: as Django
            set_urlconf(request.urlconf)
            resolver = get_resolver(request.urlconf)
        else:
            resolver = get_resolver()
        kept = _kept_resolve(resolver)(request.path_info, get_language())
        # A copy, as Django's resolve would make (ResolverMatch refuses copy.copy).
        match = ResolverMatch.__new__(ResolverMatch)
        match.__dict__.update(kept.__dict__)
        match.kwargs = dict(kept.kwargs)
        for name in ("captured_kwargs", "extra_kwargs"):  # not in Django's type stubs
            setattr(match, name, dict(getattr(kept, name)))
        request.resolver_match = match
        return match


def _kept_resolve(resolver: URLResolver) -> Any:
    """The resolver's `resolve(path, language)`, with the resolutions of recent paths
    kept (the language is only part of the key: Django's resolve reads the active one)."""
    kept = resolver.__dict__.get("_allyport_kept_resolve")
    if kept is None:

        @lru_cache(KEPT_PATHS)
        def kept(path: str, language: str | None) -> ResolverMatch:
            return resolver.resolve(path)

        resolver.__dict__["_allyport_kept_resolve"] = kept
    return kept

"""Rendered page fragments kept in the shared cache, and the generations that decide
when one is stale.

A generation is a number in the cache that moves on whenever what it stands for
changes (`changed`). A fragment is stored with the generations it was rendered
under, in one entry; reading it reads those generations in the same round trip
(`lookup`), and it is used only if every one still holds. So a fragment can never
outlive a change it depends on, and it costs one cache round trip to use. Its key
names whose view it is (member, language, rights), so nobody is shown another's.

Generations are time stamps in nanoseconds, not counters: one evicted from the cache
comes back as a new value, never as an old one that stored fragments could match.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string

TTL = 60  # seconds: fragments that show time-bound content (upcoming events) expire


def generation_key(scope: str, ident: object) -> str:
    return f"generation:{scope}:{ident}"


def _bump(keys: Sequence[str]) -> None:
    stamp = time.time_ns()
    cache.set_many(dict.fromkeys(keys, stamp), None)


def changed(scope: str, *idents: object) -> None:
    """What `scope` and `idents` name changed: fragments rendered under its generation
    are stale. Moved on now (this request's next read) and again after commit (a read
    that raced the transaction stored the old content under the new generation)."""
    keys = [generation_key(scope, ident) for ident in idents if ident is not None]
    if not keys:
        return
    _bump(keys)
    transaction.on_commit(lambda: _bump(keys))


@dataclass(frozen=True)
class Fragment:
    """Where a fragment is kept (`key`) and the cache entries it depends on
    (`versions`: generation keys, or any other mark whose value must not change)."""

    key: str
    versions: tuple[str, ...]


@dataclass
class Lookup:
    fragment: Fragment
    html: str | None  # the stored fragment, if every version still holds
    values: dict[str, Any]  # what the versions (and any extra keys asked) read now

    def store(self, html: str, ttl: int = TTL) -> None:
        """Keep `html`, rendered after this lookup, under the versions it read. Not kept
        when a version was unset: it could be set later to a value nobody rendered under."""
        versions = [self.values.get(key) for key in self.fragment.versions]
        if any(value is None for value in versions):
            return
        cache.set(self.fragment.key, (versions, html), ttl)


def lookup(fragment: Fragment, extra: Iterable[str] = ()) -> Lookup:
    """The fragment and its versions in one round trip; unset generations are started,
    so the fragment rendered now can be kept. `extra` keys are read along."""
    extra = list(extra)
    found = cache.get_many([fragment.key, *fragment.versions, *extra])
    values = {key: found.get(key) for key in (*fragment.versions, *extra)}
    unset = [
        key for key in fragment.versions if key.startswith("generation:") and values[key] is None
    ]
    if unset:
        stamp = time.time_ns()
        for key in unset:  # add: a concurrent first reader's stamp is kept, not replaced
            cache.add(key, stamp, None)
        values.update(cache.get_many(unset))
    stored = found.get(fragment.key)
    html = None
    if stored is not None and not unset:
        versions, body = stored
        if versions == [values[key] for key in fragment.versions]:
            html = body
    return Lookup(fragment, html, values)


# Stands in for the CSRF token in kept pages: never a real token (those are letters
# and digits only), put back per request by `kept_page`.
CSRF_HOLE = "__allyport_csrf_hole__"


def kept_page(
    request: HttpRequest,
    fragment: Fragment,
    template: str,
    context: Callable[[], dict[str, Any]],
    *,
    by_query: bool = False,
) -> HttpResponse:
    """A whole page kept rendered, with this request's CSRF token put in its holes on
    each view, so a view of it renders nothing. Drawn as usual when the request has
    messages to show (they are shown once), or a query string unless `by_query` (the
    page then keeps one copy per query string, for filters and searches)."""
    if (request.GET and not by_query) or len(messages.get_messages(request)):
        return render(request, template, context())
    if request.GET:
        query = hashlib.blake2b(request.GET.urlencode().encode(), digest_size=8).hexdigest()
        fragment = Fragment(f"{fragment.key}:q:{query}", fragment.versions)
    found = lookup(fragment)
    html = found.html
    if html is None:
        html = render_to_string(template, {**context(), "csrf_token": CSRF_HOLE}, request=request)
        found.store(html)
    if CSRF_HOLE not in html:  # a page without forms (public ones) sets no CSRF cookie
        return HttpResponse(html)
    return HttpResponse(html.replace(CSRF_HOLE, get_token(request)))

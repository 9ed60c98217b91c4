"""Rendered page fragments kept, and used only while the generations they were
rendered under hold (core.generations).

A fragment is kept with the stamps of its generations, in this process's memory
and in the shared cache. A view reads the generations (already read with the
signed-in member's session, so no round trip), then the fragment from memory (a
copy of the shared cache's, taken on the first view in this process), and uses it
only if every stamp still matches. So a fragment can never outlive a change it
depends on, whichever process made the change. Its key names whose view it is
(member, language, rights), so nobody is shown another's.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string

from allyport.core import generations

TTL = 60  # seconds: fragments that show time-bound content (upcoming events) expire
MEMORY_BUDGET = 32 * 1024 * 1024  # characters of fragments one process keeps in memory

generation_key = generations.key
changed = generations.changed

Kept = tuple[tuple[int, ...], str, float]  # stamps, fragment, expiry (time.time())


class _Memory:
    """This process's copies of kept fragments, the least recently used dropped first
    once they pass the budget."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.entries: OrderedDict[str, Kept] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str) -> Kept | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Kept) -> None:
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[1])
            self.entries[key] = entry
            self.size += len(entry[1])
            while self.size > self.budget and self.entries:
                self.size -= len(self.entries.popitem(last=False)[1][1])

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


_memory = _Memory(MEMORY_BUDGET)


def forget_kept() -> None:
    """This process's copies are dropped (the shared cache's stay)."""
    _memory.clear()


def forget_all() -> None:
    """Tests: this process keeps nothing and has read no generation."""
    _memory.clear()
    generations.forget_all()


@dataclass(frozen=True)
class Fragment:
    """Where a fragment is kept (`key`) and the generation keys it depends on."""

    key: str
    versions: tuple[str, ...]


@dataclass
class Lookup:
    fragment: Fragment
    html: str | None  # the kept fragment, if every generation still holds
    values: dict[str, int]  # the generations' stamps now

    @property
    def stamps(self) -> tuple[int, ...]:
        return tuple(self.values[key] for key in self.fragment.versions)

    def store(self, html: str, ttl: int = TTL) -> None:
        """Keep `html`, rendered after this lookup, under the stamps it read."""
        entry: Kept = (self.stamps, html, time.time() + ttl)
        _memory.put(self.fragment.key, entry)
        cache.set(self.fragment.key, entry, ttl)


def _usable(entry: Any, stamps: tuple[int, ...]) -> str | None:
    if not isinstance(entry, tuple) or len(entry) != 3:
        return None  # nothing kept (or kept in an older form)
    kept_stamps, html, expires = entry
    return html if kept_stamps == stamps and expires > time.time() else None


def lookup(fragment: Fragment) -> Lookup:
    """The fragment, if it is kept under its generations' stamps now: from memory, or
    from the shared cache (one round trip, then kept in memory too)."""
    found = Lookup(fragment, None, generations.current(fragment.versions))
    stamps = found.stamps
    found.html = _usable(_memory.get(fragment.key), stamps)
    if found.html is None:
        shared = cache.get(fragment.key)
        found.html = _usable(shared, stamps)
        if found.html is not None:
            _memory.put(fragment.key, shared)
    return found


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
    found = lookup(_for_query(request, fragment))
    html = found.html
    if html is None:
        html = render_to_string(template, {**context(), "csrf_token": CSRF_HOLE}, request=request)
        found.store(html)
    return _filled(request, html)


def kept_copy(request: HttpRequest, fragment: Fragment) -> HttpResponse | None:
    """The copy `kept_page(..., by_query=True)` keeps for this request's query string,
    if one is kept now; None otherwise (and when the request has messages to show).
    For a view that checks its query string before it draws a page: a copy is kept
    only once a query passed, so a kept one needs no second check."""
    if len(messages.get_messages(request)):
        return None
    html = lookup(_for_query(request, fragment)).html
    return None if html is None else _filled(request, html)


def _for_query(request: HttpRequest, fragment: Fragment) -> Fragment:
    """One copy per query string (filters, searches, page cursors)."""
    if not request.GET:
        return fragment
    query = hashlib.blake2b(request.GET.urlencode().encode(), digest_size=8).hexdigest()
    return Fragment(f"{fragment.key}:q:{query}", fragment.versions)


def _filled(request: HttpRequest, html: str) -> HttpResponse:
    if CSRF_HOLE not in html:  # a page without forms (public ones) sets no CSRF cookie
        return HttpResponse(html)
    return HttpResponse(html.replace(CSRF_HOLE, get_token(request)))

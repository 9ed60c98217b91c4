"""The root URLconf tries includes with a prefix before those without one (each of
those is entered and all its patterns tried), and the unprefixed ones busiest first.
Moving them changes no answer only while no route of an unprefixed include could
also match under a prefix, and none of their routes matches another's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.urls import Resolver404, URLResolver, get_resolver, resolve

# Routes of an unprefixed include that sit under a prefix on purpose, and must keep
# coming first (allauth's sign-in for the admin site, with the portal's MFA).
SHADOWING = {"staff/admin/login/", "staff/admin/login/code/"}


def _routes(resolver: URLResolver, base: str = "") -> Iterator[str]:
    for pattern in resolver.url_patterns:
        route = base + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern, route)
        else:
            yield route


def test_no_unprefixed_route_falls_under_a_prefix() -> None:
    root = get_resolver().url_patterns
    prefixes = [str(p.pattern) for p in root if str(p.pattern)]
    unprefixed = [p for p in root if isinstance(p, URLResolver) and not str(p.pattern)]
    assert unprefixed  # the rule below has something to check
    clashes = {
        route
        for include in unprefixed
        for route in _routes(include)
        if route.startswith(("<", "^"))  # a converter first could match any prefix
        or any(route.startswith(prefix) or prefix.startswith(route) for prefix in prefixes)
    }
    assert clashes == SHADOWING


def test_the_shadowing_routes_still_come_first() -> None:
    assert resolve("/staff/admin/login/").url_name == "staff_login"
    assert resolve("/tasks/").namespace == "worklist"
    assert resolve("/company/profile/").url_name is not None


# A value for each path converter, to make a path a route matches.
SAMPLES = {"int": "7", "slug": "a-b", "str": "abc", "path": "a/b",
           "uuid": "6a3f0c52-2b1e-4e57-9f0e-7d1c2a9b8e41"}  # fmt: skip


def _sample(route: str) -> str:
    return re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLES[m.group(1) or "str"], route)


def test_no_unprefixed_include_answers_anothers_paths() -> None:
    """Their order among themselves is free: a path of one is resolved by no other."""
    root = get_resolver().url_patterns
    unprefixed = [p for p in root if isinstance(p, URLResolver) and not str(p.pattern)]
    overlaps = []
    for include in unprefixed:
        for route in _routes(include):
            include.resolve(_sample(route))  # the sample is a path of its own route
        for other in unprefixed:
            for route in _routes(include) if other is not include else ():
                try:
                    other.resolve(_sample(route))
                except Resolver404:
                    continue
                overlaps.append((route, other.urlconf_name))
    assert overlaps == []

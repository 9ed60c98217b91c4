"""The root URLconf tries includes with a prefix before those without one (each of
those is entered and all its patterns tried). Moving them changes no answer only
while no route of an unprefixed include could also match under a prefix."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import URLResolver, get_resolver, resolve

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

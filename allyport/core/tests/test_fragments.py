"""Kept fragments are used only while every generation they were rendered under holds."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction

from allyport.core import fragments

FRAGMENT = fragments.Fragment(
    key="test:fragment",
    versions=(fragments.generation_key("thing", 1), "test:mark"),
)


def _render(html: str) -> str | None:
    """One page view: the kept fragment, or `html` rendered now and kept."""
    found = fragments.lookup(FRAGMENT)
    if found.html is not None:
        return found.html
    found.store(html)
    return None


@pytest.mark.django_db
def test_a_kept_fragment_is_used_until_its_generation_moves_on() -> None:
    cache.set("test:mark", True)
    assert _render("first") is None
    assert _render("second") == "first"
    fragments.changed("thing", 1)
    assert _render("third") is None
    assert _render("fourth") == "third"


@pytest.mark.django_db
def test_another_scope_or_id_does_not_touch_it() -> None:
    cache.set("test:mark", True)
    _render("first")
    fragments.changed("thing", 2)
    fragments.changed("other", 1)
    assert _render("second") == "first"


def test_a_changed_mark_makes_it_stale() -> None:
    cache.set("test:mark", True)
    _render("first")
    cache.set("test:mark", "later")
    assert _render("second") is None


def test_nothing_is_kept_while_a_mark_is_unset() -> None:
    """It could be set later to a value the fragment was never rendered under."""
    assert _render("first") is None
    assert cache.get(FRAGMENT.key) is None


def test_an_evicted_generation_comes_back_as_a_new_value() -> None:
    cache.set("test:mark", True)
    _render("first")
    cache.delete(fragments.generation_key("thing", 1))
    assert _render("second") is None


@pytest.mark.django_db(transaction=True)
def test_it_moves_on_again_after_commit() -> None:
    """A reader between the change and its commit kept the old content under the
    generation of the change: the commit moves it on once more."""
    cache.set("test:mark", True)
    with transaction.atomic():
        fragments.changed("thing", 1)
        _render("read before commit")
        assert _render("x") == "read before commit"
    assert _render("after commit") is None


@pytest.mark.django_db
def test_a_page_kept_by_query_keeps_one_copy_per_query_string() -> None:
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.base import SessionBase
    from django.test import RequestFactory

    cache.set("test:mark", True)
    drawn: list[str] = []

    def view(query: str) -> str:
        request = RequestFactory().get("/", {"q": query} if query else {})
        request.session = SessionBase()  # type: ignore[attr-defined]
        request._messages = FallbackStorage(request)  # type: ignore[attr-defined]

        def context() -> dict[str, str]:
            drawn.append(query)
            return {"title": query}

        page = fragments.kept_page(
            request, FRAGMENT, "core/tests/kept.html", context, by_query=True
        )
        return page.content.decode()

    assert view("alpha").startswith("<p>alpha</p>")
    assert view("alpha").startswith("<p>alpha</p>")
    assert view("beta").startswith("<p>beta</p>")
    assert fragments.CSRF_HOLE not in view("beta")
    assert drawn == ["alpha", "beta"]  # each query string drawn once, then kept

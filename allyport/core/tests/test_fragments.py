"""Kept fragments are used only while every generation they were rendered under holds."""

from __future__ import annotations

import contextlib
import time

import pytest
from django.db import transaction

from allyport.core import fragments
from allyport.core.models import Generation

FRAGMENT = fragments.Fragment(
    key="test:fragment",
    versions=(fragments.generation_key("thing", 1), fragments.generation_key("other", 0)),
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
    assert _render("first") is None
    assert _render("second") == "first"
    fragments.changed("thing", 1)
    assert _render("third") is None
    assert _render("fourth") == "third"


@pytest.mark.django_db
def test_another_scope_or_id_does_not_touch_it() -> None:
    _render("first")
    fragments.changed("thing", 2)
    fragments.changed("another", 1)
    assert _render("second") == "first"


@pytest.mark.django_db
def test_generations_are_rows_started_on_first_use_with_their_company() -> None:
    _render("first")
    rows = dict(Generation.objects.values_list("key", "company_id"))
    assert rows == {"generation:thing:1": 1, "generation:other:0": None}


@pytest.mark.django_db
def test_a_change_committed_by_another_process_makes_this_process_copy_stale() -> None:
    """Another process moved the generation on in the database: the copy this
    process keeps in memory is not used, and neither is the shared cache's."""
    _render("first")
    assert _render("kept") == "first"
    Generation.objects.filter(key="generation:thing:1").update(stamp=time.time_ns())
    assert _render("after the other process's change") is None


@pytest.mark.django_db
def test_a_copy_from_the_shared_cache_serves_a_new_process() -> None:
    _render("first")
    fragments.forget_kept()  # a process that has not seen it
    assert _render("second") == "first"


def test_memory_keeps_the_most_recently_used_within_its_budget() -> None:
    memory = fragments._Memory(budget=10)
    for key in ("a", "b", "c"):
        memory.put(key, ((1,), "four", 0.0))
    assert memory.get("a") is None  # 12 characters: the oldest went
    assert memory.get("b") is not None
    memory.put("d", ((1,), "four", 0.0))
    assert memory.get("c") is None and memory.get("b") is not None


@pytest.mark.django_db(transaction=True)
def test_it_moves_on_again_after_commit() -> None:
    """A reader between the change and its commit kept the old content under the
    generation of the change: the commit moves it on once more."""
    with transaction.atomic():
        fragments.changed("thing", 1)
        _render("read before commit")
        assert _render("x") == "read before commit"
    assert _render("after commit") is None
    assert _render("y") == "after commit"


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_writes_nothing() -> None:
    _render("first")
    stamp = Generation.objects.get(key="generation:thing:1").stamp
    with contextlib.suppress(RuntimeError), transaction.atomic():
        fragments.changed("thing", 1)
        raise RuntimeError
    assert Generation.objects.get(key="generation:thing:1").stamp == stamp


@pytest.mark.django_db
def test_a_page_kept_by_query_keeps_one_copy_per_query_string() -> None:
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.base import SessionBase
    from django.test import RequestFactory

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

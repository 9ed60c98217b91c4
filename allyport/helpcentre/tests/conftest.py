from __future__ import annotations

from collections.abc import Iterator

import pytest

from allyport.access.actor import Actor
from allyport.helpcentre import retrieval
from allyport.helpcentre.loading import LoadReport, load


@pytest.fixture
def loaded(db: None) -> Iterator[LoadReport]:
    """The help centre loaded from its files (the in-memory index forgotten around
    the test, since each test's database is rolled back)."""
    retrieval.reset()
    yield load()
    retrieval.reset()


@pytest.fixture
def lead_actor(lead) -> Actor:  # type: ignore[no-untyped-def]
    return Actor.for_member(lead)


@pytest.fixture
def member_actor(member) -> Actor:  # type: ignore[no-untyped-def]
    return Actor.for_member(member)

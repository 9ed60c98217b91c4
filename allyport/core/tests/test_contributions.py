from __future__ import annotations

from allyport.core import contributions


def test_it_returns_what_was_contributed_in_order() -> None:
    def first(company: str) -> list[str]:
        return [f"a-{company}"]

    def second(company: str) -> list[str]:
        return [f"b-{company}"]

    contributions.contribute("test.slot", first, name="first")
    contributions.contribute("test.slot", second, name="second")
    try:
        rows = [row for fn in contributions.contributed("test.slot") for row in fn("x")]
        assert rows == ["a-x", "b-x"]
    finally:
        contributions.withdraw("test.slot", "first")
        contributions.withdraw("test.slot", "second")
    assert contributions.contributed("test.slot") == ()


def test_contributing_a_name_again_replaces_it() -> None:
    contributions.contribute("test.again", lambda: 1, name="one")
    contributions.contribute("test.again", lambda: 2, name="one")
    try:
        assert [fn() for fn in contributions.contributed("test.again")] == [2]
    finally:
        contributions.withdraw("test.again", "one")


def test_an_unknown_slot_is_empty() -> None:
    assert contributions.contributed("test.nobody-fills-this") == ()

"""The kinds of record the index holds, and who may see each.

A kind names its model, how one row becomes a document, the menu item a member
needs to see that kind at all (the page its results open), and whether the member
sees only the rows they own (ACE users see their own opportunities). Each domain's
kinds are declared in `allyport/search/sources/`; the search app sits above the
domains, so it reads their models and public selectors directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.utils.functional import Promise

from allyport.access.actor import Actor
from allyport.access.decisions import authorize


@dataclass(frozen=True)
class Document:
    key: str
    company_id: int | None  # None: enablement content every member sees
    title: str
    url: str
    detail: str = ""
    body: str = ""
    owner_id: int | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    label: Promise
    # None for the enablement content other apps contribute ("search.documents"),
    # which the maintenance sweep indexes again (sources/contributed.py).
    model: type[Model] | None
    # The row as a document, or None when it is not to be found (a draft, a deleted one).
    document: Callable[[Any], Document | None]
    # Every row, for the rebuild (select_related as the document needs).
    rows: Callable[[], Iterable[Any]]
    # The menu item a member needs ("Sell/Opportunity Management"); None: every member.
    menu: str | None = None
    # True when this actor sees only the rows it owns.
    owned_only: Callable[[Actor], bool] | None = None
    # The row's key in the index (its public id), also for a row being deleted.
    key: Callable[[Any], str] = lambda row: str(row.public_id)

    def visible_to(self, actor: Actor) -> bool:
        return self.menu is None or bool(authorize(actor, "menu:" + self.menu))

    def restricted_for(self, actor: Actor) -> bool:
        return self.owned_only is not None and self.owned_only(actor)


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _kinds[kind.name] = kind


def all_kinds() -> tuple[Kind, ...]:
    return tuple(_kinds.values())


def get(name: str) -> Kind | None:
    return _kinds.get(name)


def for_model(model: type[Model]) -> tuple[Kind, ...]:
    """The kinds kept current by `model`'s saves and deletes."""
    return tuple(kind for kind in _kinds.values() if kind.model is model)

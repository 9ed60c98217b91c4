"""Reading the index for a member: only the kinds their roles may see, only their
company's rows and the shared content, only their own rows where they see only
their own."""

from __future__ import annotations

from dataclasses import dataclass

from allyport.access.actor import Actor
from allyport.search import kinds, present
from allyport.search.backends import Hit, Scope, match, match_kinds

PER_KIND = 5
PAGE = 20


@dataclass(frozen=True)
class KindResults:
    kind: kinds.Kind
    hits: list[Hit]
    more: bool


def visible_kinds(actor: Actor) -> list[kinds.Kind]:
    return [kind for kind in kinds.all_kinds() if kind.visible_to(actor)]


def scope_for(actor: Actor, kind: kinds.Kind) -> Scope:
    assert actor.company is not None  # a member (the page requires one)
    owner = actor.user.pk if kind.restricted_for(actor) and actor.user is not None else None
    return Scope(kind=kind.name, company_id=actor.company.pk, owner_id=owner)


def search(actor: Actor, text: str, chosen: list[kinds.Kind]) -> list[KindResults]:
    """At most PER_KIND hits of each chosen kind (the caller checked visibility);
    kinds without any entry the member's company could find are not looked in."""
    assert actor.company is not None  # a member (the page requires one)
    with_entries = present.kinds_with_entries(actor.company.pk)
    scopes = [scope_for(actor, kind) for kind in chosen if kind.name in with_entries]
    hits = match_kinds(text, scopes, per_kind=PER_KIND + 1)
    results = []
    for kind in chosen:
        of_kind = [hit for hit in hits if hit.kind == kind.name]
        if of_kind:
            results.append(KindResults(kind, of_kind[:PER_KIND], len(of_kind) > PER_KIND))
    return results


def search_kind(actor: Actor, text: str, kind: kinds.Kind, page: int) -> tuple[list[Hit], bool]:
    """One page of one kind's hits, and whether there is a next page."""
    hits = match(text, scope_for(actor, kind), limit=PAGE + 1, offset=(page - 1) * PAGE)
    return hits[:PAGE], len(hits) > PAGE

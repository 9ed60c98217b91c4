"""Ranking passages for a question, offline: BM25 (`rank_bm25`) over the passages'
stemmed words, kept in memory per process and rebuilt when the passages' generation
(`IndexState`, bumped in every transaction that changes passages) moves on; then
the votes given on answers to similar questions move passages up or down."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from rank_bm25 import BM25Okapi

from allyport.helpcentre import text
from allyport.helpcentre.models import IndexState, Passage, Vote

# A passage's title and heading say what it is about: they count three times.
TITLE_WEIGHT = 3
# How far one vote on a passage moves it, scaled by how alike the questions are.
VOTE_WEIGHT = 0.15
SIMILAR_QUESTIONS = 0.5  # Jaccard similarity of the terms from which a vote counts


@dataclass(frozen=True)
class Hit:
    passage_id: int
    score: float
    coverage: float  # the share of the question's terms the passage contains


@dataclass
class _Index:
    generation: int
    ids: list[int]
    company_ids: list[int | None]
    term_sets: list[frozenset[str]]
    bm25: BM25Okapi | None


_lock = threading.Lock()
_index: _Index | None = None


def generation() -> int:
    state = IndexState.objects.filter(pk=1).values_list("generation", flat=True).first()
    return int(state or 0)


def bump() -> None:
    """Mark the passages changed (call inside the changing transaction)."""
    from django.db.models import F

    if not IndexState.objects.filter(pk=1).update(generation=F("generation") + 1):
        IndexState.objects.get_or_create(pk=1, defaults={"generation": 1})


def document_terms(passage: Passage) -> list[str]:
    head = f"{passage.title} {passage.heading} {passage.keywords}"
    return text.terms(head) * TITLE_WEIGHT + text.terms(passage.body)


def _build(current: int) -> _Index:
    ids: list[int] = []
    company_ids: list[int | None] = []
    corpus: list[list[str]] = []
    for passage in Passage.objects.order_by("id").iterator():
        ids.append(passage.pk)
        company_ids.append(passage.company_id)
        corpus.append(document_terms(passage) or ["-"])
    bm25 = BM25Okapi(corpus) if corpus else None
    return _Index(current, ids, company_ids, [frozenset(c) for c in corpus], bm25)


def index() -> _Index:
    global _index
    current = generation()
    with _lock:
        if _index is None or _index.generation != current:
            _index = _build(current)
        return _index


def reset() -> None:
    """Forget the in-memory index (tests that roll back the passages)."""
    global _index
    with _lock:
        _index = None


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _vote_shift(candidates: list[int], question: frozenset[str]) -> dict[int, float]:
    shift: dict[int, float] = {}
    votes = Vote.objects.filter(passage_id__in=candidates).values_list(
        "passage_id", "terms", "helpful"
    )
    for passage_id, terms, helpful in votes:
        similarity = _similarity(question, frozenset(terms.split()))
        if similarity >= SIMILAR_QUESTIONS:
            sign = 1.0 if helpful else -1.0
            shift[passage_id] = shift.get(passage_id, 0.0) + sign * VOTE_WEIGHT * similarity
    return shift


def search(question: str, company_id: int | None, limit: int = 5) -> list[Hit]:
    """The best passages for the question that the company may see (its own and the
    shared ones), best first."""
    found = index()
    query = text.terms(question)
    if not query or found.bm25 is None:
        return []
    scores = found.bm25.get_scores(query)
    distinct = set(query)
    ranked = sorted(range(len(found.ids)), key=lambda i: -scores[i])
    hits: list[tuple[int, float, float]] = []
    for i in ranked:
        if scores[i] <= 0 or len(hits) >= limit * 3:
            break
        if found.company_ids[i] not in (None, company_id):
            continue
        coverage = len(distinct & found.term_sets[i]) / len(distinct)
        hits.append((found.ids[i], float(scores[i]), coverage))
    if not hits:
        return []
    top = hits[0][1]
    shift = _vote_shift([h[0] for h in hits], frozenset(query))
    rescored = [
        Hit(pid, score * (1.0 + shift.get(pid, 0.0)) if top else score, coverage)
        for pid, score, coverage in hits
    ]
    rescored.sort(key=lambda h: -h.score)
    return rescored[:limit]

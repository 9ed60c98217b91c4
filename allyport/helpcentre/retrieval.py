"""Ranking passages for a question, offline: BM25 (`rank_bm25`) over the passages'
stemmed words, kept in memory per process and rebuilt when the passages' generation
(`IndexState`, bumped in every transaction that changes passages) moves on; then
the votes given on answers to similar questions move passages up or down."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from rank_bm25 import BM25Okapi

from allyport.helpcentre import text
from allyport.helpcentre.models import IndexState, Passage, Vote

# A passage's page title and heading say what it is about: they count twice; the
# page's keywords (the words partners use for it) once.
TITLE_WEIGHT = 2
HEADING_WEIGHT = 3
# A passage's final score mixes its own rank with its page's (title, keywords and
# every section): the page says what the question is about, the passage where.
PAGE_SHARE = 0.5
# "How do I…" questions want the passage with the steps.
STEPS_BOOST = 1.25
HOW_TO = re.compile(r"^\s*(?:how\s+(?:do|can|should|would)\s+(?:i|we)|how\s+to)\b", re.I)
STEPS = re.compile(r"^\s*1\.\s", re.M)
# "What is…" questions want the page's opening section.
DEFINITION_BOOST = 1.1
DEFINITION = re.compile(r"^\s*what\s+(?:is|are)\b", re.I)
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
    steps: list[bool]
    first: list[bool]  # the first section of its page
    bm25: BM25Okapi | None
    pages: list[int]  # each passage's page, an index into page_bm25's corpus
    page_bm25: BM25Okapi | None

    def weight(self, term: str) -> float:
        """How telling a term is (its BM25 idf; unknown terms weigh like rare ones)."""
        if self.bm25 is None:
            return 1.0
        return max(float(self.bm25.idf.get(term, self.unknown)), 0.05)

    @property
    def unknown(self) -> float:
        """A word no passage has weighs like a middling one: it lowers the coverage
        without vetoing a passage that has the question's other words."""
        if not self.bm25 or not self.bm25.idf:
            return 1.0
        values = sorted(self.bm25.idf.values())
        return float(values[len(values) // 2])


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
    return (
        text.terms(passage.title) * TITLE_WEIGHT
        + text.terms(passage.heading) * HEADING_WEIGHT
        + text.terms(passage.keywords)
        + text.terms(passage.body)
    )


def page_of(passage: Passage) -> str:
    return passage.url.split("#", 1)[0] or passage.key


def _build(current: int) -> _Index:
    ids: list[int] = []
    company_ids: list[int | None] = []
    corpus: list[list[str]] = []
    steps: list[bool] = []
    pages: list[int] = []
    first: list[bool] = []
    page_index: dict[str, int] = {}
    page_corpus: list[list[str]] = []
    for passage in Passage.objects.order_by("id").iterator():
        ids.append(passage.pk)
        company_ids.append(passage.company_id)
        terms = document_terms(passage) or ["-"]
        corpus.append(terms)
        steps.append(bool(STEPS.search(passage.body)))
        page = page_of(passage)
        if page not in page_index:
            page_corpus.append(
                text.terms(passage.title) * TITLE_WEIGHT + text.terms(passage.keywords)
            )
        first.append(passage.position == 0)
        pages.append(page_index.setdefault(page, len(page_corpus) - 1))
        page_corpus[page_index[page]].extend(text.terms(f"{passage.heading} {passage.body}"))
    bm25 = BM25Okapi(corpus) if corpus else None
    page_bm25 = BM25Okapi(page_corpus) if page_corpus else None
    return _Index(
        current,
        ids,
        company_ids,
        [frozenset(c) for c in corpus],
        steps,
        first,
        bm25,
        pages,
        page_bm25,
    )


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


def _mixed(found: _Index, query: list[str]) -> list[float]:
    assert found.bm25 is not None and found.page_bm25 is not None
    own = found.bm25.get_scores(query)
    page = found.page_bm25.get_scores(query)
    own_top = max(float(max(own)), 1e-9)
    page_top = max(float(max(page)), 1e-9)
    return [
        (1 - PAGE_SHARE) * float(own[i]) / own_top
        + PAGE_SHARE * max(float(page[found.pages[i]]), 0.0) / page_top
        if own[i] > 0
        else 0.0
        for i in range(len(found.ids))
    ]


def search(question: str, company_id: int | None, limit: int = 5) -> list[Hit]:
    """The best passages for the question that the company may see (its own and the
    shared ones), best first."""
    found = index()
    query = text.terms(question)
    if not query or found.bm25 is None:
        return []
    scores = _mixed(found, query)
    if HOW_TO.search(question):
        scores = [s * STEPS_BOOST if has else s for s, has in zip(scores, found.steps, strict=True)]
    if DEFINITION.search(question):
        scores = [
            s * DEFINITION_BOOST if f else s for s, f in zip(scores, found.first, strict=True)
        ]
    distinct = set(query)
    total = sum(found.weight(t) for t in distinct)
    ranked = sorted(range(len(found.ids)), key=lambda i: -scores[i])
    hits: list[tuple[int, float, float]] = []
    for i in ranked:
        if scores[i] <= 0 or len(hits) >= limit * 3:
            break
        if found.company_ids[i] not in (None, company_id):
            continue
        coverage = sum(found.weight(t) for t in distinct & found.term_sets[i]) / total
        hits.append((found.ids[i], float(scores[i]), coverage))
    if not hits:
        return []
    top = hits[0][1]
    shift = _vote_shift([h[0] for h in hits], text.term_set(question))
    rescored = [
        Hit(pid, score * (1.0 + shift.get(pid, 0.0)) if top else score, coverage)
        for pid, score, coverage in hits
    ]
    rescored.sort(key=lambda h: -h.score)
    return rescored[:limit]

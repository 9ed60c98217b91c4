"""Scoring answers against the evaluation set.

A case is answered correctly when the answer is of the expected kind, contains every
required fact (case-insensitive), cites at least one of the expected sources (a page
matches any of its anchors), and carries the English-only note when the case asks for
it. Retrieval hits when one of the five best passages is an expected source."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from allyport.access.actor import Actor
from allyport.helpcentre.composing import ranked
from allyport.helpcentre.services.answers import ACTION_DECLINED, Answer, answer

QUESTIONS = Path(__file__).resolve().parent / "questions.yaml"


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    kind: str
    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    persona: str = "member"
    note: bool = False


@dataclass
class Outcome:
    case: Case
    answer: Answer
    latency_ms: float
    retrieved: list[str] = field(default_factory=list)

    @property
    def kind_ok(self) -> bool:
        return self.answer.kind == self.case.kind

    @property
    def missing_facts(self) -> list[str]:
        text = self.answer.text.lower()
        return [fact for fact in self.case.facts if fact.lower() not in text]

    @property
    def source_ok(self) -> bool:
        if not self.case.sources:
            return True
        return any(matches(c.url, s) for c in self.answer.citations for s in self.case.sources)

    @property
    def note_ok(self) -> bool:
        return bool(self.answer.note) == self.case.note

    @property
    def correct(self) -> bool:
        return self.kind_ok and not self.missing_facts and self.source_ok and self.note_ok

    @property
    def hit(self) -> bool:
        return any(matches(url, s) for url in self.retrieved for s in self.case.sources)


def matches(url: str, source: str) -> bool:
    if "#" in source:
        return url == source
    return url.split("#", 1)[0] == source


def load_cases(path: Path = QUESTIONS) -> list[Case]:
    rows: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Case(
            id=str(row["id"]),
            question=str(row["question"]),
            kind=str(row["kind"]),
            facts=tuple(str(f) for f in row.get("facts") or ()),
            sources=tuple(str(s) for s in row.get("sources") or ()),
            persona=str(row.get("as") or "member"),
            note=bool(row.get("note")),
        )
        for row in rows
    ]


def run(cases: list[Case], actors: dict[str, Actor]) -> list[Outcome]:
    outcomes = []
    for case in cases:
        actor = actors[case.persona]
        started = time.perf_counter()
        reply = answer(actor, case.question)
        elapsed = (time.perf_counter() - started) * 1000
        retrieved = [p.url for p, _ in ranked(actor, case.question)] if case.sources else []
        outcomes.append(Outcome(case, reply, elapsed, retrieved))
    return outcomes


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(outcomes: list[Outcome]) -> dict[str, float]:
    with_sources = [o for o in outcomes if o.case.sources]
    acts = [o for o in outcomes if o.case.kind == ACTION_DECLINED]
    latencies = [o.latency_ms for o in outcomes]
    return {
        "cases": len(outcomes),
        "retrieval_hit_rate": sum(o.hit for o in with_sources) / max(1, len(with_sources)),
        "answer_accuracy": sum(o.correct for o in outcomes) / max(1, len(outcomes)),
        "declined_correctly": sum(o.answer.kind == ACTION_DECLINED for o in acts)
        / max(1, len(acts)),
        "p50_ms": statistics.median(latencies) if latencies else 0.0,
        "p95_ms": percentile(latencies, 0.95),
    }


def failures(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if o.correct:
            continue
        cited = ", ".join(c.url for c in o.answer.citations) or "-"
        lines.append(
            f"{o.case.id}: kind {o.answer.kind} (want {o.case.kind}); missing "
            f"{o.missing_facts}; cited {cited}; note {bool(o.answer.note)}"
        )
    return lines

"""A stand-in for the help centre's answers and vote recording (the `helpcentre`
fixture swaps it in), so most of the assistant's tests do not depend on the knowledge
the help centre holds; `test_with_helpcentre.py` asks the real one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from allyport.helpcentre.services.answers import Answer, Citation


@dataclass
class FakeHelpCentre:
    """Answers anything about linking with a cited source; anything else is unanswered."""

    questions: list[str] = field(default_factory=list)
    votes: list[tuple[tuple[int, ...], str, bool]] = field(default_factory=list)

    def answer(self, actor: Any, question: str) -> Answer:
        self.questions.append(question)
        if "link" in question.lower() or "support case" in question.lower():
            return Answer(
                kind="answer",
                text="Choose Link Account on the home page.\n\nSign in as an IAM user.",
                citations=(Citation("Linking accounts", "/support/articles/linking/#steps"),),
                passage_ids=(11, 12),
                note="AWS Partner Assistant supports only English.",
            )
        return Answer("unanswered", "I could not find an answer to that.", (), ())

    def record_vote(self, passage_ids: Any, question: str, helpful: bool) -> None:
        self.votes.append((tuple(passage_ids), question, helpful))

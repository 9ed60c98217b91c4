"""A stand-in for the help centre's interface (answers, votes, masking), so the
assistant's tests do not depend on the knowledge it holds. Installed in
`sys.modules` only when the help centre's modules are missing; the `helpcentre`
fixture swaps the answering in either way."""

from __future__ import annotations

import re
import sys
import types
from dataclasses import dataclass, field
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"\+?\d[\d ().-]{7,}\d")
KEY = re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b")


@dataclass(frozen=True)
class Citation:
    title: str
    url: str


@dataclass(frozen=True)
class Answer:
    kind: str
    text: str
    citations: tuple[Citation, ...]
    passage_ids: tuple[int, ...]
    note: str = ""


PROMPTS = ["How do I link my AWS Marketplace account?", "How do I open a support case?"]


def mask(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    text = KEY.sub("[key]", text)
    return PHONE.sub("[phone]", text)


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


def install_if_missing() -> None:
    """Register modules with the interface's names when the real ones are absent."""
    try:
        import allyport.helpcentre.privacy  # noqa: F401
        import allyport.helpcentre.services.answers  # noqa: F401
        import allyport.helpcentre.services.feedback  # noqa: F401
    except ImportError:
        pass
    else:
        return
    default = FakeHelpCentre()
    privacy = types.ModuleType("allyport.helpcentre.privacy")
    privacy.mask = mask  # type: ignore[attr-defined]
    package = types.ModuleType("allyport.helpcentre.services")
    package.__path__ = []
    answers = types.ModuleType("allyport.helpcentre.services.answers")
    answers.Answer, answers.Citation = Answer, Citation  # type: ignore[attr-defined]
    answers.answer = default.answer  # type: ignore[attr-defined]
    answers.SUGGESTED_PROMPTS = PROMPTS  # type: ignore[attr-defined]
    feedback = types.ModuleType("allyport.helpcentre.services.feedback")
    feedback.record_vote = default.record_vote  # type: ignore[attr-defined]
    package.answers, package.feedback = answers, feedback  # type: ignore[attr-defined]
    sys.modules.update(
        {
            privacy.__name__: privacy,
            package.__name__: package,
            answers.__name__: answers,
            feedback.__name__: feedback,
        }
    )

"""The assistant's answers: what the chat panel (the `assistant` app) calls.

`answer(actor, question)` never changes anything. It declines requests to act with
how and where to do it, answers questions about the company's own records where the
actor's roles allow, and otherwise composes an answer from the best passages with
their citations (extractive by default; a configured generator may phrase it)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.actor import Actor


@dataclass(frozen=True)
class Citation:
    title: str
    url: str  # the page's URL with its #anchor


@dataclass(frozen=True)
class Answer:
    kind: str  # "answer" | "action_declined" | "account" | "unanswered"
    text: str  # plain text, paragraphs separated by blank lines; the panel escapes it
    citations: tuple[Citation, ...]
    passage_ids: tuple[int, ...]
    note: str = ""  # e.g. "Only English is supported…" for a question in another language


ANSWER = "answer"
ACTION_DECLINED = "action_declined"
ACCOUNT = "account"
UNANSWERED = "unanswered"

SUGGESTED_PROMPTS = [
    gettext_lazy("How do I enroll in a path?"),
    gettext_lazy("Where can I find my tier renewal date?"),
    gettext_lazy("How do I set up multi-factor authentication?"),
    gettext_lazy("How do I submit an opportunity?"),
    gettext_lazy("How do I apply for funding?"),
    gettext_lazy("How do I map IAM roles to users?"),
]


def english_only_note() -> str:
    return _(
        "Only English is supported for now, so this answer is in English. "
        "Other languages will follow."
    )


def answer(actor: Actor, question: str) -> Answer:
    """The assistant's reply to one question (read-only, whatever is asked)."""
    from allyport.helpcentre.composing import respond

    return respond(actor, question)

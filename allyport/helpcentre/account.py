"""Questions about the company's own records ("When is my tier renewal date?"): where
to find the answer, and a read-only answer from the company's records when the
actor's roles let them see that page."""

from __future__ import annotations

from allyport.access.actor import Actor
from allyport.helpcentre.services.answers import Answer


def answer_for(actor: Actor, question: str, note: str) -> Answer | None:
    return None

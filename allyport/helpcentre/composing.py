"""How an answer is put together from the question's kind and the ranked passages."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.helpcentre import generator, intents, retrieval
from allyport.helpcentre.models import Passage
from allyport.helpcentre.privacy import mask
from allyport.helpcentre.services.answers import (
    ACTION_DECLINED,
    ANSWER,
    UNANSWERED,
    Answer,
    Citation,
    english_only_note,
)

# Below these, the best passage does not answer the question.
MIN_COVERAGE = 0.5
MIN_SCORE = 0.2  # of the mixed score, 1.0 at best
# A second page is quoted when it ranks this close to the best.
SECOND_SOURCE = 0.8
MAX_CHARS = 900
# A best passage shorter than this is followed by the next section of its page.
SHORT = 220


def _paragraphs(body: str, limit: int) -> str:
    kept: list[str] = []
    size = 0
    for paragraph in re.split(r"\n\s*\n", body.strip()):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if kept and size + len(paragraph) > limit:
            break
        kept.append(paragraph)
        size += len(paragraph)
    return "\n\n".join(kept)


def citation_of(passage: Passage) -> Citation:
    title = f"{passage.title} — {passage.heading}" if passage.heading else passage.title
    return Citation(title=title, url=passage.url)


def company_id_of(actor: Actor) -> int | None:
    return actor.company.pk if actor.company is not None else None


def ranked(actor: Actor, question: str, limit: int = 5) -> list[tuple[Passage, retrieval.Hit]]:
    hits = retrieval.search(question, company_id_of(actor), limit=limit)
    passages = Passage.objects.in_bulk([h.passage_id for h in hits])
    return [(passages[h.passage_id], h) for h in hits if h.passage_id in passages]


def answers_it(hit: retrieval.Hit) -> bool:
    return hit.coverage >= MIN_COVERAGE and hit.score >= MIN_SCORE


def _following(passage: Passage) -> Passage | None:
    """The next section of the same help page (a short "who can" section is
    usually followed by the steps)."""
    if passage.article_id is None:
        return None
    return (
        Passage.objects.filter(article_id=passage.article_id, position=passage.position + 1)
        .order_by("id")
        .first()
    )


def extractive(found: list[tuple[Passage, retrieval.Hit]]) -> tuple[str, list[Passage]]:
    best, top = found[0]
    used = [best]
    parts = [_paragraphs(best.body, MAX_CHARS)]
    if len(parts[0]) < SHORT:
        following = _following(best)
        if following is not None:
            parts.append(_paragraphs(following.body, MAX_CHARS))
            used.append(following)
    for passage, hit in found[1:]:
        if hit.score < top.score * SECOND_SOURCE or not answers_it(hit):
            break
        if passage.url.split("#")[0] != best.url.split("#")[0]:
            parts.append(_paragraphs(passage.body, MAX_CHARS // 2))
            used.append(passage)
            break
    return "\n\n".join(p for p in parts if p), used


def unanswered(note: str) -> Answer:
    text = _(
        "I couldn't find an answer to that in the help centre. Try rephrasing the "
        "question with the name of the page or feature it is about, or open a support "
        "case and the support team will help."
    )
    return Answer(kind=UNANSWERED, text=text, citations=(), passage_ids=(), note=note)


def declined(actor: Actor, question: str, note: str) -> Answer:
    # A request to act is answered as the question of how to do it.
    found = ranked(actor, "How do I " + intents.without_request(question), limit=3)
    lead = _(
        "I can't do that for you: I only give information and never change anything "
        "in the portal. Here is how and where you can do it yourself."
    )
    if not found:
        text = lead + "\n\n" + _("Open a support case if you need the support team's help.")
        return Answer(ACTION_DECLINED, text, (), (), note)
    passage = found[0][0]
    body = _paragraphs(passage.body, MAX_CHARS)
    text = f"{lead}\n\n{body}\n\n" + _("Go to: %(url)s") % {"url": passage.url}
    return Answer(ACTION_DECLINED, text, (citation_of(passage),), (passage.pk,), note)


def respond(actor: Actor, question: str) -> Answer:
    question = mask(question).strip()
    note = "" if intents.is_english(question) else english_only_note()
    if not question:
        return unanswered(note)
    if intents.is_request_to_act(question):
        return declined(actor, question, note)
    from allyport.helpcentre import account

    personal = account.answer_for(actor, question, note)
    if personal is not None:
        return personal
    found = ranked(actor, question)
    if not found or not answers_it(found[0][1]):
        return unanswered(note)
    body, used = extractive(found)
    generated = generator.generate(question, [p for p, hit in found if answers_it(hit)])
    if generated is not None:
        body, used = generated.text, list(generated.cited)
    citations = tuple(dict.fromkeys(citation_of(p) for p in used))
    return Answer(ANSWER, body, citations, tuple(p.pk for p in used), note)

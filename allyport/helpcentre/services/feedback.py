"""Votes on answers: a thumbs up or down on the passages an answer used, kept with
the question's terms so similar questions later rank those passages up or down."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from allyport.helpcentre import text
from allyport.helpcentre.models import Passage, Vote
from allyport.helpcentre.privacy import mask


def record_vote(passage_ids: Sequence[int], question: str, helpful: bool) -> None:
    """Remember the vote for each passage that still exists (others are skipped)."""
    terms = " ".join(sorted(text.term_set(mask(question))))[:1000]
    if not terms:
        return
    existing = Passage.objects.filter(pk__in=list(passage_ids)).values_list("pk", flat=True)
    with transaction.atomic():
        Vote.objects.bulk_create(
            Vote(passage_id=pk, terms=terms, helpful=helpful) for pk in existing
        )

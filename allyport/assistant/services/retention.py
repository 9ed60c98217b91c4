"""Conversations and feedback are kept `ALLYPORT_ASSISTANT_RETENTION_DAYS`; the
maintenance sweep deletes older ones (registered in AssistantConfig.ready)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from allyport.assistant.models import Conversation, Rating

BATCH = 500


def _delete_in_batches(queryset_of_ids: list[int], model: type[Conversation] | type[Rating]) -> int:
    deleted = 0
    for start in range(0, len(queryset_of_ids), BATCH):
        chunk = queryset_of_ids[start : start + BATCH]
        deleted += model.objects.filter(pk__in=chunk).delete()[1].get(model._meta.label, 0)
    return deleted


def sweep() -> int:
    """Delete conversations (their exchanges and votes with them) not touched within
    the retention period, and older ratings; returns how many went."""
    cutoff = timezone.now() - timedelta(days=settings.ALLYPORT_ASSISTANT_RETENTION_DAYS)
    old = list(Conversation.objects.filter(updated_at__lt=cutoff).values_list("pk", flat=True))
    ratings = list(Rating.objects.filter(rated_at__lt=cutoff).values_list("pk", flat=True))
    return _delete_in_batches(old, Conversation) + _delete_in_batches(ratings, Rating)

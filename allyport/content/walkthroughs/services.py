"""Keeping a member's place in a walkthrough (the step reached, or completed)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.content.permissions import FOLLOW_ENABLEMENT
from allyport.content.shared import guard
from allyport.content.walkthroughs.models import Walkthrough, WalkthroughProgress
from allyport.core.errors import NotFound


def _walkthrough(public_id: str) -> Walkthrough:
    found = Walkthrough.objects.filter(public_id=public_id, is_published=True).first()
    if found is None:
        raise NotFound("Walkthrough", public_id)
    return found


def save_walkthrough_progress(
    actor: Actor, public_id: str, step: int, *, completed: bool = False
) -> WalkthroughProgress:
    """Remember the step the member reached (clamped to the tour), or that they finished."""
    guard.require(actor, FOLLOW_ENABLEMENT, actor.company)
    tour = _walkthrough(public_id)
    last = max(tour.steps.count() - 1, 0)
    with transaction.atomic():
        progress, _created = WalkthroughProgress.objects.select_for_update().get_or_create(
            walkthrough=tour,
            user=guard.user_of(actor),
            defaults={"company": guard.company_of(actor)},
        )
        progress.step = min(max(step, 0), last)
        progress.completed_at = timezone.now() if completed else None
        progress.updated_at = timezone.now()
        progress.save()
        guard.record(
            actor, "UpdateWalkthroughProgress", company=actor.company,
            resource_type="Walkthrough", identifier=public_id,
            request={"step": progress.step, "completed": completed},
        )  # fmt: skip
    return progress

"""A member's progress on Navigate's enablement tracks: mark an item complete or not."""

from __future__ import annotations

from django.db import transaction

from allyport.access.actor import Actor
from allyport.content.permissions import FOLLOW_ENABLEMENT, NAVIGATE
from allyport.content.resources import selectors
from allyport.content.resources.models import TrackItem, TrackProgress
from allyport.content.shared import guard
from allyport.core.errors import NotFound


def _item(track_id: str, position: int) -> TrackItem:
    found = selectors.track_item(track_id, position)
    if found is None:
        raise NotFound("TrackItem", f"{track_id}/{position}")
    return found


def set_track_item_done(actor: Actor, track_id: str, position: int, done: bool) -> None:
    """Record (or withdraw) the member's completion of one item."""
    guard.require(actor, FOLLOW_ENABLEMENT, actor.company, menu=NAVIGATE)
    item = _item(track_id, position)
    with transaction.atomic():
        if done:
            TrackProgress.objects.get_or_create(
                item=item, user=guard.user_of(actor), defaults={"company": guard.company_of(actor)}
            )
        else:
            TrackProgress.objects.filter(item=item, user=guard.user_of(actor)).delete()
        guard.record(
            actor, "UpdateEnablementProgress", company=actor.company, resource_type="Track",
            identifier=item.track.public_id, request={"position": position, "done": done},
        )  # fmt: skip

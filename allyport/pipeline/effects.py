"""Every side effect of a change in the selling domain, in one place.

Services call these explicitly when they write; the batch create calls the same
ones as the single create, so both behave alike. What follows a commit runs on
commit (a rolled-back change announces nothing):

- an opportunity created or updated: the `opportunity_changed` signal (events,
  webhooks) and, for an update, the running snapshot jobs make a new revision;
- an opportunity entering Action Required (the staff review queue, or a Sandbox
  caller simulating AWS; every change is stored by `opportunities.services.save_change`):
  its company's ACE managers are mailed (`review_status_saving`, before the save);
- an engagement or an invitation changed: the `engagement_changed` /
  `engagement_invitation_changed` signals;
- an engagement saved or its members changed: its search document
  (`Engagement.search_values`) is rebuilt.

The search document must also follow writes that bypass the services (the admin's
group and engagement pages, fixtures): `connect()` wires that one as model signals,
from the app's ready(), never at model import.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from allyport.access.actor import Actor
from allyport.pipeline.engagements.models import Engagement, EngagementInvitation, EngagementMember
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.prospecting import search_values
from allyport.pipeline.shared import notifications
from allyport.pipeline.signals import (
    engagement_changed,
    engagement_invitation_changed,
    opportunities_stored,
    opportunity_changed,
)

logger = logging.getLogger(__name__)

CREATED = "Created"
UPDATED = "Updated"


def changed(actor: Actor, opportunity: Opportunity, change: str) -> None:
    """An opportunity was created or updated: announce it once the transaction commits
    (the events follow) and, for an update, let its running snapshot jobs revise."""
    transaction.on_commit(lambda: _opportunity_committed(actor, opportunity, change))


def opportunities_created(actor: Actor, opportunities: Iterable[Opportunity]) -> None:
    """A batch of opportunities was created: the same effects as one create each, and
    what must change in the batch's transaction (`opportunities_stored`)."""
    batch = list(opportunities)
    opportunities_stored.send(sender=Opportunity, opportunities=batch)
    for opportunity in batch:
        changed(actor, opportunity, CREATED)


def _opportunity_committed(actor: Actor, opportunity: Opportunity, change: str) -> None:
    opportunity_changed.send(
        sender=Opportunity, opportunity=opportunity, change=change, actor=actor
    )
    if change != CREATED:  # a new opportunity has no snapshot jobs yet
        _run_snapshot_jobs(opportunity)


def _run_snapshot_jobs(opportunity: Opportunity) -> None:
    """Running jobs on a changed opportunity make a new revision. The change is
    committed already: a failing run is logged, never the caller's error."""
    from allyport.pipeline.snapshots.services import run_jobs_for

    try:
        run_jobs_for(opportunity)
    except Exception:
        logger.exception("snapshot jobs of %s did not run", opportunity.public_id)


def review_status_saving(opportunity: Opportunity) -> None:
    """Before an opportunity is saved: entering Action Required mails the company's ACE
    managers after commit (the staff review queue, or a Sandbox caller simulating AWS)."""
    notifications.watch_review_status(opportunity)


def engagement_announced(
    engagement: Engagement,
    change: str,
    actor: Actor | None,
    member: EngagementMember | None = None,
) -> None:
    """An engagement was created, updated or joined: announce it after commit."""
    transaction.on_commit(
        lambda: engagement_changed.send(
            sender=Engagement, engagement=engagement, change=change, actor=actor, member=member
        )
    )


def invitation_announced(
    invitation: EngagementInvitation, change: str, actor: Actor | None
) -> None:
    """An invitation was created, accepted, rejected or expired: announce it after commit."""
    transaction.on_commit(
        lambda: engagement_invitation_changed.send(
            sender=EngagementInvitation, invitation=invitation, change=change, actor=actor
        )
    )


def engagement_search_stale(engagement_pk: int) -> None:
    """An engagement's contexts or members changed: rebuild its search document."""
    search_values.refresh(engagement_pk)


def _engagement_saved(sender: Any, instance: Engagement, raw: bool = False, **kw: Any) -> None:
    if not raw:
        engagement_search_stale(instance.pk)


def _member_changed(sender: Any, instance: EngagementMember, raw: bool = False, **kw: Any) -> None:
    if not raw:
        engagement_search_stale(instance.engagement_id)


def connect() -> None:
    """Wire the effects that must follow every save of these rows, whoever writes them."""
    post_save.connect(_engagement_saved, sender=Engagement, dispatch_uid="pipeline.eng_search")
    post_save.connect(_member_changed, sender=EngagementMember, dispatch_uid="pipeline.mem_search")
    post_delete.connect(
        _member_changed, sender=EngagementMember, dispatch_uid="pipeline.mem_search_del"
    )

"""Receivers of the pipeline's signals: each change becomes an event for webhooks.

The signals are sent after the change commits, by the code that made it; a
failure here is logged and never reaches that caller (delivery is best effort,
as EventBridge's is).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from django.db.models.signals import post_delete, post_save

from allyport.events import benefit_envelopes, envelopes, services
from allyport.events import engagement_envelopes as engagements
from allyport.events.models import Webhook
from allyport.funding import signals as funding_signals
from allyport.pipeline import signals
from allyport.pipeline.models import Engagement, EngagementInvitation, Opportunity

logger = logging.getLogger(__name__)


def _forget_flag(sender: Any, instance: Webhook, **kwargs: Any) -> None:
    services.forget_flag(instance.company_id)


def _raise(
    company: Any, detail_type: str, build: Callable[[], dict[str, Any]], catalog: str, what: str
) -> None:
    try:
        services.raise_event(company, detail_type, build, catalog=catalog)
    except Exception:
        logger.exception("could not raise %s for %s", detail_type, what)


def on_opportunity_changed(
    sender: Any, opportunity: Opportunity, change: str, **kwargs: Any
) -> None:
    _raise(
        opportunity.company,
        f"Opportunity {change}",
        lambda: envelopes.opportunity_event(opportunity, change),
        opportunity.catalog,
        opportunity.public_id,
    )


def on_invitation_changed(
    sender: Any, invitation: EngagementInvitation, change: str, **kwargs: Any
) -> None:
    for company, participant in engagements.invitation_parties(invitation):
        _raise(
            company,
            f"Engagement Invitation {change}",
            partial(engagements.invitation_event, invitation, change, company, participant),
            invitation.catalog,
            invitation.public_id,
        )


def on_engagement_changed(
    sender: Any, engagement: Engagement, change: str, member: Any = None, **kwargs: Any
) -> None:
    """Engagement Created and Updated; Member Added needs the `member` that joined
    (without it no event is raised, rather than one naming the wrong member)."""
    build: Callable[..., dict[str, Any]]
    if change in ("Created", "Updated"):
        detail_type = f"Engagement {change}"
        build = partial(engagements.engagement_event, engagement, change)
    elif change == "Member Added" and member is not None:
        detail_type = "Engagement Member Added"
        build = partial(engagements.member_added_event, engagement, member)
    else:
        return
    try:
        companies = engagements.engagement_parties(engagement)
    except Exception:
        logger.exception("could not read the members of %s", engagement.public_id)
        return
    for company in companies:
        _raise(
            company, detail_type, partial(build, company), engagement.catalog,
            engagement.public_id,
        )  # fmt: skip


def on_benefit_application_changed(
    sender: Any, application: Any, previous: str = "", **kwargs: Any
) -> None:
    """A benefit application's status changed (created counts: from none)."""
    _raise(
        application.company,
        benefit_envelopes.STATUS_CHANGED,
        lambda: benefit_envelopes.status_changed_event(application, previous),
        application.catalog,
        application.public_id,
    )


def connect() -> None:
    post_save.connect(_forget_flag, sender=Webhook, dispatch_uid="events.webhook_saved")
    post_delete.connect(_forget_flag, sender=Webhook, dispatch_uid="events.webhook_deleted")
    signals.opportunity_changed.connect(on_opportunity_changed, dispatch_uid="events.opportunity")
    signals.engagement_invitation_changed.connect(
        on_invitation_changed, dispatch_uid="events.invitation"
    )
    signals.engagement_changed.connect(on_engagement_changed, dispatch_uid="events.engagement")
    funding_signals.benefit_application_changed.connect(
        on_benefit_application_changed, dispatch_uid="events.benefit_application"
    )

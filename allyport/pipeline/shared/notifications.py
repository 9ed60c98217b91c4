"""ACE manager notifications: an email to each active ACE manager of the company when a
referral or lead is shared with it, and when one of its opportunities enters
Action Required. Queued once the change commits, so a rolled-back change sends
nothing."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse

from allyport.accounts.models import User
from allyport.core import mail
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.enums import Catalog, ReviewStatus
from allyport.pipeline.opportunities.models import Opportunity

ACE_MANAGER = "ace_manager"


def ace_managers(company_id: int) -> list[User]:
    members = User.objects.filter(
        company_id=company_id,
        is_active=True,
        status=User.Status.ACTIVE,
        role_assignments__role=ACE_MANAGER,
    )
    return list(members.distinct().only("email", "first_name", "last_name"))


def _catalog_query(catalog: str) -> str:
    return "?catalog=Sandbox" if catalog == Catalog.SANDBOX else ""


def referral_shared(invitation: EngagementInvitation) -> None:
    """Tell the receiving company's ACE managers, after commit."""
    pk = invitation.pk
    transaction.on_commit(lambda: send_referral_shared(pk))


def send_referral_shared(pk: int) -> None:
    invitation = (
        EngagementInvitation.objects.select_related("receiver_company").filter(pk=pk).first()
    )
    if invitation is None or invitation.receiver_company_id is None:
        return
    path = reverse("leads:detail", args=[invitation.public_id])
    context: dict[str, Any] = {
        "invitation": invitation,
        "company": invitation.receiver_company,
        "is_lead": invitation.payload_type == EngagementInvitation.PayloadType.LEAD,
        "link": settings.ALLYPORT_PUBLIC_URL + path + _catalog_query(invitation.catalog),
    }
    for user in ace_managers(invitation.receiver_company_id):
        mail.send("pipeline/leads/email/referral_shared", user.email, {**context, "user": user})


def watch_review_status(opportunity: Opportunity) -> None:
    """Called before an opportunity is saved: when it is entering Action Required, its
    company's ACE managers hear of it after commit. Only a save that sets Action
    Required reads the stored status, so other saves cost nothing."""
    if opportunity.pk is None or opportunity.review_status != ReviewStatus.ACTION_REQUIRED:
        return
    stored = Opportunity.objects.filter(pk=opportunity.pk).values_list("review_status", flat=True)
    if stored.first() == ReviewStatus.ACTION_REQUIRED:
        return
    pk = opportunity.pk
    transaction.on_commit(lambda: send_action_required(pk))


def _opportunity_link(opportunity: Opportunity) -> str:
    """The opportunity's page, or the portal's home while that page is not served."""
    try:
        path = reverse("pipeline:opportunity", args=[opportunity.public_id])
        path += _catalog_query(opportunity.catalog)
    except NoReverseMatch:
        path = reverse("home")
    return settings.ALLYPORT_PUBLIC_URL + path


def send_action_required(pk: int) -> None:
    opportunity = Opportunity.objects.select_related("company").filter(pk=pk).first()
    if opportunity is None or opportunity.review_status != ReviewStatus.ACTION_REQUIRED:
        return
    life = opportunity.life_cycle
    context = {
        "opportunity": opportunity,
        "company": opportunity.company,
        "reason": life.get("ReviewStatusReason", ""),
        "comments": life.get("ReviewComments", ""),
        "link": _opportunity_link(opportunity),
    }
    for user in ace_managers(opportunity.company_id):
        mail.send("pipeline/leads/email/action_required", user.email, {**context, "user": user})

"""Engagements (spec §2.9): created by AWS for a referral it shares, or by a partner
(CreateEngagement, StartEngagementFromOpportunityTask); seen only by their members.

AWS — the program — is a member without a company. Portal members need the
"manage all opportunities and leads" right; IAM callers the policies' allow of the
operation on the engagement's ARN (`selectors.member_company`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, refuse
from allyport.pipeline import effects
from allyport.pipeline.engagements.models import Engagement, EngagementMember, engagement_id
from allyport.pipeline.engagements.selectors import (
    PROGRAM_NAME,
    PROGRAM_WEBSITE,
    account_of,
    engagement_target,
    member_company,
)
from allyport.pipeline.leads.records import note_leads
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared import lead_rules
from allyport.pipeline.shared.clock import now_ms
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.payload import clean
from allyport.pipeline.shared.permissions import CREATE_ENGAGEMENT
from allyport.pipeline.shared.scope import check_catalog

CONTEXT_LIMIT = 5


def insert_fresh(row: models.Model, make_id: Callable[[], str]) -> None:
    """Insert with a fresh random public id, retrying the rare collision."""
    for attempt in range(5):
        try:
            with transaction.atomic():
                row.save(force_insert=True)
            return
        except IntegrityError:
            if attempt == 4:
                raise
            row.public_id = make_id()  # type: ignore[attr-defined]


def _numbered(contexts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Contexts with an Id each ("1", "2", … where none was given); refused when there
    are too many, an Id repeats, or a payload is not of the context's type."""
    if len(contexts) > CONTEXT_LIMIT:
        raise refuse("Contexts", _("An engagement has at most 5 contexts."), reason=REQUEST)
    taken = {str(c["Id"]) for c in contexts if c.get("Id")}
    numbers = (str(n) for n in range(1, 1000) if str(n) not in taken)
    result = []
    for index, context in enumerate(contexts):
        payload = context.get("Payload") or {}
        if payload and list(payload) != [context.get("Type")]:
            raise refuse(
                f"Contexts[{index}].Payload", _("The payload must be of the context's type.")
            )
        # Stored as JSON: timestamps (a Lead interaction's date) as ISO strings.
        result.append({**clean(dict(context)), "Id": str(context.get("Id") or next(numbers))})
    if len({c["Id"] for c in result}) != len(result):
        raise refuse("Contexts", _("Each context needs its own Id."))
    return result


def _types(contexts: list[dict[str, Any]]) -> str:
    kinds = list(dict.fromkeys(str(c["Type"]) for c in contexts))
    return "," + ",".join(kinds) + "," if kinds else ""


def new_engagement(
    catalog: str,
    *,
    creator: Company | None,
    title: str = "",
    description: str = "",
    contexts: list[dict[str, Any]] | None = None,
    opportunity: Opportunity | None = None,
    actor: Actor | None = None,
) -> Engagement:
    """Insert an engagement whose creator (a company, or AWS) is its first member. Runs
    in the caller's transaction."""
    numbered = _numbered(list(contexts or []))
    moment = now_ms()
    account = account_of(creator)
    engagement = Engagement(
        catalog=catalog,
        title=title[:40],
        description=description[:255],
        contexts=numbered,
        context_types=_types(numbered),
        created_by_company=creator,
        created_by=account,
        modified_by=account,
        opportunity=opportunity,
        created_at=moment,
        modified_at=moment,
    )
    insert_fresh(engagement, engagement_id)
    effects.engagement_announced(engagement, "Created", actor)
    add_member(engagement, creator, actor)
    return engagement


def add_member(engagement: Engagement, company: Company | None, actor: Actor | None) -> None:
    """Add a company (or AWS) to the engagement; already a member: nothing changes."""
    if engagement.members.filter(company=company).exists():
        return
    moment = now_ms()
    member = EngagementMember.objects.create(
        engagement=engagement,
        company=company,
        account_id=account_of(company),
        company_name=company.legal_name if company is not None else PROGRAM_NAME,
        website_url=company.website if company is not None else PROGRAM_WEBSITE,
        joined_at=moment,
    )
    Engagement.objects.filter(pk=engagement.pk).update(
        member_count=F("member_count") + 1, modified_at=moment, modified_by=account_of(company)
    )
    engagement.refresh_from_db(fields=["member_count", "modified_at", "modified_by"])
    if company is not None and actor is not None:
        note_leads(actor, company, engagement)  # the new member's own record of each lead
    effects.engagement_announced(engagement, "Member Added", actor, member)


def create_engagement(actor: Actor, catalog: str, values: Mapping[str, Any]) -> Engagement:
    """CreateEngagement: Title, Description, Contexts; the caller's company joins."""
    company = member_company(actor, CREATE_ENGAGEMENT, engagement_target(catalog))
    check_catalog(catalog)
    lead_rules.check_lead_contexts(values.get("Contexts"))
    with transaction.atomic():
        engagement = new_engagement(
            catalog,
            creator=company,
            title=str(values.get("Title") or ""),
            description=str(values.get("Description") or ""),
            contexts=list(values.get("Contexts") or []),
            actor=actor,
        )
        note_leads(actor, company, engagement)
        record_console(
            actor,
            "CreateEngagement",
            company=company,
            request={"catalog": catalog, "title": engagement.title},
            response={"id": engagement.public_id},
        )
    return engagement

"""Support cases in the index: found by subject, id and description by members of
the case's company; a member sees their own cases, the alliance lead and team all
of the company's (`support.selectors.sees_all_cases`). A locked-out person's
message has no company and is never indexed."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from allyport.access.actor import Actor
from allyport.search import kinds
from allyport.support.models import SupportCase
from allyport.support.selectors import sees_all_cases


def support_case_document(row: SupportCase) -> kinds.Document | None:
    if row.company_id is None:
        return None
    return kinds.Document(
        key=row.case_id,
        company_id=row.company_id,
        owner_id=row.opened_by_id,
        title=row.subject,
        detail=" · ".join((row.case_id, str(row.get_status_display()))),
        body=f"{row.case_id} {row.category}",
        url=reverse("support:case", args=[row.case_id]),
    )


def _own_only(actor: Actor) -> bool:
    return not sees_all_cases(actor)


def register() -> None:
    kinds.register(
        kinds.Kind(
            name="support_case",
            label=_("Support cases"),
            model=SupportCase,
            document=support_case_document,
            rows=lambda: SupportCase.objects.order_by("pk").iterator(chunk_size=2000),
            owned_only=_own_only,
            key=lambda row: str(row.case_id),
        )
    )

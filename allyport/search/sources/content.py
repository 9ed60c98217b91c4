"""Case studies in the index, for whoever sees Build > Case Studies in the study's
company (drafts included: they are the company's own work)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from allyport.content.build.models import CaseStudy
from allyport.search import kinds


def case_study_document(row: CaseStudy) -> kinds.Document:
    return kinds.Document(
        key=row.public_id,
        company_id=row.company_id,
        title=row.title,
        detail=" · ".join((row.customer, str(row.get_status_display()))),
        body=" ".join((row.customer, row.summary, row.challenge, row.solution, row.results)),
        url=reverse("content:case_study", args=[row.public_id]),
    )


def register() -> None:
    kinds.register(
        kinds.Kind(
            name="case_study",
            label=_("Case studies"),
            model=CaseStudy,
            document=case_study_document,
            rows=lambda: CaseStudy.objects.order_by("pk").iterator(chunk_size=2000),
            menu="Build/Case Studies",
        )
    )

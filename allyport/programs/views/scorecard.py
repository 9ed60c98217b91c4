"""My Company > Partner Scorecard (alliance lead, alliance team)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page
from allyport.audit import kept
from allyport.core import fragments
from allyport.programs.permissions import PARTNER_SCORECARD
from allyport.programs.selectors import certifications, scorecard_cache
from allyport.programs.selectors.scorecard import scorecard
from allyport.programs.views.common import company


def _words() -> dict[str, str]:
    """The words every requirement row repeats, translated once per page (a translate
    tag per row and column cost more than the rest of the table)."""
    columns = (_("Requirement"), _("Status"), _("Count"), _("Missing"), _("Where to act"))
    header = format_html_join("", '<th scope="col">{}</th>', ((c,) for c in columns))
    return {"header": header, "met": _("Met"), "not_met": _("Not met"), "go": _("Go")}


@member_page(PARTNER_SCORECARD)
@require_GET
def scorecard_page(request: ActorRequest) -> HttpResponse:
    """Kept whole per member (core.fragments) while nothing it shows moves on: the
    company's data and stage (every audited change), and the scorecard's generations
    (the counts' records, a certification import, the thresholds staff keep). Access
    is decided above, before the kept page is read."""
    mine = company(request)
    page = kept.member_fragment(
        "programs:scorecard:page", request.actor, *scorecard_cache.generations(mine.pk)
    )
    return fragments.kept_page(request, page, "programs/scorecard.html", lambda: _content(mine))


def _content(mine: Any) -> dict[str, Any]:
    cards, counts = scorecard(mine, counts=scorecard_cache.cached_metrics(mine))
    return {
        "words": _words(),
        "company": mine,
        "cards": cards,
        "counts": counts,
        "delay_days": certifications.delay_days(),
    }

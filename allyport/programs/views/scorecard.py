"""My Company > Partner Scorecard (alliance lead, alliance team)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page
from allyport.programs.permissions import PARTNER_SCORECARD
from allyport.programs.selectors import certifications
from allyport.programs.selectors.scorecard import scorecard
from allyport.programs.selectors.scorecard_cache import cached_metrics
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
    mine = company(request)
    cards, counts = scorecard(mine, counts=cached_metrics(mine))
    context = {
        "words": _words(),
        "company": mine,
        "cards": cards,
        "counts": counts,
        "delay_days": certifications.delay_days(),
    }
    return render(request, "programs/scorecard.html", context)

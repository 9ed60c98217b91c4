"""Market > Badge Manager (Validated or higher): the company's badges with the usage
rules, each downloadable as SVG or PNG."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.market import badges
from allyport.content.permissions import BADGE_MANAGER

CONTENT_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


@member_page(BADGE_MANAGER)
@require_GET
def badge_manager(request: ActorRequest) -> HttpResponse:
    name = request.actor.company.legal_name  # type: ignore[union-attr]
    # The previews are the SVG itself: built here with every text escaped.
    found = badges.badges_for(request.actor.company)
    shown = [(b, mark_safe(badges.svg_of(b, name))) for b in found]  # noqa: S308
    context = {"badges": shown}
    return render(request, "content/market/badges.html", context)


@member_page(BADGE_MANAGER)
@require_GET
@service_refusals
def badge_image(request: ActorRequest, key: str, image_format: str) -> HttpResponse:
    badge, data = badges.generate_badge(request.actor, key, image_format)
    response = HttpResponse(data, content_type=CONTENT_TYPES[image_format])
    response["Content-Disposition"] = f'attachment; filename="{badge.key}.{image_format}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response

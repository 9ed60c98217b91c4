from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from allyport.access.navigation import navigation as build_navigation
from allyport.access.navigation import navigation_html


def navigation(request: HttpRequest) -> dict[str, Any]:
    actor = getattr(request, "actor", None)
    if actor is None or not actor.is_member:
        return {}
    bar_html, dropdowns_html = navigation_html(actor)
    return {
        "nav": build_navigation(actor),
        "nav_bar_html": bar_html,
        "nav_dropdowns_html": dropdowns_html,
        "actor": actor,
    }

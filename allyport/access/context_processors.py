from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from allyport.access.navigation import header_html
from allyport.access.navigation import navigation as build_navigation


def navigation(request: HttpRequest) -> dict[str, Any]:
    actor = getattr(request, "actor", None)
    if actor is None or not actor.is_member:
        return {}
    return {"nav": build_navigation(actor), "member_header": header_html(actor), "actor": actor}

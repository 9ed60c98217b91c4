"""`shown`: a version's changed value as people read it (lists joined, nothing as —)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(shown(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{key}: {shown(item)}" for key, item in value.items() if item not in ("", None)
        )
    return str(value)

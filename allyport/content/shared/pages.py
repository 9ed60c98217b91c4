"""Small helpers the content pages share: paging a queryset and reading filters."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 20


def page_of(request: HttpRequest, items: Any, size: int = PAGE_SIZE) -> Page:  # type: ignore[type-arg]
    return Paginator(items, size).get_page(request.GET.get("page"))


def choice(request: HttpRequest, name: str, choices: Any) -> str:
    """The GET value when it is one of `choices` (a TextChoices), else ""."""
    value = request.GET.get(name, "")
    return value if value in choices.values else ""


def words(request: HttpRequest, name: str = "q") -> str:
    return request.GET.get(name, "").strip()[:120]

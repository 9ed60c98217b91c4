"""System checks of what Allyport runs on.

Some queries are written per database (the search filters' JSON lists,
`core.json_lists`): SQLite and PostgreSQL. Another database is
refused when the process starts (`manage.py check`, `migrate`, `runserver`),
not halfway through a request."""

from __future__ import annotations

from typing import Any

from django.core.checks import Error, register
from django.db import connections

SUPPORTED = ("sqlite", "postgresql")


@register()
def database_is_supported(app_configs: Any, **kwargs: Any) -> list[Error]:
    vendor = connections["default"].vendor
    if vendor in SUPPORTED:
        return []
    return [
        Error(
            f"Allyport runs on SQLite or PostgreSQL; DATABASE_URL names {vendor}.",
            hint="Set DATABASE_URL to a PostgreSQL database (see docs/deploy.md).",
            id="allyport.E001",
        )
    ]

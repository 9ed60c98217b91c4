"""`manage.py rebuild_search_index [kind ...]`: index every record again (after a
restore, or when a kind is added); prints the count per kind as JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from allyport.search import index, kinds


class Command(BaseCommand):
    help = "Rebuild the global search index (all kinds, or the ones named)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kinds", nargs="*", help="kinds to rebuild (default: all)")

    def handle(self, *args: Any, **options: Any) -> None:
        names = options["kinds"] or None
        unknown = [name for name in names or () if kinds.get(name) is None]
        if unknown:
            known = ", ".join(kind.name for kind in kinds.all_kinds())
            self.stderr.write(f"unknown kinds: {', '.join(unknown)} (known: {known})")
            raise SystemExit(2)
        self.stdout.write(json.dumps(index.rebuild(names)))

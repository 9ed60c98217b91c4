"""`manage.py menu_strings`: rewrite access/menu_strings.py from the access model's
YAML, so its menus, roles, stages and paths reach the translation catalogues
(`--check` only says whether it is current)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from allyport.access import strings


class Command(BaseCommand):
    help = "Write the access model's labels as gettext_noop entries for makemessages."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["check"]:
            current = (
                strings.MODULE.exists()
                and strings.MODULE.read_text(encoding="utf-8") == strings.render()
            )
            if not current:
                self.stderr.write(
                    "access/menu_strings.py is out of date: run manage.py menu_strings"
                )
                raise SystemExit(1)
            return
        changed = strings.write()
        self.stdout.write(f"{strings.MODULE.name}: {'rewritten' if changed else 'current'}")

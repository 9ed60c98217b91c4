"""`manage.py catalogues`: refresh the translation catalogues from the code, make the
English one complete and compile every catalogue (scripts/messages.sh runs it).

`--locale` limits the refresh to some languages; `--compile-only` skips makemessages
(after a translator's edit)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from allyport.core import catalogues


class Command(BaseCommand):
    help = "Refresh the translation catalogues from the code and compile them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--locale", "-l", action="append", default=[])
        parser.add_argument("--compile-only", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        known = catalogues.catalogue_locales()
        locales = options["locale"] or known
        unknown = sorted(set(locales) - set(known))
        if unknown:
            self.stderr.write(f"Not in settings.LANGUAGES: {', '.join(unknown)}")
            raise SystemExit(2)
        if not options["compile_only"]:
            catalogues.refresh(locales)
        source = catalogues.po_path(catalogues.SOURCE_LANGUAGE)
        if catalogues.SOURCE_LANGUAGE in locales and source.exists():
            catalogues.fill_source_language(source)
        for locale in locales:
            path = catalogues.po_path(locale)
            if path.exists():
                catalogues.compile_catalogue(path)
                left = catalogues.problems(path)
                note = f"{len(left)} entries to finish" if left else "complete"
                self.stdout.write(f"{locale}: {note}")

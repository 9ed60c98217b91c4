"""Load the help centre's articles from their files and rebuild the passages the
assistant retrieves; prints what changed as JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from allyport.helpcentre.articles_io import ArticleFileError
from allyport.helpcentre.loading import load


class Command(BaseCommand):
    help = "Load the help articles (articles/*.md) and rebuild the assistant's passages."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Overwrite staff edits with the files."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = load(force=options["force"])
        except ArticleFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(report.as_dict(), indent=2))

"""`manage.py import_fee_payments FILE`: record program fee payments from a CSV
(`partner id,reference` a line), as the system; prints one outcome a row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from allyport.access.actor import system
from allyport.profiles.services.fees import import_fee_payments


class Command(BaseCommand):
    help = "Record program fee payments from a CSV file: partner id,reference"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        text = options["file"].read_text(encoding="utf-8-sig")
        for outcome in import_fee_payments(system(), text):
            self.stdout.write(outcome)

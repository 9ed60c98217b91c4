"""Print docs/api-compatibility.md.

python manage.py api_compatibility > docs/api-compatibility.md
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from allyport.awsapi.compatibility import render


class Command(BaseCommand):
    help = "Print the API compatibility table (operations, supported, paginators) as Markdown."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(render(), ending="")

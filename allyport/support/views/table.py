"""The Partner Support page's case rows, built in one pass in Python (as the Users
tab's are): a template loop with filters per cell costs more than the query."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from allyport.support.models import SupportCase

STAMP = "%Y-%m-%d %H:%M"


def case_rows(cases: Iterable[dict[str, Any]], case_url: str, empty: str) -> SafeString:
    labels = {value: str(label) for value, label in SupportCase.STATUSES}
    rows = format_html_join(
        "\n",
        '<tr><td><a href="{}{}/">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
        (
            (case_url, case["case_id"], case["case_id"], case["subject"], labels[case["status"]],
             case["created_at"].strftime(STAMP), case["updated_at"].strftime(STAMP))
            for case in cases
        ),
    )  # fmt: skip
    return rows or format_html('<tr><td colspan="5">{}</td></tr>', empty)


def both_tables(open_cases: Iterable[dict[str, Any]], previous: Iterable[dict[str, Any]],
                case_url: str) -> dict[str, SafeString]:  # fmt: skip
    return {
        "open_rows": case_rows(open_cases, case_url, _("No open cases.")),
        "previous_rows": case_rows(previous, case_url, _("No previous cases.")),
    }

"""The rows of the Tasks page, built as HTML in one pass (as the Users tab does): a
page shows 50 tasks, and drawn by the template engine each row's lookups and
translations were most of the page's time. Labels and the URL pattern are made once
per request; every stored value goes through `escape`."""

from __future__ import annotations

from html import escape
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from allyport.worklist.models import GrowthStage, TaskStatus

_ID = "TASKID"  # stands for the public id in the URL pattern (ids are alphanumeric)


class TaskRows:
    def __init__(self, *, can_assign: bool, with_offering: bool) -> None:
        self.can_assign, self.with_offering = can_assign, with_offering
        self.statuses = {key: escape(str(label)) for key, label in TaskStatus.choices}
        self.stages = {key: escape(str(label)) for key, label in GrowthStage.choices}
        self.detail_url = reverse("worklist:detail", args=[_ID])
        self.select = _("Select %(name)s")
        self.nobody = escape(_("Nobody"))

    def render(self, rows: list[dict[str, Any]]) -> SafeString:
        if not rows:
            return mark_safe(f'<tr><td colspan="7">{escape(_("No tasks here."))}</td></tr>')  # noqa: S308
        return mark_safe("".join(self._row(row) for row in rows))  # noqa: S308

    def _row(self, row: dict[str, Any]) -> str:
        public_id, title = row["public_id"], row["definition__title"]
        offering = row["solution__name"]
        cells = [
            f'<td><a href="{self.detail_url.replace(_ID, public_id)}">{escape(title)}</a></td>'
        ]
        if self.can_assign:
            name = f"{title} ({offering})" if offering else title
            label = escape(self.select % {"name": name})
            cells.insert(0, f'<td><input type="checkbox" name="task" value="{public_id}"'
                            f' id="select-{public_id}" aria-label="{label}"></td>')  # fmt: skip
        if self.with_offering:
            stage = row["stage"] or GrowthStage.BUILD
            cells.append(
                f"<td>{escape(offering or '')}</td><td>{self.stages.get(stage, escape(stage))}</td>"
            )
        status = self.statuses.get(row["status"], escape(row["status"]))
        if row["status"] == TaskStatus.DISMISSED:
            status += f'<br><span class="hint">{escape(row["dismissed_reason"][:80])}</span>'
        cells.append(
            f"<td>{status}</td><td>{self._who(row)}</td><td>{row['updated_at']:%Y-%m-%d}</td>"
        )
        return "<tr>" + "".join(cells) + "</tr>"

    def _who(self, row: dict[str, Any]) -> str:
        if not row["assignee__email"]:
            return self.nobody
        name = f"{row['assignee__first_name']} {row['assignee__last_name']}".strip()
        return escape(name or row["assignee__email"])

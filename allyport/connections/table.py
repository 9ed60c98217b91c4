"""The rows of the Connections page, built as HTML in one pass (like the Users tab's
`accounts/views/users/table.py`): drawn by the template engine each row cost dozens
of lookups, translations and date filters. Labels are made once per request; every
stored value goes through `escape`."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from allyport.connections.models import ConnectionType, TypeStatus


def _day(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d") if moment else ""


def _other(item: Any) -> str:
    return f"{escape(item.other_name)} <small>{escape(item.other_public_id)}</small>"


class Tables:
    def __init__(self, request: Any, base: str, query: str, *, may_manage: bool) -> None:
        self.base, self.query, self.may_manage = base, query, may_manage
        self.token = escape(get_token(request)) if may_manage else ""
        self.kinds = {key: escape(str(label)) for key, label in ConnectionType.choices}
        self.type_statuses = {key: escape(str(label)) for key, label in TypeStatus.choices}
        self.words = {
            key: escape(text)
            for key, text in {
                "accept": _("Accept"), "reject": _("Reject"), "cancel": _("Cancel"),
                "end": _("Cancel connection"), "sent": _("Sent"), "received": _("Received"),
            }.items()
        }  # fmt: skip
        self.aria = {
            "accept": _("Accept the invitation from %(name)s"),
            "reject": _("Reject the invitation from %(name)s"),
            "cancel": _("Cancel the invitation to %(name)s"),
            "end": _("Cancel the connection with %(name)s"),
        }

    def _label(self, key: str, name: str) -> str:
        return escape(self.aria[key] % {"name": name})

    def _empty(self, columns: int, text: str) -> SafeString:
        return mark_safe(f'<tr><td colspan="{columns}">{escape(text)}</td></tr>')  # noqa: S308

    def received(self, items: list[Any]) -> SafeString:
        if not items:
            return self._empty(6, _("No invitations waiting for your answer."))
        return mark_safe("".join(self._received(item) for item in items))  # noqa: S308

    def _received(self, item: Any) -> str:
        cells = (
            f"<td>{_other(item)}</td><td>{self.kinds[item.connection_type]}</td>"
            f"<td>{escape(item.inviter_name)} &lt;{escape(item.inviter_email)}&gt;</td>"
            f"<td>{escape(item.message).replace(chr(10), '<br>')}</td>"
            f"<td>{_day(item.expires_at)}</td>"
        )
        if self.may_manage:
            at = f"{self.base}invitations/{item.public_id}/"
            cells += (
                f'<td><div class="row-actions"><form method="post" action="{at}accept/'
                f'{self.query}"><input type="hidden" name="csrfmiddlewaretoken" '
                f'value="{self.token}"><button type="submit" aria-label="'
                f'{self._label("accept", item.other_name)}">{self.words["accept"]}</button>'
                f'</form> <a href="{at}reject/{self.query}" aria-label="'
                f'{self._label("reject", item.other_name)}">{self.words["reject"]}</a>'
                f"</div></td>"
            )
        return f"<tr>{cells}</tr>"

    def sent(self, items: list[Any]) -> SafeString:
        if not items:
            return self._empty(5, _("No invitations waiting for an answer."))
        return mark_safe("".join(self._sent(item) for item in items))  # noqa: S308

    def _sent(self, item: Any) -> str:
        cells = (
            f"<td>{_other(item)}</td><td>{self.kinds[item.connection_type]}</td>"
            f"<td>{_day(item.created_at)}</td><td>{_day(item.expires_at)}</td>"
        )
        if self.may_manage:
            cells += (
                f'<td><a href="{self.base}invitations/{item.public_id}/cancel/{self.query}" '
                f'aria-label="{self._label("cancel", item.other_name)}">'
                f"{self.words['cancel']}</a></td>"
            )
        return f"<tr>{cells}</tr>"

    def connections(self, rows: list[Any]) -> SafeString:
        html = "".join(self._connection(row) for row in rows)
        return mark_safe(html) if html else self._empty(5, _("No connections yet."))  # noqa: S308

    def _connection(self, connection: Any) -> str:
        found = []
        for detail in connection.types.all():
            status = self.type_statuses[detail.status]
            if detail.canceled_at:
                status += f" ({_day(detail.canceled_at)})"
            cells = (
                f"<td>{_other(connection)}</td><td>{self.kinds[detail.connection_type]}</td>"
                f"<td>{status}</td><td>{_day(detail.created_at)}</td>"
            )
            if self.may_manage:
                link = ""
                if detail.status == TypeStatus.ACTIVE:
                    at = f"{self.base}{connection.public_id}/cancel/{detail.connection_type}/"
                    link = (
                        f'<a href="{at}{self.query}" aria-label="'
                        f'{self._label("end", connection.other_name)}">{self.words["end"]}</a>'
                    )
                cells += f"<td>{link}</td>"
            found.append(f"<tr>{cells}</tr>")
        return "".join(found)

    def answered(self, items: list[Any], company: Any) -> SafeString:
        if not items:
            return self._empty(5, _("None yet."))
        rows = []
        for item in items:
            direction = self.words["sent" if item.sender_id == company.pk else "received"]
            rows.append(
                f"<tr><td>{escape(item.other_name)}</td><td>{direction}</td>"
                f"<td>{self.kinds[item.connection_type]}</td>"
                f"<td>{escape(item.current_status_display)}</td><td>{_day(item.updated_at)}</td></tr>"
            )
        return mark_safe("".join(rows))  # noqa: S308

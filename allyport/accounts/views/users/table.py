"""The rows of the Users tab, built as HTML in one pass.

A page shows 50 users; drawn by the template engine, each row cost dozens of
variable lookups, URL reversals and translations, most of the page's time.
Here the labels and URL patterns are made once per request and each row is one
string format. Every user-supplied value goes through `escape` (the standard library's, which
Django's own wraps; called directly it is several times faster).
"""

from __future__ import annotations

from html import escape

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from allyport.accounts.models import User
from allyport.accounts.views.users.common import UserRow

_ID = "USERID"  # stands for the public id in URL patterns (public ids are alphanumeric)


class RowRenderer:
    def __init__(self, *, can_assign: bool) -> None:
        self.can_assign = can_assign
        self.statuses = {key: str(label) for key, label in User.Status.choices}
        self.remove_url = reverse("users:remove", args=[_ID])
        self.deactivate_url = reverse("users:deactivate", args=[_ID])
        self.reactivate_url = reverse("users:reactivate", args=[_ID])
        self.labels = {
            "remove": escape(_("Remove user")),
            "deactivate": escape(_("Deactivate")),
            "reactivate": escape(_("Reactivate")),
        }
        self.aria = {
            "select": _("Select %(email)s"),
            "remove": _("Remove user %(email)s"),
            "deactivate": _("Deactivate %(email)s"),
            "reactivate": _("Reactivate %(email)s"),
        }

    def render(self, rows: list[UserRow]) -> SafeString:
        if not rows:
            return mark_safe(f'<tr><td colspan="7">{escape(_("No users match."))}</td></tr>')  # noqa: S308
        return mark_safe("".join(self._row(row) for row in rows))  # noqa: S308

    def _row(self, row: UserRow) -> str:
        user = row.user
        email = escape(user.email)
        roles = escape(", ".join(row.roles)) or "—"
        last = (
            timezone.localtime(user.last_login).strftime("%Y-%m-%d %H:%M")
            if user.last_login
            else "—"
        )
        actions = self._actions(row)
        return (
            f"<tr>{self._select(user)}<td>{escape(user.full_name)}</td><td>{email}</td>"
            f"<td>{roles}</td><td>{escape(self.statuses.get(user.status, user.status))}</td>"
            f'<td>{last}</td><td><div class="row-actions">{actions}</div></td></tr>'
        )

    def _select(self, user: User) -> str:
        if not self.can_assign:
            return ""
        if user.status == User.Status.REMOVED:
            return "<td></td>"
        label = escape(self.aria["select"] % {"email": user.email})
        return (
            f'<td><input type="checkbox" name="users" value="{user.public_id}" form="manage-roles"'
            f' id="select-{user.public_id}" aria-label="{label}"></td>'
        )

    def _actions(self, row: UserRow) -> str:
        uid = row.user.public_id
        parts = []
        if row.can_remove:
            label = escape(self.aria["remove"] % {"email": row.user.email})
            url = self.remove_url.replace(_ID, uid)
            parts.append(f'<a href="{url}" aria-label="{label}">{self.labels["remove"]}</a>')
        for allowed, key, pattern in (
            (row.can_deactivate, "deactivate", self.deactivate_url),
            (row.can_reactivate, "reactivate", self.reactivate_url),
        ):
            if allowed:
                label = escape(self.aria[key] % {"email": row.user.email})
                parts.append(
                    f'<button type="submit" class="linklike" form="row-actions"'
                    f' formaction="{pattern.replace(_ID, uid)}" aria-label="{label}">'
                    f"{self.labels[key]}</button>"
                )
        return "".join(parts)

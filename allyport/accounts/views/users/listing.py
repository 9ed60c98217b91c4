"""The Users tab (filter, search, pages of 50) and the access review download."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timedelta

from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.accounts import selectors
from allyport.accounts.models import User
from allyport.accounts.services.roles import MAX_USERS_PER_UPDATE
from allyport.accounts.views.users.common import (
    role_keys,
    role_names,
    user_management_page,
    user_rows,
)
from allyport.accounts.views.users.forms import UserFilterForm
from allyport.accounts.views.users.table import RowRenderer
from allyport.core.spreadsheets import safe_cell, with_bom

PAGE_SIZE = 50
# What a row of the Users tab shows; loading only these keeps a page of 50 cheap.
ROW_FIELDS = ("public_id", "email", "first_name", "last_name", "status", "last_login")
IDLE_AFTER = timedelta(days=90)


@user_management_page
@require_GET
def users_tab(request: ActorRequest) -> HttpResponse:
    filters = UserFilterForm(request.GET or None)
    values = filters.filters()
    users = selectors.company_users(
        request.actor,
        role=values.get("role", ""),
        status=values.get("status", ""),
        query=values.get("q", ""),
        with_roles=False,
    ).only(*ROW_FIELDS)
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("page"))
    can_assign = bool(authorize(request.actor, "assign_roles"))
    members = list(page.object_list)
    rows = user_rows(request, members, selectors.role_keys_by_user(members))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "tab": "users",
        "filters": filters,
        "page": page,
        "rows": rows,
        "rows_html": RowRenderer(can_assign=can_assign).render(rows),
        "query": query.urlencode(),
        "can_assign": can_assign,
        "is_lead": bool(authorize(request.actor, "reassign_alliance_lead")),
        "max_users": MAX_USERS_PER_UPDATE,
    }
    return render(request, "accounts/users/users_tab.html", context)


class _Echo:
    """A file-like object whose write returns the line, for streaming csv rows."""

    def write(self, value: str) -> str:
        return value


def is_idle(user: User, now: datetime) -> bool:
    return (user.last_login or user.date_joined) < now - IDLE_AFTER


def _review_rows(users: Iterator[User]) -> Iterator[list[str]]:
    now = timezone.now()
    yield ["email", "name", "roles", "status", "last_sign_in", "idle_over_90_days"]
    for user in users:
        yield [
            user.email,
            user.full_name,
            "; ".join(role_names(role_keys(user))),
            user.status,
            user.last_login.isoformat() if user.last_login else "",
            "yes" if is_idle(user, now) else "no",
        ]


@user_management_page
@require_GET
def access_review(request: ActorRequest) -> StreamingHttpResponse:
    """Every user of the company with roles, status and last sign-in, idle ones flagged;
    streamed, so a large company does not build the file in memory."""
    users = selectors.company_users(request.actor).iterator(chunk_size=500)
    writer = csv.writer(_Echo())
    lines = with_bom(writer.writerow([safe_cell(c) for c in row]) for row in _review_rows(users))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    name = f"access-review-{timezone.now():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

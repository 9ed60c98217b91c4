"""Emailed secrets (sign-in codes, reset codes, invitation links) are readable in no
table: not in the task queue while the mail waits, not anywhere once it is delivered."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.apps import apps
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult

from allyport.accounts.models import User
from allyport.accounts.tests.flows import CODE_RE
from allyport.accounts.tests.test_invitations import LINK_RE, rows
from allyport.core.models import OutgoingMail
from allyport.testing import PASSWORD, make_company

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def every_row() -> str:
    """Every row of every table, raw, as text (what a database reader or a backup sees)."""
    tables = connection.introspection.table_names()
    assert {model._meta.db_table for model in apps.get_models()} <= set(tables)
    lines = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            lines.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(lines)


def found_in(dump: str, secret: str) -> bool:
    if secret.isdigit():  # a code: a whole number, not six digits inside a longer one
        return re.search(rf"(?<!\d){secret}(?!\d)", dump) is not None
    return secret in dump


def run_queued_tasks() -> None:
    """What the worker does with each queued job (the worker command itself closes the
    test's database connection)."""
    for job in DBTaskResult.objects.ready():
        job.task.call(*job.args_kwargs["args"], **job.args_kwargs["kwargs"])


def queue_three_secrets(client_for: Callable[[User], Client]) -> None:
    company, lead = make_company(mfa=True)
    Client().post("/accounts/login/", {"login": lead.email, "password": PASSWORD})
    Client().post("/accounts/password/reset/", {"email": lead.email})
    client_for(lead).post(
        "/company/users/roles/invite/", rows((f"ina@{company.domains.first()}", ["standard_user"]))
    )


@override_settings(TASKS=DB_QUEUE)
def test_no_table_holds_a_code_or_link_before_or_after_delivery(
    db: None, client_for: Callable[[User], Client]
) -> None:
    queue_three_secrets(client_for)
    assert mail.outbox == [] and DBTaskResult.objects.count() >= 3
    while_queued = every_row()
    run_queued_tasks()
    bodies = [message.body for message in mail.outbox]
    codes = [CODE_RE.search(body) for body in bodies if "code" in body.lower()]
    links = [LINK_RE.search(body) for body in bodies]
    secrets = [m.group(1) for m in codes + links if m]
    assert len(secrets) >= 3, bodies  # a sign-in code, a reset code, an invitation token
    delivered = every_row()
    for secret in secrets:
        assert not found_in(while_queued, secret), f"{secret} readable while queued"
        assert not found_in(delivered, secret), f"{secret} readable after delivery"
    assert not OutgoingMail.objects.exclude(sealed="").exists()
    assert OutgoingMail.objects.filter(sent_at=None).count() == 0

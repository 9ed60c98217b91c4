"""Mail the server cannot take now is queued again with a growing wait and sent once
it is back; people waiting for a code are told that mail is late."""

from __future__ import annotations

import smtplib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from allyport.accounts.models import User
from allyport.core import mail_retry
from allyport.core.models import OutgoingMail
from allyport.core.tasks import deliver_email

pytestmark = pytest.mark.django_db

MESSAGE = {
    "subject": "Your code",
    "body": "123456",
    "from_email": "a@x.example",
    "to": ["b@y.example"],
}


class DownBackend(BaseEmailBackend):
    """Nothing listens on the SMTP port."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise ConnectionRefusedError(111, "Connection refused")


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        raise smtplib.SMTPRecipientsRefused({"b@y.example": (550, b"No such user")})


@pytest.fixture
def deferring_backend(settings: Any) -> Any:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    return default_task_backend


def test_mail_is_queued_again_while_the_server_is_down(
    settings: Any, deferring_backend: Any
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"
    before = timezone.now()
    deliver_email.call(**MESSAGE)  # the worker runs the first attempt: no exception
    (retry,) = deferring_backend.results
    (sealed,) = OutgoingMail.objects.all()  # the retry carries the sealed message's id only
    assert retry.kwargs == {"mail_id": sealed.pk, "attempt": 2}
    assert "123456" not in str(retry.kwargs) and "123456" not in sealed.sealed
    assert retry.task.run_after >= before + timedelta(seconds=30)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    deliver_email.call(**retry.kwargs)  # the server is back: sent once, not queued again
    assert [(m.subject, m.body, m.to) for m in mail.outbox] == [
        ("Your code", "123456", ["b@y.example"])
    ]
    assert len(deferring_backend.results) == 1


def test_the_wait_doubles_up_to_an_hour(settings: Any) -> None:
    settings.ALLYPORT_MAIL_RETRY_SECONDS = 30
    waits = [mail_retry.wait_before(n).total_seconds() for n in (1, 2, 3, 8, 30)]
    assert waits == [30, 60, 120, 3600, 3600]


def test_a_refused_address_is_not_tried_again(settings: Any, deferring_backend: Any) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        deliver_email.call(**MESSAGE)
    assert deferring_backend.results == []


def test_the_last_attempt_fails_the_task_for_staff_to_see(
    settings: Any, deferring_backend: Any
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"
    with pytest.raises(ConnectionRefusedError):
        deliver_email.call(**MESSAGE, attempt=mail_retry.MAX_ATTEMPTS)
    assert deferring_backend.results == []


def _reset_code_page(email: str) -> str:
    answer = Client().post(reverse("account_reset_password"), {"email": email}, follow=True)
    assert answer.status_code == 200
    return answer.content.decode()


def test_the_code_page_says_that_mail_is_late(settings: Any, member: User) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"
    assert "Email is running late" not in _reset_code_page(member.email)
    deliver_email.using(run_after=timezone.now() + timedelta(minutes=1)).enqueue(
        **MESSAGE, attempt=2
    )  # as the worker queues it after a failed first attempt
    page = _reset_code_page(member.email)
    assert "Email is running late" in page
    assert "you do not need to ask for another one" in page

"""Mail the server could not take is tried again later, never dropped.

A transient failure (the SMTP server is down, times out, or answers 4xx) queues
the same message again with `run_after` growing from `ALLYPORT_MAIL_RETRY_SECONDS`
(doubling per attempt, at most an hour apart) for `MAX_ATTEMPTS` attempts, about a
day. A permanent refusal (5xx), or the last attempt, fails the task: it stays in
the task list for staff with the error. While a retry waits, `delayed()` is true
and the pages where people wait for a code say that mail is late.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import TaskResultStatus

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 30
LONGEST_WAIT = timedelta(hours=1)
TASK_PATH = "allyport.core.tasks.deliver_email"


def wait_before(attempt: int) -> timedelta:
    """How long after failed attempt `attempt` (1 = the first) the next one runs."""
    first = timedelta(seconds=settings.ALLYPORT_MAIL_RETRY_SECONDS)
    return min(first * 2 ** min(attempt - 1, 20), LONGEST_WAIT)


def is_transient(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(code < 500 for code, _text in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code < 500
    return isinstance(error, (smtplib.SMTPException, OSError))


def send_or_retry(
    message: EmailMessage,
    attempt: int,
    retry: Callable[[datetime, int], object],
    can_defer: bool = True,
) -> bool:
    """Send `message` (True); on a transient failure call `retry(run_after,
    next_attempt)` and answer False (unless the task backend cannot run a task later:
    then the failure stands)."""
    try:
        message.send()
    except Exception as error:
        if not (can_defer and is_transient(error)) or attempt >= MAX_ATTEMPTS:
            logger.error(
                "Mail %r not delivered after %d attempts: %s", message.subject, attempt, error
            )
            raise
        run_after = timezone.now() + wait_before(attempt)
        logger.warning(
            "Mail %r not delivered (attempt %d: %s); next attempt at %s",
            message.subject, attempt, error, run_after.isoformat(timespec="seconds"),
        )  # fmt: skip
        retry(run_after, attempt + 1)
        return False
    return True


def delayed() -> bool:
    """Whether a message waits for another attempt (only the database queue keeps
    them; the tests' immediate backend runs each attempt at once)."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=TASK_PATH, status=TaskResultStatus.READY, args_kwargs__kwargs__attempt__gt=1
    )
    return waiting.exists()

"""The mail queue carries references to encrypted messages; the development mailbox,
which keeps bodies, never runs in production."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.test import override_settings

from allyport.core import mail as outgoing
from allyport.core.mailbox import DevMailboxBackend
from allyport.core.models import DevMail, OutgoingMail
from allyport.core.tasks import deliver_email


def test_a_delivered_message_keeps_no_content(db: None) -> None:
    outgoing.enqueue_message(
        EmailMessage("Your code", "Code 424242", "a@x.example", ["b@x.example"])
    )
    assert mail.outbox[0].body == "Code 424242" and mail.outbox[0].to == ["b@x.example"]
    (row,) = OutgoingMail.objects.all()
    assert row.sealed == "" and row.sent_at is not None and row.to == "b@x.example"
    deliver_email.call(mail_id=row.pk)  # a repeated job sends nothing twice
    assert len(mail.outbox) == 1


def test_it_still_delivers_a_job_queued_before_messages_were_sealed(db: None) -> None:
    deliver_email.call(subject="S", body="B", from_email="a@x.example", to=["b@x.example"])
    assert mail.outbox[0].subject == "S" and mail.outbox[0].body == "B"


@override_settings(PRODUCTION=True)
def test_the_development_mailbox_refuses_to_keep_mail_in_production(db: None) -> None:
    with pytest.raises(ImproperlyConfigured, match="not in production"):
        DevMailboxBackend().send_messages([EmailMessage("S", "B", "a@x.example", ["b@x.example"])])
    assert not DevMail.objects.exists()

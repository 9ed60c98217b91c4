from __future__ import annotations

from django.db import models
from django.utils import timezone


class DevMail(models.Model):
    """A message kept by the development mailbox (only without SMTP settings)."""

    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    to = models.CharField(max_length=1000)
    subject = models.CharField(max_length=400)
    body = models.TextField()

    class Meta:
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class OutgoingMail(models.Model):
    """A message waiting for the worker, its content encrypted.

    The task queue carries only this row's id, so sign-in codes, reset codes and
    invitation links never sit readable in the queue's arguments (which the admin
    shows); the content is cleared once the message is delivered.
    """

    created_at = models.DateTimeField(default=timezone.now)
    to = models.CharField(max_length=1000)
    sealed = models.TextField(help_text="Subject, body and sender, encrypted; empty once sent.")
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.to} ({'sent' if self.sent_at else 'queued'})"


class Generation(models.Model):
    """Where kept pages' generations live (core.generations): one row per thing that
    kept pages depend on, its stamp moved on after every committed change of it.

    Rows of one company carry its id, so the signed-in member's query reads the
    company's rows and everyone's (`company` empty) along with the session."""

    key = models.CharField(max_length=150, primary_key=True)
    company_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    stamp = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.key} = {self.stamp}"

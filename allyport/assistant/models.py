"""Conversations with the AWS Partner Assistant, the feedback on its answers, and
each company's choice to turn it off.

Every text a person typed is stored masked (`helpcentre.privacy.mask`): emails,
phone numbers and keys never reach these tables. Conversations and feedback older
than `ALLYPORT_ASSISTANT_RETENTION_DAYS` are deleted by the maintenance sweep."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompanySetting(models.Model):
    """A company's opt-out (the FAQ: the assistant is an optional feature). No row: on."""

    company = models.OneToOneField(
        "accounts.Company", on_delete=models.CASCADE, related_name="assistant_setting"
    )
    enabled = models.BooleanField(default=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.company}: {'on' if self.enabled else 'off'}"


class Conversation(models.Model):
    """One person's conversation; the newest is the one the panel shows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assistant_conversations"
    )
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.user} {self.started_at:%Y-%m-%d %H:%M}"


class Exchange(models.Model):
    """A question and the answer it got (both stored masked)."""

    KINDS = [
        ("answer", _("Answered")),
        ("action_declined", _("Action declined")),
        ("account", _("Account question")),
        ("unanswered", _("Unanswered")),
    ]

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="exchanges"
    )
    question = models.TextField()
    kind = models.CharField(max_length=20, choices=KINDS)
    answer = models.TextField()
    note = models.CharField(max_length=500, blank=True)
    # [{"title": ..., "url": ...}] as the answer cited them.
    citations = models.JSONField(default=list)
    passage_ids = models.JSONField(default=list)
    asked_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.question[:80]

    @property
    def links(self) -> list[dict[str, str]]:
        """The citations that are links of this site or of the web (never `javascript:`)."""
        return [
            c
            for c in self.citations
            if str(c.get("url", "")).startswith(("/", "https://", "http://"))
            and not str(c.get("url", "")).startswith("//")
        ]

    @property
    def vote_or_none(self) -> Vote | None:
        try:
            return self.vote
        except ObjectDoesNotExist:
            return None

    @property
    def case_query(self) -> str:
        """Support's Create case form, filled in with the question (subject and description)."""
        return urlencode({"subject": self.question[:255], "description": self.question})


class Vote(models.Model):
    """Thumbs up or down on one answer; a thumbs down may say why."""

    REASONS = [
        ("incorrect", _("The answer is incorrect")),
        ("incomplete", _("The answer is incomplete")),
        ("not_relevant", _("The answer does not match my question")),
        ("outdated", _("The information is outdated")),
        ("links", _("The sources or links do not help")),
        ("other", _("Other")),
    ]

    exchange = models.OneToOneField(Exchange, on_delete=models.CASCADE, related_name="vote")
    helpful = models.BooleanField()
    reason = models.CharField(max_length=20, choices=REASONS, blank=True)
    comment = models.TextField(blank=True)
    voted_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self) -> str:
        return f"{'up' if self.helpful else 'down'}: {self.exchange}"


class Rating(models.Model):
    """The panel's Feedback: a rating of the experience (1 to 5) with comments."""

    SCALE = [
        (1, _("1 – Very poor")),
        (2, _("2 – Poor")),
        (3, _("3 – Fair")),
        (4, _("4 – Good")),
        (5, _("5 – Excellent")),
    ]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(choices=SCALE)
    comment = models.TextField(blank=True)
    rated_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.score}/5"

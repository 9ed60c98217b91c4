"""Support cases, their correspondence and files, the lists a case is filed under,
and the help articles.

A case belongs to a partner company, except a locked-out person's message (no
company: staff answer it by email). Its `kind` is where it came from: the
Partner Support page, the locked-out contact form, or an unlinking request.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def case_id() -> str:
    """Ten digits, as the support centre shows case numbers."""
    return str(secrets.randbelow(9 * 10**9) + 10**9)


class Topic(models.Model):
    """One entry of the dependent lists staff maintain: a Type of Case (no parent),
    its Question Types, and their Get Specific choices."""

    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    key = models.SlugField(_("key"), max_length=64)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "key"], name="support_topic_key"),
        ]

    def __str__(self) -> str:
        return f"{self.parent} › {self.name}" if self.parent_id else self.name


class SupportCase(models.Model):
    OPEN = "open"
    PENDING = "pending"
    RESOLVED = "resolved"
    STATUSES = [
        (OPEN, _("Open")),
        (PENDING, _("Pending partner action")),
        (RESOLVED, _("Resolved")),
    ]
    ACTIVE = (OPEN, PENDING)

    PARTNER = "partner"
    LOCKOUT = "lockout"
    UNLINK = "account-linking"
    KINDS = [
        (PARTNER, _("Partner Support")),
        (LOCKOUT, _("Locked-out contact")),
        (UNLINK, _("Account unlinking request")),
    ]

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    case_id = models.CharField(max_length=10, unique=True, default=case_id)
    subject = models.CharField(max_length=255)
    category = models.CharField(max_length=64)
    kind = models.CharField(max_length=20, choices=KINDS, default=PARTNER)
    status = models.CharField(max_length=10, choices=STATUSES, default=OPEN)
    # Resolved or not, kept by save() from the status: the Partner Support page lists
    # open and previous cases each as one index range (company, closed, id DESC).
    closed = models.BooleanField(default=False, editable=False)
    case_type = models.ForeignKey(
        Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    question_type = models.ForeignKey(
        Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    specific = models.ForeignKey(
        Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # A locked-out person has no account: staff answer them at this address.
    contact_name = models.CharField(max_length=120, blank=True)
    contact_email = models.EmailField(blank=True)
    lockout = models.OneToOneField(
        "accounts.LockoutContact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_case",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    first_response_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["company", "-created_at"]),
            # The Partner Support page: a company's open or previous cases, newest first,
            # all of them (alliance lead and team) or one member's own.
            models.Index(fields=["company", "closed", "-id"], name="support_company_closed"),
            models.Index(
                fields=["company", "opened_by", "closed", "-id"], name="support_company_own"
            ),
            # The staff queue: by status, oldest first.
            models.Index(fields=["status", "created_at"], name="support_queue"),
        ]

    def __str__(self) -> str:
        return f"Case {self.case_id}: {self.subject}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.closed = self.status == self.RESOLVED
        fields = kwargs.get("update_fields")
        if fields is not None and "status" in fields:
            kwargs["update_fields"] = {*fields, "closed"}
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def arn(self) -> str:
        return f"arn:aws:support::{settings.ALLYPORT_AWS_REGION}:case/{self.case_id}"


class CaseMessage(models.Model):
    case = models.ForeignKey(SupportCase, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_staff = models.BooleanField(default=False)
    # Staff's notes to each other: never shown to partners.
    internal = models.BooleanField(default=False)
    body = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Message on case {self.case_id}"


def attachment_path(instance: Attachment, filename: str) -> str:
    """Our own name for the stored file: the uploaded name never reaches the storage."""
    return f"support/{instance.case.case_id}/{instance.public_id}"


class Attachment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(SupportCase, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(CaseMessage, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    name = models.CharField(max_length=200)  # the uploaded name, made safe, for display
    content_type = models.CharField(max_length=100)  # sniffed from the content
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    """A help article staff write in Markdown (rendered and sanitised when shown)."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body (Markdown)"), max_length=50000)
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ArticleVote(models.Model):
    """One person's answer to "Was this article helpful?" (they may change it)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="support_one_vote"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {'yes' if self.helpful else 'no'}"

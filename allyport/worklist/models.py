"""The task catalogue (staff-kept data), the tasks recommended to each company, and the
growth stages that decide which solution tasks apply.

A `TaskDefinition` says what a task is (its type, stage, words), how it is done (a form
whose fields are data, or a link to where the work happens, optionally with a check that
sees the work done) and for whom it applies (a rule, data read by `rules.py`). A `Task`
is one definition recommended to one company (and, for solution tasks, one offering).
`GrowthRule` rows say when a company or an offering moves on; `OfferingStage` and
`CompanyGrowth` keep where each one stands.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.core.ids import alnum


def task_id() -> str:
    return "task-" + alnum(13)


class TaskType(models.TextChoices):
    ACCOUNT = "account", _("Account tasks")
    SOLUTION = "solution", _("Solution tasks")
    PROGRAM = "program", _("Program tasks")


class GrowthStage(models.TextChoices):
    """The four stages of a solution (the guide's "Solution growth stage tasks")."""

    BUILD = "Build", _("Build")
    MARKET = "Market", _("Market")
    SELL = "Sell", _("Sell")
    GROW = "Grow", _("Grow")


STAGE_ORDER = [stage.value for stage in GrowthStage]


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Not started")
    WORK_DONE = "work_done", _("Ready to confirm")
    COMPLETED = "completed", _("Completed")
    DISMISSED = "dismissed", _("Dismissed")


class TaskDefinition(models.Model):
    """One entry of the catalogue. `form_fields` is a list of
    {name, label, kind: text|textarea|url|date|checkbox, required, help}; `link` is a
    portal URL name (given the offering's id when it takes one) or an https address;
    `done_rule` (a rule, as `rule`) sees linked work done; `rule` says for whom the
    task applies (both read by `rules.py`)."""

    key = models.SlugField(max_length=80, unique=True)
    type = models.CharField(max_length=10, choices=TaskType.choices)
    stage = models.CharField(max_length=8, choices=GrowthStage.choices, blank=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    form_fields = models.JSONField(default=list, blank=True)
    link = models.CharField(max_length=500, blank=True)
    link_label = models.CharField(max_length=100, blank=True)
    done_rule = models.JSONField(default=dict, blank=True)
    rule = models.JSONField(default=dict, blank=True)
    order = models.PositiveIntegerField(default=100)
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["type", "order", "key"]
        verbose_name = _("task definition")

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    """A definition recommended to a company (and one offering for solution tasks)."""

    public_id = models.CharField(max_length=24, unique=True, default=task_id)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    definition = models.ForeignKey(TaskDefinition, on_delete=models.PROTECT, related_name="+")
    # Copied from the definition so lists filter on one table.
    type = models.CharField(max_length=10, choices=TaskType.choices)
    solution = models.ForeignKey(
        "pipeline.Solution", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    status = models.CharField(max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    answers = models.JSONField(default=dict, blank=True)
    dismissed_reason = models.TextField(blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "definition", "solution"], name="task_once_per_offering"
            ),
            models.UniqueConstraint(
                fields=["company", "definition"],
                condition=models.Q(solution__isnull=True),
                name="task_once_per_company",
            ),
        ]
        indexes = [
            # The Tasks page: one tab of a company, newest first, a page at a time.
            models.Index(fields=["company", "type", "id"], name="task_company_type_idx"),
            # My tasks (a tab, newest first), the home page's counts and newest tasks.
            models.Index(fields=["assignee", "type", "id"], name="task_assignee_type_idx"),
            models.Index(
                fields=["assignee", "status", "type", "company"], name="task_assignee_status_idx"
            ),
            models.Index(fields=["assignee", "id"], name="task_assignee_newest_idx"),
            models.Index(fields=["company", "type", "status"], name="task_status_idx"),
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def is_open(self) -> bool:
        return self.status in (TaskStatus.OPEN, TaskStatus.WORK_DONE)


class GrowthRule(models.Model):
    """When a company or an offering moves on: once `measure` (a count named in
    `growth.MEASURES`) reaches `threshold`, the subject reaches `target` (a growth stage
    for offerings; "referral_eligible" for companies)."""

    class Subject(models.TextChoices):
        COMPANY = "company", _("Company")
        OFFERING = "offering", _("Offering")

    subject = models.CharField(max_length=10, choices=Subject.choices)
    target = models.CharField(max_length=40)
    measure = models.CharField(max_length=60)
    threshold = models.PositiveIntegerField()
    description = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["subject", "threshold"]
        verbose_name = _("growth rule")

    def __str__(self) -> str:
        return f"{self.subject} → {self.target} ({self.measure} ≥ {self.threshold})"


class OfferingStage(models.Model):
    """Where an offering stands; stages only move forward."""

    solution = models.OneToOneField("pipeline.Solution", on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    stage = models.CharField(max_length=8, choices=GrowthStage.choices, default=GrowthStage.BUILD)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.solution_id}: {self.stage}"


class CompanyGrowth(models.Model):
    """A company's standing for the rules, and the fingerprint of what the last
    recommendation read (recomputed only when it changes)."""

    company = models.OneToOneField("accounts.Company", on_delete=models.CASCADE, related_name="+")
    referral_eligible_at = models.DateTimeField(null=True, blank=True)
    fingerprint = models.CharField(max_length=200, blank=True)
    refreshed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.company_id}: eligible since {self.referral_eligible_at}"

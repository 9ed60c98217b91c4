"""The catalogue staff keep: programs, the designations one applies for, their
eligibility and application steps, and the program's resource pages."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.accounts.choices import Stage


class Program(models.Model):
    """An AWS Partner program (AWS Competency, AWS Service Delivery, ISV Workload
    Migration, Solution Provider…): what it is and who may join."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    benefits = models.TextField(_("benefits"), blank=True)
    guidelines_url = models.URLField(_("program guidelines"), blank=True)
    published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DesignationKind(models.TextChoices):
    COMPETENCY = "competency", _("AWS Competency")
    SERVICE_DELIVERY = "service_delivery", _("AWS Service Delivery")
    SERVICE_READY = "service_ready", _("AWS Service Ready")
    PROGRAM = "program", _("Program designation")


# Designations that are AWS Specializations: earning one is what the partner path's
# Differentiated stage means (a Validated partner with a specialization).
SPECIALIZATION_KINDS = frozenset(
    {DesignationKind.COMPETENCY, DesignationKind.SERVICE_DELIVERY, DesignationKind.SERVICE_READY}
)


class Designation(models.Model):
    """What a company applies for and is granted: eligibility by path and stage, the
    requirements in words, and the application's own steps (questions, how many case
    studies and references it needs, whether attachments are required)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="designations")
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=DesignationKind.choices)
    summary = models.CharField(_("summary"), max_length=300)
    requirements = models.TextField(_("requirements"), blank=True)
    paths = models.JSONField(_("eligible paths"), default=list, blank=True)
    min_stage = models.CharField(
        _("minimum stage"), max_length=20, choices=Stage.choices, default=Stage.VALIDATED
    )
    questions = models.JSONField(
        _("questions"), default=list, blank=True, help_text=_("A list of questions, as text.")
    )
    case_studies_required = models.PositiveSmallIntegerField(_("case studies required"), default=0)
    references_required = models.PositiveSmallIntegerField(_("references required"), default=0)
    attachment_required = models.BooleanField(_("attachment required"), default=False)
    acknowledgement = models.TextField(
        _("acknowledgement"),
        default=_(
            "I have read the program guidelines and confirm that the information I submit is "
            "accurate and that AWS may verify it with the customers named."
        ),
    )
    published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_specialization(self) -> bool:
        return self.kind in SPECIALIZATION_KINDS

    def question_list(self) -> list[str]:
        found: Any = self.questions
        return [str(q) for q in found] if isinstance(found, list) else []


class ResourcePage(models.Model):
    """A page of a program's resources (Solution Provider Resources), written and
    published by staff."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="resources")
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=160)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("body"), help_text=_("Plain text; blank lines separate paragraphs."))
    link = models.URLField(_("link"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]

"""Build: case studies, devices submitted for qualification, Well-Architected workload
reviews. Each belongs to one company and goes through staff review (`Reviewed`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.content.shared.ids import case_study_id, device_id, workload_id
from allyport.content.shared.models import Reviewed, StoredFile


class CaseStudy(Reviewed):
    public_id = models.CharField(max_length=24, unique=True, default=case_study_id, editable=False)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    customer = models.CharField(_("customer"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    challenge = models.TextField(_("challenge"))
    solution = models.TextField(_("solution"))
    results = models.TextField(_("results"))
    url = models.URLField(_("public link"), blank=True)
    offerings = models.ManyToManyField("pipeline.Solution", blank=True, related_name="+")

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        indexes = [models.Index(fields=["company", "status"], name="case_study_company_idx")]

    def __str__(self) -> str:
        return self.title


class DeviceCategory(models.TextChoices):
    GATEWAY = "gateway", _("Gateway")
    SENSOR = "sensor", _("Sensor")
    CAMERA = "camera", _("Camera")
    EDGE = "edge", _("Edge server")
    MODULE = "module", _("Connectivity module")
    OTHER = "other", _("Other")


class Device(Reviewed):
    """A hardware product submitted for qualification; validated is "qualified" and
    listed in the public device catalogue."""

    public_id = models.CharField(max_length=24, unique=True, default=device_id, editable=False)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("product name"), max_length=200)
    model_number = models.CharField(_("model number"), max_length=80)
    category = models.CharField(_("category"), max_length=12, choices=DeviceCategory.choices)
    description = models.TextField(_("description"))
    specifications = models.JSONField(_("specifications"), default=dict)
    datasheet = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("device")
        indexes = [models.Index(fields=["status", "name"], name="device_catalogue_idx")]
        constraints = [
            models.UniqueConstraint(fields=["company", "model_number"], name="one_device_per_model")
        ]

    def __str__(self) -> str:
        return self.name


class WorkloadPath(models.TextChoices):
    SOFTWARE = "Software", _("Software")
    SERVICES = "Services", _("Services")


PILLARS = (
    ("operational_excellence", _("Operational excellence")),
    ("security", _("Security")),
    ("reliability", _("Reliability")),
    ("performance_efficiency", _("Performance efficiency")),
    ("cost_optimization", _("Cost optimization")),
    ("sustainability", _("Sustainability")),
)
RISKS = (("none", _("No risk")), ("medium", _("Medium risk")), ("high", _("High risk")))


class WorkloadReview(Reviewed):
    """A Well-Architected review of one workload: per pillar its risk and findings,
    and the improvement plan."""

    public_id = models.CharField(max_length=24, unique=True, default=workload_id, editable=False)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("workload name"), max_length=200)
    path = models.CharField(_("path"), max_length=10, choices=WorkloadPath.choices)
    customer = models.CharField(_("customer"), max_length=200, blank=True)
    description = models.TextField(_("description"))
    pillars = models.JSONField(_("pillar findings"), default=dict)
    improvement_plan = models.TextField(_("improvement plan"))

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("Well-Architected workload review")

    def __str__(self) -> str:
        return self.name

    def pillar_rows(self) -> list[tuple[str, str, str]]:
        risks = dict(RISKS)
        return [
            (str(label), str(risks.get(self.pillars.get(key, {}).get("risk", ""), "")),
             self.pillars.get(key, {}).get("findings", ""))
            for key, label in PILLARS
        ]  # fmt: skip

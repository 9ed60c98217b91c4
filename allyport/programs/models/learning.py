"""The learning catalogue staff publish (courses, learning paths, accreditations),
people's enrolments and completions, and the certification records staff import."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CourseKind(models.TextChoices):
    """The Learn menu's items, each a list of the catalogue."""

    PARTNER_TRAINING = "partner_training", _("Partner Training")
    SELF_PACED = "self_paced", _("Self-Paced Training")
    INSTRUCTOR_LED = "instructor_led", _("Instructor-Led Training")
    CERTIFICATION = "certification", _("Certification")


class Course(models.Model):
    class Format(models.TextChoices):
        COURSE = "course", _("Course")
        LEARNING_PATH = "learning_path", _("Learning path")
        ACCREDITATION = "accreditation", _("Accreditation")
        EXAM_PREP = "exam_prep", _("Exam preparation")

    class Track(models.TextChoices):
        BUSINESS = "business", _("Business")
        TECHNICAL = "technical", _("Technical")

    kind = models.CharField(_("Learn menu item"), max_length=20, choices=CourseKind.choices)
    title = models.CharField(_("title"), max_length=160)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    level = models.CharField(_("level"), max_length=40, default="Foundational")
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=60)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    track = models.CharField(_("track"), max_length=10, choices=Track.choices, default="technical")
    link = models.URLField(_("link"), blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    file_content = models.BinaryField(_("hosted file"), blank=True, null=True, editable=True)
    published = models.BooleanField(_("published"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_accreditation(self) -> bool:
        return self.format == self.Format.ACCREDITATION

    @property
    def duration_label(self) -> str:
        hours, minutes = divmod(self.duration_minutes, 60)
        return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


class Enrolment(models.Model):
    """A person's enrolment in a course; `completed_at` is the completion record."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrolments")
    enrolled_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="programs_one_enrolment")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.course_id}"


class CertificationLevel(models.TextChoices):
    FOUNDATIONAL = "foundational", _("Foundational")
    ASSOCIATE = "associate", _("Associate")
    PROFESSIONAL = "professional", _("Professional")
    SPECIALTY = "specialty", _("Specialty")


class CertificationRecord(models.Model):
    """One AWS Certification earned with an email address, as AWS Training and
    Certification reports it (staff import). It counts for the company of the person
    whose business email, or consented certifications email, it is — once
    `ALLYPORT_CERTIFICATION_DELAY_DAYS` have passed since it was recorded."""

    email = models.EmailField(_("email"))  # stored lower-case
    name = models.CharField(_("certification"), max_length=160)
    level = models.CharField(_("level"), max_length=16, choices=CertificationLevel.choices)
    earned_on = models.DateField(_("date earned"))
    expires_on = models.DateField(_("expiry"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        indexes = [models.Index(fields=["email", "recorded_at"], name="programs_cert_email")]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "name", "earned_on"], name="programs_one_certification"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.email})"

"""The programs app's tables: the catalogue of programs and designations and their
resource pages, program applications, the learning catalogue and enrolments,
certification records, and the scorecard's tiers and requirements."""

from allyport.programs.models.applications import (
    ApplicationAttachment,
    ApplicationComment,
    ApplicationStatus,
    ProgramApplication,
)
from allyport.programs.models.catalogue import Designation, DesignationKind, Program, ResourcePage
from allyport.programs.models.learning import (
    CertificationLevel,
    CertificationRecord,
    Course,
    CourseKind,
    Enrolment,
)
from allyport.programs.models.scorecard import Ladder, Metric, TierRequirement

__all__ = [
    "ApplicationAttachment",
    "ApplicationComment",
    "ApplicationStatus",
    "CertificationLevel",
    "CertificationRecord",
    "Course",
    "CourseKind",
    "Designation",
    "DesignationKind",
    "Enrolment",
    "Ladder",
    "Metric",
    "Program",
    "ProgramApplication",
    "ResourcePage",
    "TierRequirement",
]

"""Staff's review of program applications (from the admin): take one into review,
ask for action, approve or reject, each with a comment the company sees. Approving a
specialization may move the company to Differentiated."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Target, require
from allyport.audit import services as audit
from allyport.core.errors import NotFound, refuse
from allyport.programs.models import ApplicationComment, ApplicationStatus, ProgramApplication
from allyport.programs.models.applications import UNDER_REVIEW
from allyport.programs.permissions import REVIEW_APPLICATIONS
from allyport.programs.selectors import scorecard_cache
from allyport.programs.services.differentiation import set_differentiated_if_due

DECISIONS = (
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.ACTION_REQUIRED,
    ApplicationStatus.APPROVED,
    ApplicationStatus.REJECTED,
)
NEEDS_COMMENT = {ApplicationStatus.ACTION_REQUIRED, ApplicationStatus.REJECTED}


def set_application_status(
    actor: Actor, public_id: str, status: str, comment: str = ""
) -> ProgramApplication:
    require(actor, REVIEW_APPLICATIONS, Target())
    comment = comment.strip()
    if status not in DECISIONS:
        raise refuse("status", _("Choose In review, Action required, Approved or Rejected."))
    if status in NEEDS_COMMENT and not comment:
        raise refuse("comment", _("Tell the company what to do or why."))
    with transaction.atomic():
        application = (
            ProgramApplication.objects.select_for_update()
            .select_related("designation", "company")
            .filter(public_id=public_id)
            .first()
        )
        if application is None:
            raise NotFound("ProgramApplication", public_id)
        if application.status not in UNDER_REVIEW:
            raise refuse("status", _("Only submitted applications are reviewed."))
        application.status = status
        application.updated_at = timezone.now()
        if status in (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED):
            application.decided_at = application.updated_at
        application.save()
        if comment:
            ApplicationComment.objects.create(
                application=application, author=actor.user, from_staff=True,
                status=status, body=comment[:4000],
            )  # fmt: skip
        audit.record_change(
            actor, "ReviewProgramApplication", company=application.company,
            request_parameters={"applicationId": public_id, "status": status, "comment": comment},
        )  # fmt: skip
        if status == ApplicationStatus.APPROVED:
            set_differentiated_if_due(actor, application.company)
        scorecard_cache.forget(application.company_id)
    return application

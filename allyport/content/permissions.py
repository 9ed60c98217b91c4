"""Who may do each content operation, declared once (see `access.decisions.Permission`).

Members need the access-model action (and, through `shared.guard.require`, the menu
item); staff review and validate what partners submit; the system sends reminders.
None of these operations is part of a Partner Central API, so no IAM action allows them.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from allyport.access.decisions import Permission

_STAFF_ONLY = _("only staff review and validate submissions")
_NO_API = _("only members of the partner company may do this, on the portal's pages")

REGISTER_FOR_EVENT = Permission(member="register_for_partner_events", refusal=_NO_API)
SEND_EVENT_REMINDER = Permission(
    staff=True, system=True, refusal=_("only the system sends reminders")
)
FOLLOW_ENABLEMENT = Permission(member="follow_enablement", refusal=_NO_API)

EDIT_CASE_STUDY = Permission(member="build_case_studies", refusal=_NO_API)
REVIEW_CASE_STUDY = Permission(staff=True, refusal=_STAFF_ONLY)
SUBMIT_DEVICE = Permission(member="submit_devices", refusal=_NO_API)
REVIEW_DEVICE = Permission(staff=True, refusal=_STAFF_ONLY)
RECORD_WORKLOAD = Permission(member="build_well_architected_workloads", refusal=_NO_API)
REVIEW_WORKLOAD = Permission(staff=True, refusal=_STAFF_ONLY)

REQUEST_SPONSORSHIP = Permission(member="request_sponsorships", refusal=_NO_API)
REVIEW_SPONSORSHIP = Permission(staff=True, refusal=_STAFF_ONLY)
SUBMIT_REFERENCE = Permission(member="manage_public_references", refusal=_NO_API)
REVIEW_REFERENCE = Permission(staff=True, refusal=_STAFF_ONLY)
GENERATE_BADGE = Permission(member="access_badge_manager", refusal=_NO_API)

MANAGE_JOBS = Permission(member="manage_job_board", refusal=_NO_API)

# The menu items (access model keys) each part's pages and services sit under.
CASE_STUDIES = "Build/Case Studies"
DEVICE_LISTING = "Build/Device Listing"
WORKLOADS = "Build/Well-Architected workloads"
SPONSORSHIPS = "Market/Sponsorships"
TOOLKIT = "Market/Marketing Toolkit"
PUBLIC_REFERENCE = "Market/Public Reference"
BADGE_MANAGER = "Market/Badge Manager"
JOB_BOARD = "My Company/Job Board"
NAVIGATE = "Resources/Navigate"
DOCUMENTS = "Resources/Documents"
VIDEOS = "Resources/Videos"
FAQS = "Resources/FAQs"
VIEW_ALL = "Resources/View all"

"""Who may do each programs operation, declared once. Members need the access
model's rights; staff review, publish and import; the system (demo data, commands)
may do what staff do."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from allyport.access.decisions import Permission

# Applying: the access model's `apply_to_programs` (alliance lead, alliance team,
# technical staff); the page's menu item also asks for Validated or higher.
APPLY_TO_PROGRAMS = Permission(member="apply_to_programs")
REVIEW_APPLICATIONS = Permission(
    staff=True, system=True, refusal=_("only staff review program applications")
)
IMPORT_CERTIFICATIONS = Permission(
    staff=True, system=True, refusal=_("only staff import certifications")
)
# A stage change by a program decision: staff's review, or the system.
MOVE_STAGE = Permission(staff=True, system=True, refusal=_("only staff change the stage"))
# My Company > View all Training and Certification.
VIEW_TRAINING_DATA = Permission(member="access_training_and_certification_data")

# Menu items of the pages (asked as "menu:<item>").
PROGRAM_APPLICATION = "Programs/Program Application"
PARTNER_PROGRAMS = "Programs/Partner Programs"
SOLUTION_PROVIDER_RESOURCES = "Programs/Solution Provider Resources"
PARTNER_SCORECARD = "My Company/Partner Scorecard"
TRAINING_AND_CERTIFICATION = "My Company/View all Training and Certification"
MY_CERTIFICATIONS = "My Profile/My Certifications"
# Editing an application's steps: the guide lets marketing staff "create and edit program
# applications" too (`manage_program_applications`); starting and submitting one is applying.
EDIT_APPLICATIONS = Permission(member="manage_program_applications")

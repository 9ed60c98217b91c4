"""Who may do each funding operation, declared once (see
`allyport.pipeline.shared.permissions`).

Members: every role sees the Funding menu (the guide: Funding Benefits and the
Funding Portal are for all roles), so reading needs only the menu; changing an
application needs the program-application right (alliance lead, alliance team,
marketing staff — who the guide says prioritises MDF — and technical staff). IAM
principals: the policy's allow of `partnercentral:<Operation>`. Staff review.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from allyport.access.decisions import Permission

APPLY = "manage_program_applications"
PORTAL_MENU = "menu:Funding/Funding Portal"
BENEFITS_MENU = "menu:Funding/Funding Benefits"


def _read(operation: str) -> Permission:
    return Permission(iam=f"partnercentral:{operation}")


def _write(operation: str) -> Permission:
    return Permission(member=APPLY, iam=f"partnercentral:{operation}")


LIST_BENEFITS = _read("ListBenefits")
GET_BENEFIT = _read("GetBenefit")
LIST_APPLICATIONS = _read("ListBenefitApplications")
GET_APPLICATION = _read("GetBenefitApplication")
LIST_ALLOCATIONS = _read("ListBenefitAllocations")
GET_ALLOCATION = _read("GetBenefitAllocation")
LIST_TAGS = _read("ListTagsForResource")
CREATE_APPLICATION = _write("CreateBenefitApplication")
UPDATE_APPLICATION = _write("UpdateBenefitApplication")
SUBMIT_APPLICATION = _write("SubmitBenefitApplication")
RECALL_APPLICATION = _write("RecallBenefitApplication")
CANCEL_APPLICATION = _write("CancelBenefitApplication")
AMEND_APPLICATION = _write("AmendBenefitApplication")
ASSOCIATE_RESOURCE = _write("AssociateBenefitApplicationResource")
DISASSOCIATE_RESOURCE = _write("DisassociateBenefitApplicationResource")
TAG_RESOURCE = _write("TagResource")
UNTAG_RESOURCE = _write("UntagResource")
# The program's side: staff in the admin (and the system) review applications.
REVIEW_APPLICATION = Permission(
    staff=True, system=True, refusal=gettext_lazy("only staff review benefit applications")
)

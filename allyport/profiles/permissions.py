"""Who may do each profile operation, declared once (like `customers/permissions.py`):
members need the access-model action, IAM principals the policy's allow of the account
API's operation on the partner's ARN, staff and the system where the program acts."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from allyport.access.decisions import Permission

MANAGE_PROFILE = "manage_company_profile"
MANAGE_LISTING = "manage_solutions_finder_listing"
PAY_FEE = "pay_program_fee"
ACCEPT_TERMS = "accept_partner_terms"


def _account(
    operation: str, member: str | None = MANAGE_PROFILE, *, staff: bool = True
) -> Permission:
    return Permission(member=member, iam=f"partnercentral:{operation}", staff=staff)


GET_PARTNER = _account("GetPartner")
LIST_PARTNERS = _account("ListPartners")
CREATE_PARTNER = Permission(
    iam="partnercentral:CreatePartner",
    staff=True,
    system=True,
    refusal=gettext_lazy("partners register through the registration pages"),
)
START_PROFILE_UPDATE = _account("StartProfileUpdateTask")
GET_PROFILE_UPDATE = _account("GetProfileUpdateTask")
CANCEL_PROFILE_UPDATE = _account("CancelProfileUpdateTask")
GET_VISIBILITY = _account("GetProfileVisibility", MANAGE_LISTING)
PUT_VISIBILITY = _account("PutProfileVisibility", MANAGE_LISTING)
GET_ALLIANCE_LEAD = _account("GetAllianceLeadContact")
PUT_ALLIANCE_LEAD = _account("PutAllianceLeadContact")
SEND_CODE = _account("SendEmailVerificationCode")
ASSOCIATE_CERT_DOMAIN = _account("AssociateAwsTrainingCertificationEmailDomain")
DISASSOCIATE_CERT_DOMAIN = _account("DisassociateAwsTrainingCertificationEmailDomain")
START_VERIFICATION = _account("StartVerification")
GET_VERIFICATION = _account("GetVerification")
START_QUALIFICATIONS_ASSOCIATION = _account("StartQualificationsAssociationTask")
GET_QUALIFICATIONS_ASSOCIATION = _account("GetQualificationsAssociationTask")
START_QUALIFICATIONS_DISASSOCIATION = _account("StartQualificationsDisassociationTask")
GET_QUALIFICATIONS_DISASSOCIATION = _account("GetQualificationsDisassociationTask")
GET_QUALIFICATIONS_DETAILS = _account("GetQualificationsAssociationDetails")
# Changes the pages make that are parts of the profile update (IAM: the same operation).
EDIT_PROFILE = START_PROFILE_UPDATE
MANAGE_DOMAINS = _account("AssociateAwsTrainingCertificationEmailDomain")
ENROLL_IN_PATH = _account("StartProfileUpdateTask", staff=False)
SUBMIT_FEE_UPGRADE = Permission(member=PAY_FEE, staff=False)
ACCEPT_PARTNER_TERMS = Permission(member=ACCEPT_TERMS, system=True)
# The program's side: staff in the admin, operator commands and the system's sweeps.
_STAFF_ONLY = gettext_lazy("only the program's staff may do this")
REVIEW = Permission(staff=True, system=True, refusal=_STAFF_ONLY)

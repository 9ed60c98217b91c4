"""The profiles app's tables (Django's registry imports this module)."""

from allyport.profiles.models.codes import CertificationDomain, EmailVerificationCode
from allyport.profiles.models.finder import FinderFacet, FinderListing
from allyport.profiles.models.partner import (
    AllianceLeadContact,
    QualificationsAssociation,
    QualificationsTask,
    Verification,
)
from allyport.profiles.models.profile import (
    CompanyProfile,
    Location,
    ProfileLogo,
    ProfileVersion,
    SolutionDescription,
)
from allyport.profiles.models.program import (
    PartnerStanding,
    PathEnrollment,
    ProgramFee,
    StageChange,
)
from allyport.profiles.models.terms import TermsAcceptance, TermsVersion

__all__ = [
    "AllianceLeadContact",
    "CertificationDomain",
    "CompanyProfile",
    "EmailVerificationCode",
    "FinderFacet",
    "FinderListing",
    "Location",
    "PartnerStanding",
    "PathEnrollment",
    "ProfileLogo",
    "ProfileVersion",
    "ProgramFee",
    "QualificationsAssociation",
    "QualificationsTask",
    "SolutionDescription",
    "StageChange",
    "TermsAcceptance",
    "TermsVersion",
    "Verification",
]

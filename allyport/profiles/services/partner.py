"""The partner record: the alliance lead contact and CreatePartner."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Target, require
from allyport.accounts.choices import PATHS_BY_SOLUTION_TYPE
from allyport.accounts.domains import company_for_domain, domain_of, is_personal_domain
from allyport.accounts.models import Company, CompanyDomain
from allyport.core.errors import REQUIRED, Conflict, FieldError, RuleViolation
from allyport.profiles import permissions as perms
from allyport.profiles.enums import PrimarySolutionType
from allyport.profiles.models import AllianceLeadContact, EmailVerificationCode
from allyport.profiles.services.codes import consume_code
from allyport.profiles.services.common import record, require_on
from allyport.profiles.services.versions import ensure_profile

CONTACT_FIELDS = {
    "FirstName": "first_name",
    "LastName": "last_name",
    "Email": "email",
    "BusinessTitle": "business_title",
}


def check_contact(contact: Mapping[str, Any], field: str = "AllianceLeadContact") -> dict[str, str]:
    errors = []
    values: dict[str, str] = {}
    for api, name in CONTACT_FIELDS.items():
        value = str(contact.get(api) or "").strip()
        if not value:
            errors.append(FieldError(f"{field}.{api}", _("This field is required."), REQUIRED))
        elif len(value) > (320 if api == "Email" else 80):
            errors.append(FieldError(f"{field}.{api}", _("This value is too long.")))
        values[name] = value
    if values.get("email") and "@" not in values["email"]:
        errors.append(FieldError(f"{field}.Email", _("Enter an email address.")))
    if errors:
        raise RuleViolation(errors)
    values["email"] = values["email"].lower()
    return values


def put_alliance_lead_contact(
    actor: Actor,
    company: Company,
    contact: Mapping[str, Any],
    code: str | None = None,
    *,
    catalog: str = "AWS",
) -> AllianceLeadContact:
    """PutAllianceLeadContact: replace the contact; a code (SendEmailVerificationCode to
    the contact's address) marks the address verified."""
    require_on(actor, perms.PUT_ALLIANCE_LEAD, company, catalog)
    values = check_contact(contact)
    verified = None
    if code:
        consume_code(
            company, values["email"], EmailVerificationCode.Purpose.API, code,
            field="EmailVerificationCode",
        )  # fmt: skip
        verified = timezone.now()
    with transaction.atomic():
        found, _created = AllianceLeadContact.objects.update_or_create(
            company=company,
            defaults={**values, "verified_at": verified, "updated_at": timezone.now()},
        )
        record(
            actor, "PutAllianceLeadContact", company,
            {"identifier": company.public_id, "allianceLeadContact": contact},
        )  # fmt: skip
    return found


def create_partner(
    actor: Actor,
    legal_name: str,
    primary_solution_type: str,
    contact: Mapping[str, Any],
    code: str,
    *,
    catalog: str = "AWS",
) -> Company:
    """CreatePartner (the program's view: staff, the system, an IAM principal not yet a
    partner): the company, its domain (the alliance lead's) and its profile, once the
    code mailed to the alliance lead's address is given back."""
    if actor.company is not None:
        raise Conflict(_("This account already has a partner."), "Partner", actor.company.public_id)
    require(actor, perms.CREATE_PARTNER, Target(catalog=catalog))
    values = check_contact(contact)
    errors = []
    if not legal_name.strip() or len(legal_name) > 80:
        errors.append(FieldError("LegalName", _("Enter the legal name (at most 80 characters).")))
    if primary_solution_type not in PrimarySolutionType.values:
        errors.append(FieldError("PrimarySolutionType", _("Choose a primary offering.")))
    domain = domain_of(values["email"])
    if is_personal_domain(domain):
        errors.append(FieldError("AllianceLeadContact.Email", _("Use a business email address.")))
    if errors:
        raise RuleViolation(errors)
    if company_for_domain(domain) is not None:
        raise Conflict(_("A partner already exists for this domain."), "Partner", domain)
    consume_code(
        None, values["email"], EmailVerificationCode.Purpose.API, code, "EmailVerificationCode"
    )
    try:
        with transaction.atomic():
            company = Company.objects.create(
                legal_name=legal_name.strip(),
                primary_solution_type=primary_solution_type,
                paths=list(PATHS_BY_SOLUTION_TYPE[primary_solution_type]),
            )
            CompanyDomain.objects.create(company=company, domain=domain)
            AllianceLeadContact.objects.create(
                company=company, verified_at=timezone.now(), **values
            )
            ensure_profile(company)
            record(
                actor, "CreatePartner", company,
                {"legalName": legal_name, "primarySolutionType": primary_solution_type},
                {"id": company.public_id},
            )  # fmt: skip
    except IntegrityError:
        raise Conflict(_("A partner already exists for this domain."), "Partner", domain) from None
    return company

"""Changes made by operators and scripts (management commands, staff console)."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from allyport.access import actor as actors
from allyport.access.model import access_model
from allyport.accounts.choices import PATHS_BY_SOLUTION_TYPE
from allyport.accounts.domains import clean_business_email, company_for_domain, domain_of
from allyport.accounts.models import Company, CompanyDomain, User
from allyport.accounts.services.roles import RoleLimitReached, add_roles
from allyport.audit import services as audit
from allyport.core.errors import ChangeRefused


class OperatorError(ChangeRefused):
    """An operator's request refused; commands answer it as {"error": reason}."""


def _check_stage(stage: str | None) -> None:
    if stage is not None and stage not in access_model().stages:
        raise OperatorError(f"stage must be one of {', '.join(access_model().stages)}")


def _check_paths(paths: list[str] | None) -> None:
    if paths is not None:
        unknown = set(paths) - set(access_model().paths)
        if unknown or not paths:
            raise OperatorError(f"paths must be some of {', '.join(access_model().paths)}")


def create_company(
    domain: str,
    name: str,
    lead_email: str,
    password: str,
    *,
    stage: str | None = None,
    mfa: bool = False,
    solution_type: str = "SOFTWARE_PRODUCTS",
    paths: list[str] | None = None,
) -> tuple[Company, User]:
    _check_stage(stage)
    _check_paths(paths)
    domain = domain.lower()
    email = clean_business_email(lead_email)
    if domain_of(email) != domain:
        raise OperatorError("the lead's email must be in the company's domain")
    if company_for_domain(domain) is not None:
        raise OperatorError(f"a company is already registered for {domain}")
    with transaction.atomic():
        company = Company.objects.create(
            legal_name=name,
            primary_solution_type=solution_type,
            paths=paths or list(PATHS_BY_SOLUTION_TYPE[solution_type]),
            stage=stage or "Registered",
            mfa_enabled=mfa,
        )
        CompanyDomain.objects.create(company=company, domain=domain)
        user = create_member(company, email, password, ["alliance_lead"])
        audit.record(actors.system(), "CreatePartner", company=company,
                     request_parameters={"legalName": name, "domain": domain})  # fmt: skip
    return company, user


def create_member(company: Company, email: str, password: str, roles: list[str]) -> User:
    """A verified member; the password must meet the same policy as in the portal."""
    validate_password(password, User(email=email))
    unknown = set(roles) - set(access_model().roles)
    if unknown:
        raise OperatorError(f"unknown roles: {', '.join(sorted(unknown))}")
    if User.objects.filter(email__iexact=email).exists():
        raise OperatorError(f"{email} is already registered")
    try:
        with transaction.atomic():
            user = User.objects.create_user(email, password, company=company)
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            add_roles(company, user, roles)
            audit.record(
                actors.system(),
                "CreatePartnerUser",
                company=company,
                request_parameters={"email": user.email, "roles": roles},
                response_elements={"partnerUserId": user.public_id},
            )
    except RoleLimitReached as refused:
        raise OperatorError(str(refused)) from None
    return user


def create_user(email: str, password: str, roles: list[str], **names: str) -> User:
    email = clean_business_email(email)
    company = company_for_domain(domain_of(email))
    if company is None:
        raise OperatorError(f"no company is registered for {domain_of(email)}")
    user = create_member(company, email, password, roles)
    if names:
        User.objects.filter(pk=user.pk).update(**names)
        user.refresh_from_db()
    return user


def set_company(
    domain: str, *, stage: str | None = None, mfa: bool | None = None,
    paths: list[str] | None = None,
) -> Company:  # fmt: skip
    _check_stage(stage)
    _check_paths(paths)
    with transaction.atomic():
        company = company_for_domain(domain)
        if company is None:
            raise OperatorError(f"no company is registered for {domain}")
        changes = {"stage": stage, "mfa_enabled": mfa, "paths": paths}
        for field, value in changes.items():
            if value is not None:
                setattr(company, field, value)
        company.save()
        changed = {k: v for k, v in changes.items() if v is not None}
        audit.record(actors.system(), "UpdatePartner", company=company, request_parameters=changed)
    return company

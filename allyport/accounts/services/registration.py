"""Registering a company (its first user becomes alliance lead) and registering users."""

from __future__ import annotations

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.choices import PATHS_BY_SOLUTION_TYPE
from allyport.accounts.domains import company_for_domain, domain_of
from allyport.accounts.models import Company, CompanyDomain, User
from allyport.accounts.services.roles import RoleLimitReached, add_roles
from allyport.audit import services as audit
from allyport.core import contributions
from allyport.core.errors import Conflict


class RegistrationError(Exception):
    """Registration cannot go on; `field` names the form field to show it next to."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class Person:
    email: str
    password: str
    first_name: str
    last_name: str
    job_title: str = ""
    phone: str = ""
    preferred_language: str = "en"


@dataclass
class CompanyDetails:
    legal_name: str
    primary_solution_type: str
    website: str = ""
    country_code: str = ""
    city: str = ""
    phone: str = ""
    employee_count: str = ""
    industry_segment: str = ""
    customer_segments: list[str] = field(default_factory=list)


def email_taken(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def account_for_email(email: str) -> User | None:
    """The account of an address, whatever its status (removed accounts included)."""
    return User.objects.filter(email__iexact=email).first()


def removed_member(email: str, company: Company) -> User | None:
    """A user removed from `company`: a new invitation brings them back."""
    return User.objects.filter(
        email__iexact=email, company=company, status=User.Status.REMOVED
    ).first()


def _revive(user: User, person: Person) -> User:
    """Re-add a removed user on the same row, so their earlier records stay theirs."""
    for name in ("first_name", "last_name", "job_title", "phone", "preferred_language"):
        setattr(user, name, getattr(person, name))
    user.set_password(person.password)
    user.status, user.is_active = User.Status.ACTIVE, True
    user.save()
    return user


def _create_user(person: Person, company: Company, *, invited: bool = False) -> User:
    removed = removed_member(person.email, company)
    if removed is not None and invited:
        return _revive(removed, person)
    if removed is not None:
        raise RegistrationError(
            _("This account was removed. Ask your alliance lead for a new invitation."), "email"
        )
    if email_taken(person.email):
        raise RegistrationError(_("A user with this email is already registered."), "email")
    user = User.objects.create_user(
        person.email,
        person.password,
        company=company,
        first_name=person.first_name,
        last_name=person.last_name,
        job_title=person.job_title,
        phone=person.phone,
        preferred_language=person.preferred_language,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _accept_terms(user: User, version: int | None) -> None:
    """The registrant's acceptance of the partner terms shown (the "terms.accepted" slot:
    fn(user, version, source)); a newer version published meanwhile is refused."""
    if version is None:
        return
    for accept in contributions.contributed("terms.accepted"):
        try:
            accept(user, version, "registration")
        except Conflict as exc:
            raise RegistrationError(str(exc), "accept_terms") from exc


def register_company(
    actor: Actor, person: Person, details: CompanyDetails, *, terms_version: int | None = None
) -> User:
    """Create the company, its domain and its alliance lead in one transaction (with the
    acceptance of the partner terms when some are published)."""
    domain = domain_of(person.email)
    try:
        with transaction.atomic():
            if company_for_domain(domain) is not None:
                raise RegistrationError(
                    _("A company is already registered for %(domain)s.") % {"domain": domain},
                    "email",
                )
            company = Company.objects.create(
                paths=list(PATHS_BY_SOLUTION_TYPE[details.primary_solution_type]),
                **details.__dict__,
            )
            CompanyDomain.objects.create(company=company, domain=domain)
            user = _create_user(person, company)
            add_roles(company, user, ["alliance_lead"])
            _accept_terms(user, terms_version)
            audit.record(
                actors.for_user(user, actor.source_ip, actor.user_agent),
                "CreatePartner",
                request_parameters={
                    "legalName": company.legal_name,
                    "primarySolutionType": company.primary_solution_type,
                    "domain": domain,
                    "allianceLeadEmail": user.email,
                },
                response_elements={"partnerId": company.public_id},
            )
    except IntegrityError as exc:  # a simultaneous registration took the domain or email
        raise RegistrationError(
            _("A company or user was registered for this email at the same moment. Sign in.")
        ) from exc
    return user


def register_user(
    actor: Actor,
    person: Person,
    company: Company,
    roles: list[str],
    event_name: str = "RegisterPartnerUser",
    *,
    invited: bool = False,
) -> User:
    """Create a member of `company` with `roles`; limits are checked under lock.
    An invitation (`invited`) also brings back a user who was removed."""
    try:
        with transaction.atomic():
            user = _create_user(person, company, invited=invited)
            add_roles(company, user, roles)
            audit.record(
                actors.for_user(user, actor.source_ip, actor.user_agent),
                event_name,
                request_parameters={"email": user.email, "roles": roles},
                response_elements={"partnerUserId": user.public_id},
            )
    except RoleLimitReached as exc:
        raise RegistrationError(str(exc)) from exc
    except IntegrityError as exc:
        raise RegistrationError(
            _("A user with this email is already registered."), "email"
        ) from exc
    return user

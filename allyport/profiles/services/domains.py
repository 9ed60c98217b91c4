"""My Domains and the training-and-certification email domains.

A company adds a domain by proving control of it: a code mailed to an address on it
(48 hours, limited resends). Personal and education domains are refused, and so is a
domain another company holds: companies sharing a domain share one account. Users who
register with any of the company's domains join it (accounts' registration reads
`CompanyDomain`); removing a domain keeps the users it brought."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.domains import domain_of, is_personal_domain
from allyport.accounts.models import Company, CompanyDomain
from allyport.core.errors import FieldError, NotFound, RuleViolation
from allyport.profiles import permissions as perms
from allyport.profiles.models import CertificationDomain, EmailVerificationCode
from allyport.profiles.services.codes import consume_code, issue_code
from allyport.profiles.services.common import lock, record, require_on

MAX_DOMAINS = 50
MAX_CERTIFICATION_DOMAINS = 100
Purpose = EmailVerificationCode.Purpose


def _refusal(field: str, message: str) -> RuleViolation:
    return RuleViolation([FieldError(field, message)])


def check_new_domain(company: Company, email: str, field: str = "email") -> str:
    """The domain of `email` if the company may add it; otherwise the refusal."""
    email = (email or "").strip().lower()
    if "@" not in email or not domain_of(email) or "." not in domain_of(email):
        raise _refusal(field, _("Enter an email address on the domain, such as name@example.com."))
    domain = domain_of(email)
    if is_personal_domain(domain):
        raise _refusal(
            field,
            _("%(domain)s is a personal or education email domain and cannot be added.")
            % {"domain": domain},
        )
    holder = CompanyDomain.objects.filter(domain=domain).first()
    if holder is not None and holder.company_id == company.pk:
        raise _refusal(field, _("%(domain)s is already one of your domains.") % {"domain": domain})
    if holder is not None:
        raise _refusal(
            field,
            _(
                "%(domain)s belongs to another partner account. Companies that share a domain "
                "share one AWS Partner Central account: users with this domain join that account."
            )
            % {"domain": domain},
        )
    if CompanyDomain.objects.filter(company=company).count() >= MAX_DOMAINS:
        raise _refusal(field, _("A company may have at most %(n)d domains.") % {"n": MAX_DOMAINS})
    return domain


def send_domain_code(actor: Actor, company: Company, email: str, *, resend: bool = False) -> str:
    """Mail a code to an address on the domain to add (Resend: `resend`)."""
    require_on(actor, perms.MANAGE_DOMAINS, company)
    domain = check_new_domain(company, email)
    with transaction.atomic():
        issue_code(actor, company, email, Purpose.COMPANY_DOMAIN, resend=resend)
        record(actor, "SendDomainVerificationCode", company, {"email": email, "domain": domain})
    return domain


def associate_company_domain(
    actor: Actor, company: Company, email: str, code: str
) -> CompanyDomain:
    """Add the domain of `email` once the code mailed there is given back."""
    require_on(actor, perms.MANAGE_DOMAINS, company)
    domain = check_new_domain(company, email)
    consume_code(company, email, Purpose.COMPANY_DOMAIN, code)
    try:
        with transaction.atomic():
            lock(company)
            check_new_domain(company, email)
            added = CompanyDomain.objects.create(company=company, domain=domain)
            record(actor, "AssociatePartnerDomain", company, {"domain": domain, "email": email})
    except IntegrityError:  # another company took it at the same moment
        raise _refusal(
            "email", _("%(domain)s was just added by another account.") % {"domain": domain}
        ) from None
    return added


def disassociate_company_domain(actor: Actor, company: Company, domain: str) -> None:
    """Remove a domain; its users stay members. The last domain stays."""
    require_on(actor, perms.MANAGE_DOMAINS, company)
    with transaction.atomic():
        lock(company)
        found = CompanyDomain.objects.filter(company=company, domain=domain.lower()).first()
        if found is None:
            raise NotFound("Domain", domain)
        if CompanyDomain.objects.filter(company=company).count() == 1:
            raise _refusal("domain", _("Keep at least one domain: new users join through it."))
        found.delete()
        record(actor, "DisassociatePartnerDomain", company, {"domain": found.domain})


def associate_certification_domain(
    actor: Actor, company: Company, email: str, code: str, *, catalog: str = "AWS"
) -> CertificationDomain:
    """AssociateAwsTrainingCertificationEmailDomain: the domain of `email`, proven by the
    code SendEmailVerificationCode mailed there."""
    require_on(actor, perms.ASSOCIATE_CERT_DOMAIN, company, catalog)
    domain = domain_of(email)
    holder = CertificationDomain.objects.filter(domain=domain).first()
    if is_personal_domain(domain) or (holder is not None and holder.company_id != company.pk):
        raise _refusal("Email", _("This domain cannot be associated with your account."))
    if holder is not None:
        return holder
    if CertificationDomain.objects.filter(company=company).count() >= MAX_CERTIFICATION_DOMAINS:
        raise _refusal("Email", _("At most %(n)d domains.") % {"n": MAX_CERTIFICATION_DOMAINS})
    consume_code(company, email, Purpose.API, code, field="EmailVerificationCode")
    with transaction.atomic():
        found = CertificationDomain.objects.create(company=company, domain=domain)
        record(
            actor, "AssociateAwsTrainingCertificationEmailDomain", company,
            {"identifier": company.public_id, "email": email},
        )  # fmt: skip
    return found


def disassociate_certification_domain(
    actor: Actor, company: Company, domain: str, *, catalog: str = "AWS"
) -> None:
    require_on(actor, perms.DISASSOCIATE_CERT_DOMAIN, company, catalog)
    with transaction.atomic():
        deleted, _count = CertificationDomain.objects.filter(
            company=company, domain=domain.lower()
        ).delete()
        if not deleted:
            raise NotFound("PartnerDomain", domain)
        record(
            actor, "DisassociateAwsTrainingCertificationEmailDomain", company,
            {"identifier": company.public_id, "domainName": domain},
        )  # fmt: skip

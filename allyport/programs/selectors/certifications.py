"""Which AWS Certifications count, and for whom.

The FAQ's rule: a certification counts for a company when the person is registered
(an active user of the company) and earned it with their business email, or with
the certifications email they added and consented to share. Besides, a certification
earned with an address on one of the company's AWS Training and Certification email
domains (`profiles.CertificationDomain`, associated with an emailed code, so the
company proved it holds the domain: its consent for the addresses in it) counts for
the company, one person per address, unless that address is another person's (the
business email or consented certifications email of someone of another company, or
of someone removed from this one: the registration rule). It shows once
`ALLYPORT_CERTIFICATION_DELAY_DAYS` (5 by default) have passed since it was recorded,
as the FAQ's "allow 5 days", and stops counting when it expires."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from allyport.accounts.models import Company, User
from allyport.profiles.models import CertificationDomain
from allyport.programs.models import CertificationRecord


def delay_days() -> int:
    return int(settings.ALLYPORT_CERTIFICATION_DELAY_DAYS)


def shown_cutoff(now: datetime | None = None) -> datetime:
    """Records written at or before this moment are shown."""
    return (now or timezone.now()) - timedelta(days=delay_days())


def emails_of(user: User) -> list[str]:
    """The addresses whose certifications are the user's."""
    found = [user.email.lower()]
    if user.certification_email and user.certification_consent:
        found.append(user.certification_email.lower())
    return list(dict.fromkeys(found))


def _current(today: date) -> Q:
    return Q(expires_on__isnull=True) | Q(expires_on__gte=today)


@dataclass
class PersonCertifications:
    shown: list[CertificationRecord] = field(default_factory=list)
    pending: list[tuple[CertificationRecord, date]] = field(default_factory=list)  # shows on


def of_user(user: User, now: datetime | None = None) -> PersonCertifications:
    """A person's certifications: those shown, and those still inside the delay with
    the day they will show."""
    now = now or timezone.now()
    cutoff = shown_cutoff(now)
    result = PersonCertifications()
    for record in CertificationRecord.objects.filter(email__in=emails_of(user)).order_by(
        "-earned_on", "name"
    ):
        if record.recorded_at <= cutoff:
            result.shown.append(record)
        else:
            result.pending.append(
                (record, (record.recorded_at + timedelta(days=delay_days())).date())
            )
    return result


def registered_users(company: Company) -> QuerySet[User]:
    return User.objects.filter(company=company, status=User.Status.ACTIVE)


def _on_domains(company: Company) -> Q | None:
    """Records whose address is on one of the company's certification domains (emails
    are stored lower-case); None when it has none."""
    domains = list(
        CertificationDomain.objects.filter(company=company).values_list("domain", flat=True)
    )
    if not domains:
        return None
    found = Q()
    for domain in domains:
        found |= Q(email__endswith=f"@{domain.lower()}")
    return found


def _others_addresses(company: Company) -> tuple[QuerySet[Any], QuerySet[Any]]:
    """The addresses of everyone but the company's registered people: business emails
    and consented certifications emails of other companies' people and of the
    company's removed or deactivated ones (no longer registered)."""
    others = User.objects.exclude(company=company, status=User.Status.ACTIVE)
    consented = others.filter(certification_consent=True).exclude(certification_email="")
    return others.values("email"), consented.values("certification_email")


def _domain_records(
    company: Company, records: QuerySet[CertificationRecord]
) -> QuerySet[CertificationRecord] | None:
    """`records` counted for the company through its certification domains."""
    on_domains = _on_domains(company)
    if on_domains is None:
        return None
    business, consented = _others_addresses(company)
    return records.filter(on_domains).exclude(email__in=business).exclude(email__in=consented)


def counted_rows(company: Company, now: datetime | None = None) -> set[tuple[str, str, str]]:
    """(email, certification, level) of every certification that counts for the
    company now: registered people's business emails and consented certifications
    emails, past the delay, not expired. Two queries, one per kind of address (an OR
    of the two would scan every record)."""
    now = now or timezone.now()
    users = registered_users(company)
    records = CertificationRecord.objects.filter(
        _current(now.date()), recorded_at__lte=shown_cutoff(now)
    )
    consented = users.filter(certification_consent=True).exclude(certification_email="")
    found: set[tuple[str, str, str]] = set()
    for addresses in (users.values("email"), consented.values("certification_email")):
        found.update(records.filter(email__in=addresses).values_list("email", "name", "level"))
    on_domains = _domain_records(company, records)
    if on_domains is not None:
        found.update(on_domains.values_list("email", "name", "level"))
    return found


def owner_by_email(company: Company) -> dict[str, int]:
    """email → user id for everyone registered (both addresses of each person)."""
    owners: dict[str, int] = {}
    rows = registered_users(company).values_list(
        "pk", "email", "certification_email", "certification_consent"
    )
    for pk, email, cert_email, consent in rows:
        owners[email.lower()] = pk
        if cert_email and consent:
            owners.setdefault(cert_email.lower(), pk)
    return owners


def certified_people_count(
    company: Company, levels: tuple[str, ...], now: datetime | None = None
) -> int:
    """How many registered people hold a counted certification of one of `levels`
    (unique people). One query that probes the records' (email, recorded_at) index
    once or twice per person, whatever the number of records."""
    now = now or timezone.now()
    records = CertificationRecord.objects.filter(
        _current(now.date()), level__in=levels, recorded_at__lte=shown_cutoff(now)
    )
    by_email = Exists(records.filter(email=OuterRef("email")))
    by_cert = Exists(records.filter(email=OuterRef("certification_email")))
    registered = (
        registered_users(company)
        .filter(by_email | (Q(certification_consent=True) & by_cert))
        .count()
    )
    on_domains = _domain_records(company, records)
    if on_domains is None:
        return registered
    # Addresses on the domains that are no registered person's of the company: one
    # person each (a registered person's are counted above, once per person).
    users = registered_users(company)
    consented = users.filter(certification_consent=True).exclude(certification_email="")
    unowned = on_domains.exclude(email__in=users.values("email")).exclude(
        email__in=consented.values("certification_email")
    )
    return registered + unowned.values("email").distinct().count()


def certified_people_by_level(company: Company, now: datetime | None = None) -> dict[str, set[Any]]:
    """level → the people (user ids; an address for a person known only by an address on
    the company's certification domains) holding a counted certification of that
    level (unique people: two certifications of one person count once)."""
    owners = owner_by_email(company)
    found: dict[str, set[Any]] = {}
    for email, _name, level in counted_rows(company, now):
        # An address on the company's domains that is nobody's registered one: a person.
        found.setdefault(level, set()).add(owners.get(email, email))
    return found


def records_by_person(
    users: list[Any], now: datetime | None = None
) -> dict[int, list[CertificationRecord]]:
    """The shown certifications of a page of people, in one query."""
    owners: dict[str, int] = {}
    for user in users:
        for email in emails_of(user):
            owners.setdefault(email, user.pk)
    found: dict[int, list[CertificationRecord]] = {user.pk: [] for user in users}
    records = CertificationRecord.objects.filter(
        email__in=list(owners), recorded_at__lte=shown_cutoff(now)
    ).order_by("-earned_on", "name")
    for record in records:
        found[owners[record.email]].append(record)
    return found

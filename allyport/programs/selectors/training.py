"""My Company > View all Training and Certification: the company's people with their
certifications and accreditations, filtered, a page at a time or as a download."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from allyport.accounts.models import Company, User
from allyport.programs.models import CertificationRecord, Course, Enrolment
from allyport.programs.selectors import certifications


@dataclass(frozen=True)
class Filters:
    search: str = ""
    level: str = ""  # a CertificationLevel, "any" for anyone certified, "" for everyone
    accredited: bool = False


def people(company: Company, filters: Filters, now: datetime | None = None) -> QuerySet[User]:
    now = now or timezone.now()
    found = certifications.registered_users(company).only(
        "pk", "email", "first_name", "last_name", "certification_email", "certification_consent"
    )
    if filters.search:
        found = found.filter(
            Q(email__icontains=filters.search)
            | Q(first_name__icontains=filters.search)
            | Q(last_name__icontains=filters.search)
        )
    if filters.level:
        records = CertificationRecord.objects.filter(
            recorded_at__lte=certifications.shown_cutoff(now)
        )
        if filters.level != "any":
            records = records.filter(level=filters.level)
        by_email = records.filter(email=OuterRef("email"))
        by_cert = records.filter(email=OuterRef("certification_email"))
        found = found.filter(Exists(by_email) | (Q(certification_consent=True) & Exists(by_cert)))
    if filters.accredited:
        done = Enrolment.objects.filter(
            user=OuterRef("pk"),
            completed_at__isnull=False,
            course__format=Course.Format.ACCREDITATION,
        )
        found = found.filter(Exists(done))
    return found.order_by("last_name", "first_name", "email", "pk")


def completions_by_person(users: list[User]) -> dict[int, list[Enrolment]]:
    found: dict[int, list[Enrolment]] = {user.pk: [] for user in users}
    for enrolment in (
        Enrolment.objects.filter(user__in=[u.pk for u in users], completed_at__isnull=False)
        .select_related("course")
        .only("user_id", "completed_at", "course__title", "course__format")
    ):
        found[enrolment.user_id].append(enrolment)
    return found


@dataclass(frozen=True)
class PersonRow:
    user: User
    certifications: list[CertificationRecord]
    completions: list[Enrolment]


def rows(users: list[User]) -> list[PersonRow]:
    certs = certifications.records_by_person(users)
    done = completions_by_person(users)
    return [PersonRow(u, certs[u.pk], done[u.pk]) for u in users]


def all_rows(company: Company, filters: Filters, chunk: int = 500) -> Iterator[PersonRow]:
    """Every matching person, read in chunks by keyset on the primary key."""
    query = people(company, filters).order_by("pk")
    last = 0
    while True:
        batch = list(query.filter(pk__gt=last)[:chunk])
        if not batch:
            return
        yield from rows(batch)
        last = batch[-1].pk

"""Certifications: the staff import (CSV and XLSX, an answer per row), the FAQ's rules
(registered people, business or consented certifications email, the 5-day delay, the
transfer between companies), My Certifications, and View all Training and
Certification with its filters and downloads."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

import openpyxl
import pytest
from django.test import override_settings

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.core import contributions
from allyport.core.errors import RuleViolation
from allyport.pipeline.tests.test_portal_support import signed_in, text
from allyport.programs.models import CertificationRecord
from allyport.programs.selectors import certifications
from allyport.programs.services.certification_email import update_certification_email
from allyport.programs.services.certification_import import import_certifications
from allyport.programs.tests.conftest import certification, course
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db
MINE = "/profile/certifications/"
TRAINING = "/company/training/"


def csv_file(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([["email", "certification", "level", "date", "expiry"], *rows])
    return out.getvalue().encode()


def test_the_import_writes_good_rows_and_names_each_bad_one(company: Any) -> None:
    content = csv_file(
        [
            [
                "Member@Octank.example",
                "AWS Certified Solutions Architect - Associate",
                "Associate",
                "2026-01-10",
                "2029-01-10",
            ],
            ["not-an-email", "X", "Guru", "10/01/2026", ""],
            ["", "", "", "", ""],
            [
                "a@octank.example",
                "AWS Certified Cloud Practitioner",
                "foundational",
                "2026-02-01",
                "2025-01-01",
            ],
        ]
    )
    report = import_certifications(Actor.system(), "certs.csv", content)
    assert (report.created, report.updated) == (1, 0)
    problems = {(e.row, e.column) for e in report.errors}
    assert problems == {(3, "email"), (3, "level"), (3, "date"), (5, "expiry")}
    record = CertificationRecord.objects.get()
    assert (record.email, record.level) == ("member@octank.example", "associate")
    again = import_certifications(Actor.system(), "certs.csv", content)
    assert (again.created, again.updated) == (0, 1)
    event = AuditEvent.objects.filter(event_name="ImportCertifications").first()
    assert event.record["requestParameters"]["rowErrors"] == 4


def test_the_import_reads_xlsx_and_refuses_a_bad_header(db: None) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Email", "Certification", "Level", "Date", "Expiry"])
    sheet.append(
        [
            "x@example.org",
            "AWS Certified Developer - Associate",
            "Associate",
            date(2026, 3, 1),
            None,
        ]
    )
    out = io.BytesIO()
    book.save(out)
    report = import_certifications(Actor.system(), "certs.xlsx", out.getvalue())
    assert report.created == 1 and not report.errors
    with pytest.raises(RuleViolation) as refused:
        import_certifications(Actor.system(), "certs.csv", b"who,what\nx,y\n")
    assert "email, certification, level, date, expiry" in refused.value.errors[0].message


def test_a_member_may_not_import(company: Any, lead: Any) -> None:
    from allyport.access.decisions import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_certifications(Actor.for_member(lead), "certs.csv", csv_file([]))


def test_my_certifications_shows_them_after_the_delay(member: User) -> None:
    certification(member.email, "AWS Certified Cloud Practitioner", days_ago=6)
    certification(
        member.email, "AWS Certified Developer - Associate", level="associate", days_ago=1
    )
    certification("someone@else.example", "AWS Certified Security - Specialty", days_ago=30)
    page = text(signed_in(member).get(MINE))
    shown, pending = page.split("Recently recorded")
    assert "AWS Certified Cloud Practitioner" in shown
    assert "AWS Certified Developer - Associate" not in shown
    assert "AWS Certified Developer - Associate" in pending and "shows from" in pending
    assert "Security" not in page
    with override_settings(ALLYPORT_CERTIFICATION_DELAY_DAYS=0):
        assert "Recently recorded" not in text(signed_in(member).get(MINE))


def test_consent_is_needed_and_the_address_counts_then(member: User) -> None:
    certification(
        "me@personal.example",
        "AWS Certified Solutions Architect - Professional",
        level="professional",
    )
    client = signed_in(member)
    refused = client.post(MINE, {"certification_email": "me@personal.example"})
    assert "certification_consent" in refused.context["form"].errors
    assert "Professional" not in text(client.get(MINE))
    saved = client.post(
        MINE, {"certification_email": "Me@Personal.example", "certification_consent": "on"}
    )
    assert saved["Location"] == MINE
    page = text(client.get(MINE))
    assert (
        "AWS Certified Solutions Architect - Professional" in page and "me@personal.example" in page
    )
    assert AuditEvent.objects.filter(event_name="UpdateCertificationEmail").exists()
    assert client.post(MINE, {"certification_email": ""})["Location"] == MINE
    member.refresh_from_db()
    assert (member.certification_email, member.certification_consent) == ("", False)


def test_clearing_in_one_company_and_adding_in_another_moves_the_credit(
    member: User, company: Any
) -> None:
    certification(
        "me@personal.example",
        level="associate",
        name="AWS Certified SysOps Administrator - Associate",
    )
    update_certification_email(Actor.for_member(member), "me@personal.example", True)
    assert certifications.certified_people_by_level(company) == {"associate": {member.pk}}
    (qualify,) = contributions.contributed("company.qualifications")
    held = [(q["name"], q["detail"]) for q in qualify(company)]
    assert held == [("AWS Certified SysOps Administrator - Associate", "1 certified person")]
    new_company, new_me = make_company(domain="newjob.example")
    with pytest.raises(RuleViolation) as refused:
        update_certification_email(Actor.for_member(new_me), "me@personal.example", True)
    assert "Clear it there first" in refused.value.errors[0].message
    update_certification_email(Actor.for_member(member), "", False)
    update_certification_email(Actor.for_member(new_me), "me@personal.example", True)
    assert certifications.certified_people_by_level(company) == {}
    assert certifications.certified_people_by_level(new_company) == {"associate": {new_me.pk}}


def test_removed_people_and_expired_certifications_do_not_count(company: Any, member: User) -> None:
    gone = make_user(company, email="gone@octank.example")
    certification(gone.email)
    certification(member.email, expires_on=date.today() - timedelta(days=1))
    User.objects.filter(pk=gone.pk).update(status=User.Status.REMOVED)
    assert certifications.certified_people_by_level(company) == {}


def test_training_lists_everyone_filters_and_exports(company: Any, lead: Any, member: User) -> None:
    certification(member.email, "AWS Certified Cloud Practitioner")
    accreditation = course()
    from allyport.programs.services.learning import submit_completion

    submit_completion(Actor.for_member(lead), accreditation.pk)
    client = signed_in(lead)
    page = text(client.get(TRAINING))
    assert "member@octank.example" in page and "lead@octank.example" in page
    assert (
        "AWS Certified Cloud Practitioner" in page
        and "AWS Partner: Accreditation (Technical)" in page
    )
    certified = text(client.get(TRAINING, {"level": "any"}))
    assert "member@octank.example" in certified and "lead@octank.example" not in certified
    accredited = text(client.get(TRAINING, {"accredited": "1"}))
    assert "lead@octank.example" in accredited and "member@octank.example" not in accredited
    assert "member@" not in text(client.get(TRAINING, {"q": "lead"}))
    download = client.get(TRAINING, {"level": "any", "download": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["Name", "Email", "Certifications", "Accreditations"]
    assert [r[1] for r in rows[1:]] == ["member@octank.example"]
    book = openpyxl.load_workbook(io.BytesIO(client.get(TRAINING, {"download": "xlsx"}).content))
    emails = sorted(row[1] for row in book.active.iter_rows(min_row=2, values_only=True))
    assert emails == ["lead@octank.example", "member@octank.example"]


def test_training_pages_do_not_grow_in_queries(
    company: Any, lead: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(30):
        person = make_user(company, email=f"p{n}@octank.example")
        certification(person.email)
    client = signed_in(lead)
    with django_assert_max_num_queries(12):
        page = text(client.get(TRAINING))
    assert "p29@octank.example" in page

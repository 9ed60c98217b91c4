"""Certifications earned with an address on one of the company's AWS Training and
Certification email domains count on its Partner Scorecard, with the FAQ's delay,
expiry and registration rules (someone else's address stays theirs)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.core import contributions
from allyport.pipeline.tests.test_portal_support import signed_in, text
from allyport.profiles.models import CertificationDomain
from allyport.programs.selectors import certifications
from allyport.programs.selectors.scorecard import metrics
from allyport.programs.services.certification_email import update_certification_email
from allyport.programs.tests.conftest import certification, requirement
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db
DOMAIN = "training.anycompany.example"
ASSOCIATE = "AWS Certified Solutions Architect - Associate"


@pytest.fixture
def with_domain(validated: Any) -> Any:
    CertificationDomain.objects.create(company=validated, domain=DOMAIN)
    return validated


def test_an_address_on_a_certification_domain_counts_once_past_the_delay(
    with_domain: Any,
) -> None:
    assert metrics(with_domain)["technical_certified"] == 0
    certification(f"kim@{DOMAIN}", ASSOCIATE, level="associate")
    certification(f"kim@{DOMAIN}", "AWS Certified Developer - Associate", level="associate")
    certification(f"new@{DOMAIN}", ASSOCIATE, level="associate", days_ago=1)  # in the delay
    certification(f"old@{DOMAIN}", ASSOCIATE, level="associate",
                  expires_on=date.today() - timedelta(days=1))  # fmt: skip
    certification(f"sam@not-{DOMAIN}", ASSOCIATE, level="associate")  # another domain
    counts = metrics(with_domain)
    assert counts["technical_certified"] == 1  # kim, once for two certifications
    assert certifications.certified_people_by_level(with_domain) == {"associate": {f"kim@{DOMAIN}"}}
    (qualify,) = contributions.contributed("company.qualifications")
    held = {q["name"]: q["detail"] for q in qualify(with_domain)}
    assert held[ASSOCIATE] == "1 certified person"


def test_a_registered_person_on_the_domain_is_one_person(with_domain: Any) -> None:
    member = make_user(with_domain, email="pat@anycompany.example")
    update_certification_email(Actor.for_member(member), f"pat@{DOMAIN}", True)
    certification(f"pat@{DOMAIN}", ASSOCIATE, level="associate")
    certification(member.email, "AWS Certified Developer - Associate", level="associate")
    assert metrics(with_domain)["technical_certified"] == 1
    assert certifications.certified_people_by_level(with_domain) == {"associate": {member.pk}}


def test_someone_elses_address_on_the_domain_stays_theirs(with_domain: Any) -> None:
    _other, elsewhere = make_company("Octank", domain="octank.example")
    update_certification_email(Actor.for_member(elsewhere), f"lee@{DOMAIN}", True)
    certification(f"lee@{DOMAIN}", ASSOCIATE, level="associate")
    gone = make_user(with_domain, email=f"gone@{DOMAIN}")
    User.objects.filter(pk=gone.pk).update(status=User.Status.REMOVED)
    certification(gone.email, ASSOCIATE, level="associate")
    assert metrics(with_domain)["technical_certified"] == 0
    assert certifications.counted_rows(with_domain) == set()


def test_without_the_domain_nothing_counts_and_the_scorecard_shows_it(
    validated: Any, validated_lead: Any
) -> None:
    requirement("technical_certified", 2)
    certification(f"kim@{DOMAIN}", ASSOCIATE, level="associate")
    client = signed_in(validated_lead)
    assert "0 / 2" in text(client.get("/company/scorecard/"))
    CertificationDomain.objects.create(company=validated, domain=DOMAIN)
    assert "1 / 2" in text(client.get("/company/scorecard/"))

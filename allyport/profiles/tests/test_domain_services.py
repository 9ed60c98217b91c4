"""My Domains and the training-and-certification domains: proof by emailed code, the
refusals (personal, education, another company's, the limit), removal keeps users."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail as outbox

from allyport.accounts.models import CompanyDomain, User
from allyport.audit.models import AuditEvent
from allyport.core.errors import NotFound, RuleViolation
from allyport.profiles.models import CertificationDomain
from allyport.profiles.services import codes, domains
from allyport.profiles.tests.conftest import iam, lead_actor
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db


def last_mail(address: str) -> Any:
    sent = [message for message in outbox.outbox if address in message.to]
    assert sent, f"no mail to {address}"
    return sent[-1]


def last_code(address: str) -> str:
    found = re.search(r"\b(\d{6})\b", last_mail(address).body)
    assert found is not None
    return found.group(1)


def test_a_domain_is_added_by_the_code_mailed_to_an_address_on_it() -> None:
    company, lead = make_company()
    actor = lead_actor(lead)
    assert (
        domains.send_domain_code(actor, company, "it@octank-labs.example") == "octank-labs.example"
    )
    code = last_code("it@octank-labs.example")
    assert "48 hours" in last_mail("it@octank-labs.example").body
    with pytest.raises(RuleViolation) as wrong:
        domains.associate_company_domain(
            actor, company, "it@octank-labs.example", "000000" if code != "000000" else "111111"
        )
    assert "not right" in wrong.value.errors[0].message
    added = domains.associate_company_domain(actor, company, "it@octank-labs.example", code)
    assert added.company == company
    assert AuditEvent.objects.filter(event_name="AssociatePartnerDomain").count() == 1


@pytest.mark.parametrize(
    ("email", "words"),
    [("me@gmail.com", "personal or education"), ("dean@school.edu", "personal or education")],
)
def test_personal_and_education_domains_are_refused(email: str, words: str) -> None:
    company, lead = make_company()
    with pytest.raises(RuleViolation) as refused:
        domains.send_domain_code(lead_actor(lead), company, email)
    assert words in refused.value.errors[0].message


def test_another_company_s_domain_is_refused_with_the_guide_s_rule() -> None:
    company, lead = make_company()
    make_company(domain="taken.example")
    with pytest.raises(RuleViolation) as refused:
        domains.send_domain_code(lead_actor(lead), company, "x@taken.example")
    assert "share one AWS Partner Central account" in refused.value.errors[0].message


def test_resends_are_limited() -> None:
    company, lead = make_company()
    actor = lead_actor(lead)
    domains.send_domain_code(actor, company, "a@limited.example")
    for _ in range(codes.MAX_SENDS - 1):
        domains.send_domain_code(actor, company, "a@limited.example", resend=True)
    with pytest.raises(RuleViolation) as refused:
        domains.send_domain_code(actor, company, "a@limited.example", resend=True)
    assert "sent 4 times" in refused.value.errors[0].message


def test_at_most_fifty_domains(monkeypatch: pytest.MonkeyPatch) -> None:
    company, lead = make_company()
    CompanyDomain.objects.bulk_create(
        CompanyDomain(company=company, domain=f"d{n}.example")
        for n in range(domains.MAX_DOMAINS - 1)
    )
    with pytest.raises(RuleViolation) as refused:
        domains.send_domain_code(lead_actor(lead), company, "a@one-more.example")
    assert "at most 50" in refused.value.errors[0].message


def test_removing_a_domain_keeps_its_users_and_the_last_one_stays() -> None:
    company, lead = make_company(domain="main.example")
    CompanyDomain.objects.create(company=company, domain="second.example")
    user = make_user(company, email="ann@second.example")
    domains.disassociate_company_domain(lead_actor(lead), company, "second.example")
    assert User.objects.get(pk=user.pk).company == company
    with pytest.raises(RuleViolation):
        domains.disassociate_company_domain(lead_actor(lead), company, "main.example")
    with pytest.raises(NotFound):
        domains.disassociate_company_domain(lead_actor(lead), company, "nope.example")


def test_certification_domain_through_the_api_codes() -> None:
    company, _lead = make_company(domain="certs.example")
    actor = iam(company)
    codes.send_email_verification_code(actor, company, "train@certs.example")
    code = last_code("train@certs.example")
    domains.associate_certification_domain(actor, company, "train@certs.example", code)
    assert list(CertificationDomain.objects.values_list("domain", flat=True)) == ["certs.example"]
    domains.disassociate_certification_domain(actor, company, "certs.example")
    with pytest.raises(NotFound):
        domains.disassociate_certification_domain(actor, company, "certs.example")

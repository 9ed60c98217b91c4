"""Staff change a company's stage, paths and MFA in the admin; each change is audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> User:
    return User.objects.create_superuser("ops@staff.example", "Ops!Pass12")


def _form(company: Company, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "legal_name": company.legal_name,
        "primary_solution_type": company.primary_solution_type,
        "paths": company.paths,
        "stage": company.stage,
        "customer_segments": "[]",
        "domains-TOTAL_FORMS": "0",
        "domains-INITIAL_FORMS": "0",
        "domains-MIN_NUM_FORMS": "0",
        "domains-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not False}


def test_it_changes_stage_paths_and_mfa_with_an_audit_record(client, staff, company) -> None:
    client.force_login(staff)
    url = reverse("admin:accounts_company_change", args=[company.pk])
    data = _form(company, stage="Validated", paths=["Services", "Distribution"], mfa_enabled="on")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    company.refresh_from_db()
    assert (company.stage, company.paths, company.mfa_enabled) == (
        "Validated", ["Services", "Distribution"], True,
    )  # fmt: skip
    event = AuditEvent.objects.filter(company=company, event_name="UpdatePartner").latest("id")
    assert event.record["userIdentity"]["userName"] == "ops@staff.example"
    assert event.record["requestParameters"]["stage"] == "Validated"


def test_it_refuses_an_unknown_or_empty_path(client, staff, company) -> None:
    client.force_login(staff)
    url = reverse("admin:accounts_company_change", args=[company.pk])
    for paths in (["Spaceflight"], []):
        response = client.post(url, _form(company, paths=paths))
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["paths"]
    company.refresh_from_db()
    assert company.paths == ["Software"]

"""Build: case studies (create with every error at once, offerings of one's own
company, submit, staff validation, the profile slot), devices (specifications,
datasheet checks, qualification, the public catalogue) and workload reviews."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent
from allyport.content.build import case_studies, devices, workloads
from allyport.content.build.models import PILLARS, CaseStudy, Device
from allyport.content.shared.models import ReviewStatus
from allyport.content.tests import factories
from allyport.core.contributions import contributed
from allyport.core.errors import ChangeRefused, RuleViolation
from allyport.pipeline.tests.conftest import make_solution
from allyport.pipeline.tests.test_portal_support import field_errors, text
from allyport.testing import make_user

pytestmark = pytest.mark.django_db

WORKLOAD: dict[str, Any] = {
    "name": "Storefront", "path": "Software", "customer": "", "description": "Web shop.",
    "improvement_plan": "Add a second region.",
    **{f"{key}_risk": "none" for key, _label in PILLARS},
    **{f"{key}_findings": "" for key, _label in PILLARS},
}  # fmt: skip
WORKLOAD["reliability_risk"] = "high"
WORKLOAD["reliability_findings"] = "One region only."


def workload(user: User, given: dict[str, Any]) -> Any:
    return workloads.create_workload(actors.for_user(user), given)


def test_the_case_study_form_shows_every_error_next_to_its_field(
    validated: Company, client_for: Any
) -> None:
    client = client_for(make_user(validated, "marketing_staff"))
    refused = client.post(reverse("content:case_study_new"), {"title": "X", "url": "not a url"})
    assert set(field_errors(refused)) == {
        "customer",
        "summary",
        "challenge",
        "solution",
        "results",
        "url",
    }
    assert "Correct the 6 fields marked below." in text(refused)
    assert not CaseStudy.objects.exists()


def test_a_case_study_is_created_with_offerings_submitted_and_validated(
    validated: Company, other: Company, client_for: Any, staff: Actor
) -> None:
    ours, theirs = make_solution(validated), make_solution(other)
    client = client_for(make_user(validated, "technical_staff"))
    form = factories.CASE_STUDY | {"offerings": [ours.public_id]}
    created = client.post(reverse("content:case_study_new"), form)
    study = CaseStudy.objects.get()
    assert created["Location"] == reverse("content:case_study", args=[study.public_id])
    assert list(study.offerings.all()) == [ours]
    foreign = client.post(
        reverse("content:case_study", args=[study.public_id]),
        form | {"offerings": [theirs.public_id]},
    )
    assert "offerings" in field_errors(foreign)
    client.post(reverse("content:case_study_submit", args=[study.public_id]))
    page = text(client.get(reverse("content:case_study", args=[study.public_id])))
    assert "Submitted for validation" in page and ">Save<" not in page
    with pytest.raises(ChangeRefused):
        case_studies.update_case_study(
            actors.for_user(factories.lead_of(validated)), study.public_id, factories.CASE_STUDY
        )
    assert [fn(validated, validated_only=True) for fn in contributed("company.case_studies")] == [
        []
    ]
    case_studies.review_case_study(staff, study.public_id, approve=True)
    [rows] = [fn(validated, validated_only=True) for fn in contributed("company.case_studies")]
    assert rows[0]["title"] == "Retail analytics" and rows[0]["validated_at"] is not None
    names = set(AuditEvent.objects.values_list("event_name", flat=True))
    assert {"CreateCaseStudy", "SubmitCaseStudy", "ReviewCaseStudy"} <= names


def test_staff_ask_for_changes_with_a_note_and_members_cannot_review(
    validated: Company, staff: Actor
) -> None:
    lead = factories.lead_of(validated)
    study = factories.case_study(lead)
    case_studies.submit_case_study(actors.for_user(lead), study.public_id)
    with pytest.raises(ChangeRefused):
        case_studies.review_case_study(staff, study.public_id, approve=False, note="")
    from allyport.access.decisions import PermissionDenied

    with pytest.raises(PermissionDenied):
        case_studies.review_case_study(actors.for_user(lead), study.public_id, approve=True)
    changed = case_studies.review_case_study(
        staff, study.public_id, approve=False, note="Add figures"
    )
    assert changed.status == ReviewStatus.REJECTED and changed.review_note == "Add figures"


def test_a_device_is_submitted_with_specifications_and_listed_once_qualified(
    validated: Company, client_for: Any, client: Any, staff: Actor
) -> None:
    member = client_for(make_user(validated, "standard_user"))
    bad = member.post(
        reverse("content:device_new"),
        factories.DEVICE
        | {
            "specifications": "no colon here",
            "datasheet": factories.upload("sheet.pdf", b"MZ not a pdf"),
        },
    )
    assert set(field_errors(bad)) == {"specifications"}
    bad_sheet = member.post(
        reverse("content:device_new"),
        factories.DEVICE | {"datasheet": factories.upload("sheet.exe", b"MZ")},
    )
    assert "Upload one of these file types" in field_errors(bad_sheet)["datasheet"][0]
    member.post(
        reverse("content:device_new"),
        factories.DEVICE | {"datasheet": factories.upload("sheet.pdf", factories.PDF)},
    )
    device = Device.objects.get()
    assert device.specifications == {"Power": "12 V DC", "Ports": "4x Ethernet"}
    assert device.datasheet is not None and device.datasheet.content_type == "application/pdf"
    again = member.post(reverse("content:device_new"), factories.DEVICE)
    assert (
        "already listed a device with this model number" in field_errors(again)["model_number"][0]
    )
    assert "Edge gateway" not in text(client.get(reverse("content:device_catalogue")))
    devices.submit_device(actors.for_user(factories.lead_of(validated)), device.public_id)
    devices.review_device(staff, device.public_id, approve=True)
    catalogue = text(client.get(reverse("content:device_catalogue"), {"q": "gateway"}))
    assert "Edge gateway" in catalogue and "12 V DC" in catalogue and "Octank" in catalogue


def test_a_workload_review_needs_each_risky_pillars_findings(
    validated: Company, client_for: Any
) -> None:
    client = client_for(make_user(validated, "technical_staff"))
    refused = client.post(
        reverse("content:workload_new"), WORKLOAD | {"security_risk": "medium", "name": ""}
    )
    assert set(field_errors(refused)) == {"security_findings", "name"}
    client.post(reverse("content:workload_new"), WORKLOAD)
    page = text(client.get(reverse("content:workloads")))
    assert "Storefront" in page and "Draft" in page


def test_a_workload_path_must_be_one_of_the_companys(validated: Company) -> None:
    from allyport.testing import make_company

    company, lead = make_company(stage="Confirmed", paths=["Software"])
    with pytest.raises(RuleViolation) as refused:
        workload(lead, WORKLOAD | {"path": "Services"})
    assert [e.field for e in refused.value.errors] == ["path"]

"""The staff side: every content page of the admin opens; staff publish news with an
upload check and validate or send back submissions through the review actions (each
decided and recorded with the staff member as the identity)."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent
from allyport.content.build import case_studies
from allyport.content.build.models import CaseStudy
from allyport.content.news.models import NewsItem
from allyport.content.resources.models import Resource
from allyport.content.tests import factories
from allyport.pipeline.tests.test_portal_support import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def ops() -> Client:
    from allyport.accounts import backends

    client = Client()
    user = User.objects.create_superuser("ops@staff.example", "Ops!Pass12")
    client.force_login(user, backend=backends.PATH)
    return client


CONTENT_MODELS = [
    m for m in apps.get_app_config("content").get_models() if m in admin.site._registry
]


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_each_content_page_of_the_admin_opens(ops: Client, model: Any) -> None:
    meta = model._meta
    response = ops.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert response.status_code == 200
    assert str(meta.verbose_name_plural).lower() in text(response).lower()


def test_staff_publish_news_and_a_resource_with_a_checked_upload(ops: Client) -> None:
    ops.post(
        reverse("admin:content_newsitem_add"),
        {"title": "Staff news", "summary": "Short", "topic": "programs", "body": "", "link": "",
         "published_at_0": "2026-01-01", "published_at_1": "00:00", "is_published": "on"},
    )  # fmt: skip
    assert NewsItem.objects.filter(title="Staff news").exists()
    form = {"kind": "document", "title": "Guide", "summary": "", "body": "", "category": "",
            "link": "", "is_published": "on", "published_at_0": "2026-01-01",
            "published_at_1": "00:00"}  # fmt: skip
    refused = ops.post(
        reverse("admin:content_resource_add"),
        form | {"file_upload": factories.upload("x.exe", b"MZ")},
    )
    assert "Upload one of these file types" in text(refused) and not Resource.objects.exists()
    ops.post(
        reverse("admin:content_resource_add"),
        form | {"file_upload": factories.upload("guide.pdf", factories.PDF)},
    )
    assert Resource.objects.get().file.name == "guide.pdf"  # type: ignore[union-attr]


def test_staff_validate_a_submitted_case_study_from_the_list(
    ops: Client, validated: Company
) -> None:
    lead = factories.lead_of(validated)
    study = factories.case_study(lead)
    draft = factories.case_study(lead, title="Still a draft")
    case_studies.submit_case_study(actors.for_user(lead), study.public_id)
    response = ops.post(
        reverse("admin:content_casestudy_changelist"),
        {"action": "approve", "_selected_action": [study.pk, draft.pk]},
        follow=True,
    )
    assert "1 reviewed." in text(response)
    assert CaseStudy.objects.get(pk=study.pk).status == "validated"
    assert CaseStudy.objects.get(pk=draft.pk).status == "draft"
    record = AuditEvent.objects.get(event_name="ReviewCaseStudy").record
    assert record["userIdentity"]["userName"] == "ops@staff.example"

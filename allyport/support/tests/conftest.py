"""Support tests: uploaded files go to a temporary folder; helpers to open cases."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.core.files.uploadedfile import SimpleUploadedFile

from allyport.access.actor import for_user
from allyport.support import services
from allyport.support.models import SupportCase, Topic

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def ensure_topics() -> None:
    """The seeded lists, also after a transactional test (a browser test's live
    server) flushed the tables the data migration filled."""
    if not Topic.objects.exists():
        seeding = importlib.import_module("allyport.support.migrations.0003_seed_topics")
        seeding.seed(django_apps, None)


@pytest.fixture(autouse=True)
def _topics(db: None) -> None:
    ensure_topics()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> Any:
    return SimpleUploadedFile(name, content, content_type=content_type)


def topics(type_key: str = "apn-fee", question_key: str = "renewal") -> dict[str, str]:
    case_type = Topic.objects.get(parent=None, key=type_key)
    question = case_type.children.get(key=question_key)
    specific = question.children.first()
    return {
        "case_type": str(case_type.pk),
        "question_type": str(question.pk),
        "specific": str(specific.pk) if specific else "",
    }


def form_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        **topics(),
        "subject": "Downgrade our membership",
        "description": "Please downgrade our APN membership.",
    }
    data.update(changes)
    return data


def open_case(user: Any, files: tuple[Any, ...] = (), **changes: Any) -> SupportCase:
    data = form_data(**changes)
    new = services.NewCase(**{k: v for k, v in data.items() if k != "attachments"})
    return services.create_case(for_user(user), new, list(files))

"""Upload checks (size, type, content matching the extension), for staff's admin forms
and partners' uploads alike."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.content.admin.publishing import ResourceForm
from allyport.content.shared import files
from allyport.content.tests import factories
from allyport.core.errors import RuleViolation


@pytest.mark.parametrize(
    ("name", "data", "rule", "message"),
    [
        ("run.exe", b"MZ", files.DOCUMENTS, "Upload one of these file types"),
        ("fake.pdf", b"<html>", files.DOCUMENTS, "not a .pdf file"),
        ("empty.pdf", b"", files.DOCUMENTS, "The file is empty."),
        ("big.vtt", b"WEBVTT\n" + b"x" * 600_000, files.CAPTIONS, "larger than 512 KiB"),
        ("caps.vtt", b"1\n00:00 --> 00:01\n", files.CAPTIONS, "not a .vtt file"),
        ("clip.mp4", b"\x00" * 40, files.VIDEOS, "not a .mp4 file"),
    ],
)
def test_it_refuses_bad_uploads_naming_the_field(
    name: str, data: bytes, rule: Any, message: str
) -> None:
    with pytest.raises(RuleViolation) as refused:
        files.check_upload(factories.upload(name, data), rule, "file")
    assert refused.value.errors[0].field == "file"
    assert any(message in error.message for error in refused.value.errors)


@pytest.mark.django_db
def test_a_good_upload_is_stored_with_the_type_of_its_extension() -> None:
    stored = files.store_upload(
        factories.upload("captions.VTT", factories.VTT), files.CAPTIONS, "c"
    )
    assert (stored.name, stored.content_type, stored.size) == (
        "captions.VTT",
        "text/vtt",
        len(factories.VTT),
    )


@pytest.mark.django_db
def test_the_admin_form_checks_uploads_by_the_resources_kind() -> None:
    data = {
        "kind": "video",
        "title": "Intro",
        "published_at": "2026-01-01 00:00",
        "is_published": "on",
    }
    form = ResourceForm(data, {"file_upload": factories.upload("intro.pdf", factories.PDF)})
    assert not form.is_valid() and "file_upload" in form.errors
    uploads = {
        "file_upload": factories.upload("intro.mp4", factories.MP4),
        "captions_upload": factories.upload("intro.vtt", factories.VTT),
    }
    good = ResourceForm(data, uploads)
    assert good.is_valid(), good.errors
    resource = good.save(commit=False)
    good.store(resource)
    resource.save()
    assert (
        resource.file.content_type == "video/mp4" and resource.captions.content_type == "text/vtt"
    )

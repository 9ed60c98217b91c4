"""Attachment security: names cannot reach the storage path, the type is sniffed
from the content, sizes and counts are limited, files go only to the case's
company and staff, and always as downloads."""

from __future__ import annotations

import os

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from allyport.support.models import Attachment, SupportCase
from allyport.support.services.attachments import safe_name, sniff
from allyport.support.tests.conftest import PDF, PNG, form_data, open_case, upload
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
CREATE = reverse("support:create")


def _file_url(attachment: Attachment) -> str:
    return reverse("support:attachment", args=[attachment.public_id])


def test_path_traversal_in_names_stays_a_name(member, settings) -> None:
    case = open_case(member, files=(upload("../../../etc/passwd.txt", b"root:x:0:0"),
                                     upload("..\\..\\boot.ini", b"[boot]")))  # fmt: skip
    names = sorted(case.attachments.values_list("name", flat=True))
    assert names == ["boot.ini", "passwd.txt"]
    media = os.path.realpath(settings.MEDIA_ROOT)
    for attachment in case.attachments.all():
        stored = os.path.realpath(default_storage.path(attachment.file.name))
        assert stored.startswith(media + os.sep)
        assert attachment.file.name == f"support/{case.case_id}/{attachment.public_id}"
    assert safe_name("..") == "file" and safe_name("a\x00b\n.txt") == "ab.txt"


def test_a_spoofed_content_type_is_refused(member, client_for) -> None:
    executable = upload("invoice.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "application/pdf")
    body = client_for(member).post(CREATE, form_data(attachments=[executable])).content.decode()
    assert "invoice.pdf is not a type of file we accept." in body
    assert not SupportCase.objects.exists()
    # A picture named as a document is kept as the picture it is.
    case = open_case(member, files=(upload("report.pdf", PNG, "application/pdf"),))
    assert case.attachments.get().content_type == "image/png"
    assert sniff(b"<html><script>alert(1)</script></html>") == "text/plain"


def test_oversize_and_too_many_files_are_refused(member, client_for, settings) -> None:
    settings.ALLYPORT_SUPPORT_MAX_FILE_BYTES = 1024
    settings.ALLYPORT_SUPPORT_MAX_FILES = 2
    big = upload("big.txt", b"a" * 1025)
    files = [big, upload("1.txt", b"1"), upload("2.txt", b"2")]
    body = client_for(member).post(CREATE, form_data(attachments=files)).content.decode()
    assert "big.txt is larger than 0.000976562 MB." in body
    assert "Attach at most 2 files." in body
    assert not SupportCase.objects.exists() and not Attachment.objects.exists()


def test_another_companys_file_by_url_is_not_found(member, outsider, client_for) -> None:
    case = open_case(member, files=(upload("quote.pdf", PDF),))
    url = _file_url(case.attachments.get())
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(member).get(url).status_code == 200
    colleague = make_user(member.company)
    refused = client_for(colleague).get(url)
    assert refused.status_code == 403 and b"%PDF" not in refused.content
    missing = reverse("support:attachment", args=["00000000-0000-0000-0000-000000000000"])
    assert client_for(member).get(missing).status_code == 404
    assert client_for(member).get("/support/files/..%2Fx/").status_code == 404


def test_html_is_served_as_a_download(member, client_for) -> None:
    html = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
    case = open_case(member, files=(upload("page.html", html, "text/html"),))
    response = client_for(member).get(_file_url(case.attachments.get()))
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"] == 'attachment; filename="page.html"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == html


def test_a_failed_case_leaves_no_stored_file(member, monkeypatch, settings) -> None:
    from allyport.support.services import cases

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("database went away")

    monkeypatch.setattr(cases, "_case_event", broken)
    with pytest.raises(RuntimeError):
        open_case(member, files=(upload("quote.pdf", PDF),))
    assert not SupportCase.objects.exists()
    folder = os.path.join(settings.MEDIA_ROOT, "support")
    assert not os.path.exists(folder) or not any(files for _, _, files in os.walk(folder))

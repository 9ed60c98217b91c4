"""Dates and numbers follow the reader's language; Japanese, Chinese, Korean and
accented text survive pages and spreadsheet downloads."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import openpyxl
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from allyport.accounts.models import User
from allyport.testing import make_company, make_user

Build = Callable[[User], Client]


def _added_date(client: Client) -> str:
    page = client.get(reverse("profiles:domains")).content.decode()
    row = page.split("<td>octank.example</td><td>", 1)[1]
    return row.split("</td>", 1)[0]


def test_a_page_shows_dates_in_the_readers_format(lead: User, client_for: Build) -> None:
    today = timezone.now()
    client = client_for(lead)
    assert _added_date(client) == f"{today:%Y-%m-%d}"  # English: ISO
    for language, expected in (("de", f"{today:%d.%m.%Y}"), ("ja", f"{today:%Y/%m/%d}")):
        lead.preferred_language = language
        lead.save()
        assert _added_date(client) == expected, language


def test_numbers_follow_the_language() -> None:
    template = Template("{{ share }} {{ big|floatformat:'2g' }}")
    context = Context({"share": 12.5, "big": 1234567.891})
    with translation.override("en"):
        assert template.render(context) == "12.5 1,234,567.89"
    with translation.override("de"):
        assert template.render(context) == "12,5 1.234.567,89"
    with translation.override("fr"):
        assert template.render(context) == "12,5 1\xa0234\xa0567,89"


def test_cjk_and_accented_names_render_on_a_page(db: None, client_for: Build) -> None:
    company, lead = make_company(name="株式会社オクタンク", domain="octank.jp")
    lead.first_name, lead.last_name = "Zoë", "Müller"
    lead.save()
    page = client_for(lead).get("/profile/")
    assert page["Content-Type"] == "text/html; charset=utf-8"
    body = page.content.decode("utf-8")
    assert "株式会社オクタンク" in body and 'value="Zoë"' in body and 'value="Müller"' in body


def _people(company_name: str) -> User:
    company, lead = make_company(name=company_name, domain="octank.cn")
    named = make_user(company, "standard_user", email="yamada@octank.cn")
    named.first_name, named.last_name = "山田", "太郎"
    named.save()
    other = make_user(company, "standard_user", email="kim@octank.cn")
    other.first_name, other.last_name = "김", "민준"
    other.save()
    lead.first_name, lead.last_name = "José", "Çelik"
    lead.save()
    return lead


def test_a_csv_download_carries_cjk_text_for_excel(db: None, client_for: Build) -> None:
    lead = _people("北京示例公司")
    response = client_for(lead).get(reverse("users:access_review"))
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads it as UTF-8
    rows = {
        row["email"]: row["name"]
        for row in csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    }
    assert rows["yamada@octank.cn"] == "山田 太郎"
    assert rows["kim@octank.cn"] == "김 민준"
    assert rows["lead@octank.cn"] == "José Çelik"


def test_an_xlsx_download_carries_cjk_text(db: None, client_for: Build) -> None:
    lead = _people("北京示例公司")
    lead.preferred_language = "zh-hans"
    lead.save()
    response = client_for(lead).get(reverse("programs:training"), {"download": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    names = sorted(row[0] for row in rows[1:])
    assert names == sorted(["山田 太郎", "김 민준", "José Çelik"])
    with translation.override("zh-hans"):
        assert list(rows[0]) == [
            translation.gettext(h) for h in ("Name", "Email", "Certifications", "Accreditations")
        ]

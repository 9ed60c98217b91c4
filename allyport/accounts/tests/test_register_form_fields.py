"""The company details step as a newcomer sees it: nothing preselected, whole labels,
and a CAPTCHA with new characters on demand and an audio alternative."""

from __future__ import annotations

import re
import shutil

import pytest
from captcha.models import CaptchaStore
from django.test import Client, override_settings

from allyport.accounts.choices import INDUSTRY_SEGMENT_CHOICES
from allyport.accounts.models import Company, User
from allyport.accounts.tests.flows import company_details, verified

pytestmark = pytest.mark.django_db


def _details_page(client: Client) -> str:
    verified(client, "company", "ana@anycompany.example")
    return client.get("/register/company/details/").content.decode()


def _select(page: str, name: str) -> str:
    found = re.search(rf'<select name="{name}".*?</select>', page, re.S)
    assert found, f"no select {name}"
    return found.group(0)


def _captcha_key(page: str) -> str:
    found = re.search(r'name="captcha_0" value="(\w+)"', page)
    assert found, "no CAPTCHA on the page"
    return found.group(1)


def _attribute(page: str, css_class: str, attribute: str) -> str:
    found = re.search(rf'<\w+ [^>]*class="{css_class}"[^>]*>', page)
    assert found, f"nothing of class {css_class}"
    value = re.search(rf'{attribute}="([^"]*)"', found.group(0))
    assert value, f"{css_class} has no {attribute}"
    return value.group(1)


@pytest.mark.parametrize("name", ["country_code", "industry_segment", "employee_count"])
def test_it_preselects_no_choice_and_opens_with_an_empty_select_option(name: str) -> None:
    select = _select(_details_page(Client()), name)
    assert re.search(r'<select[^>]*>\s*<option value="" selected>Select…</option>', select)
    assert select.count("selected") == 1, "only the empty option is selected"


def test_it_requires_a_country_and_an_industry() -> None:
    client = Client()
    verified(client, "company", "ana@anycompany.example")
    response = client.post(
        "/register/company/details/", company_details(country_code="", industry_segment="")
    )
    assert response.context["form"].errors.keys() == {"country_code", "industry_segment"}
    assert not Company.objects.exists()


def test_it_writes_industry_labels_out_in_full() -> None:
    labels = dict(INDUSTRY_SEGMENT_CHOICES)
    assert labels["BUSINESS_SERV"] == "Business services"
    assert labels["SEMICONDUCTOR_ELECTR"] == "Semiconductors and electronics"
    select = _select(_details_page(Client()), "industry_segment")
    assert ">Business services</option>" in select
    assert ">Business serv</option>" not in select


@override_settings(ALLYPORT_CAPTCHA=True)
def test_with_the_captcha_on_the_step_shows_it_with_new_characters_and_audio() -> None:
    page = _details_page(Client())
    assert _attribute(page, "captcha-image", "alt") == "The characters to type, as an image"
    assert re.search(r'value="new_captcha"[^>]*>Show new characters</button>', page)
    if shutil.which("flite"):
        assert re.search(r'class="captcha-audio"[^>]*>Listen to the characters \(audio\)', page)


@override_settings(ALLYPORT_CAPTCHA=True)
def test_new_characters_without_javascript_keep_what_was_typed() -> None:
    client = Client()
    old_key = _captcha_key(_details_page(client))
    typed = company_details(captcha_0=old_key, captcha_1="", action="new_captcha")
    response = client.post("/register/company/details/", typed)
    page = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" not in page, "asking for new characters is not an error"
    assert 'name="legal_name" value="Anycompany Ltd"' in page
    assert 'name="city" value="Seattle"' in page
    assert '<option value="US" selected>' in _select(page, "country_code")
    checked = re.findall(r'name="customer_segments" value="(\w+)"[^>]*checked', page)
    assert set(checked) == {"ENTERPRISE", "SMB"}
    assert _captcha_key(page) != old_key
    assert not Company.objects.exists()


@override_settings(ALLYPORT_CAPTCHA=True)
def test_it_registers_with_the_right_characters_and_refuses_wrong_ones() -> None:
    client = Client()
    key = _captcha_key(_details_page(client))
    wrong = client.post(
        "/register/company/details/", company_details(captcha_0=key, captcha_1="nope")
    )
    assert "The characters do not match" in wrong.content.decode()
    key = _captcha_key(wrong.content.decode())
    answer = CaptchaStore.objects.get(hashkey=key).response
    right = client.post(
        "/register/company/details/", company_details(captcha_0=key, captcha_1=answer)
    )
    assert right.status_code == 302
    assert Company.objects.filter(legal_name="Anycompany Ltd").exists()


@pytest.mark.skipif(not shutil.which("flite"), reason="flite is not installed")
@override_settings(ALLYPORT_CAPTCHA=True)
def test_the_audio_link_serves_spoken_characters() -> None:
    client = Client()
    audio = client.get(_attribute(_details_page(client), "captcha-audio", "href"))
    assert audio.status_code == 200
    assert audio["Content-Type"] == "audio/wav"
    assert b"".join(audio.streaming_content)[:4] == b"RIFF"


@override_settings(ALLYPORT_CAPTCHA=True)
def test_the_refresh_endpoint_answers_scripts_with_a_new_challenge() -> None:
    response = Client().get("/captcha/refresh/", headers={"X-Requested-With": "XMLHttpRequest"})
    challenge = response.json()
    assert re.fullmatch(r"/captcha/image/\w+/", challenge["image_url"])
    assert CaptchaStore.objects.filter(hashkey=challenge["key"]).exists()


@override_settings(ALLYPORT_CAPTCHA=True)
def test_new_characters_on_an_invitation_keep_what_was_typed(lead, client_for) -> None:  # type: ignore[no-untyped-def]
    from allyport.accounts.tests.test_invitations import accept_data, invite

    token = invite(client_for(lead), "ina@octank.example", ["ace_user"])
    visitor = Client()
    old_key = _captcha_key(visitor.get(f"/invitations/{token}/").content.decode())
    data = accept_data(captcha_0=old_key, captcha_1="", action="new_captcha")
    response = visitor.post(f"/invitations/{token}/", data)
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" not in page
    assert 'name="job_title" value="Dev"' in page
    assert _captcha_key(page) != old_key
    assert not User.objects.filter(email="ina@octank.example").exists()

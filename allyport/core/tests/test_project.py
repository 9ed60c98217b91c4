"""Project-wide guards."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse


@pytest.mark.django_db
def test_it_has_no_missing_migrations() -> None:
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["home", "ping", "account_login", "accounts:register", "accounts:register_company",
     "accounts:register_user", "accounts:locked_out", "account_reset_password"],
)  # fmt: skip
def test_it_renders_public_pages(client, name: str) -> None:
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.django_db
def test_signed_in_home_shows_menus_and_roles(client_for, lead) -> None:
    page = client_for(lead).get("/").content.decode()
    assert "My Company" in page and "User Management" in page
    assert "Alliance lead" in page and "Octank" in page


@pytest.mark.django_db
def test_it_signs_out_from_the_cached_menu(client_for, lead) -> None:
    client = client_for(lead)
    page = client.get("/").content.decode()
    assert 'id="logout-form"' in page and 'form="logout-form"' in page
    client.post(reverse("account_logout"))
    assert "Alliance lead" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_it_switches_language_from_the_cached_menu(client) -> None:
    page = client.get("/").content.decode()
    assert 'id="language-form"' in page
    assert 'form="language-form" name="language" value="de"' in page
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "de"


@pytest.mark.django_db
def test_the_signed_in_baseline_answers_only_members(client, client_for, lead) -> None:
    assert client.get(reverse("ping_session")).status_code == 401
    response = client_for(lead).get(reverse("ping_session"))
    assert response.status_code == 200 and response.content.decode() == lead.public_id

"""Registering as a user of a company that is registered already."""

from __future__ import annotations

import pytest
from django.test import Client

from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, User
from allyport.accounts.tests.flows import (
    counts,
    field_errors,
    start,
    user_details,
    verified,
    verify,
)


def test_it_joins_the_company_of_the_domain_as_standard_user(company: Company) -> None:
    client = Client()
    verified(client, "user", "new.person@octank.example")
    response = client.post("/register/user/details/", user_details())
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(email="new.person@octank.example")
    assert user.company == company
    assert list(RoleAssignment.objects.filter(user=user).values_list("role", flat=True)) == [
        "standard_user"
    ]
    assert client.get("/").wsgi_request.user == user


@pytest.mark.django_db
def test_it_tells_a_user_without_a_company_how_to_register_it_after_the_code() -> None:
    client = Client()
    before = counts()
    assert start(client, "user", "someone@unregistered.example").status_code == 302
    response = verify(client, "user")
    assert response.status_code == 200
    page = response.content.decode()
    assert "No company is registered for unregistered.example" in page
    assert "/register/company/" in page
    assert client.get("/register/user/details/")["Location"] == "/register/user/"
    assert counts() == before


def test_it_shows_the_company_to_join_on_the_details_step(company: Company) -> None:
    client = Client()
    verified(client, "user", "joiner@octank.example")
    response = client.get("/register/user/details/")
    assert "Octank" in response.content.decode()


def test_it_refuses_a_weak_password_for_a_user_and_creates_nothing(company: Company) -> None:
    client = Client()
    verified(client, "user", "weak@octank.example")
    before = counts()
    response = client.post(
        "/register/user/details/", user_details(password1="short", password2="short")
    )
    assert response.status_code == 200
    assert "Use at least 8 characters." in field_errors(response, "password1")
    assert counts() == before

"""My Profile: details (the certifications email is the programs app's My Certifications)."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent

Build = Callable[[User], Client]


def test_it_saves_the_profile(member: User, client_for: Build) -> None:
    client = client_for(member)
    assert client.get("/profile/").status_code == 200
    response = client.post(
        "/profile/",
        {"first_name": "Mia", "last_name": "Ng", "job_title": "Architect", "phone": "+49 1",
         "preferred_language": "de"},
    )  # fmt: skip
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.first_name, member.last_name, member.job_title, member.phone) == (
        "Mia", "Ng", "Architect", "+49 1",
    )  # fmt: skip
    assert member.preferred_language == "de"
    event = AuditEvent.objects.get(event_name="UpdateProfile")
    assert event.record["requestParameters"]["job_title"] == "Architect"


def test_it_refuses_a_profile_without_names(member: User, client_for: Build) -> None:
    response = client_for(member).post(
        "/profile/", {"first_name": "", "last_name": "", "preferred_language": "xx"}
    )
    assert response.status_code == 200
    assert {"first_name", "last_name", "preferred_language"} <= set(response.context["form"].errors)


def test_it_requires_sign_in_for_the_profile(db: None) -> None:
    response = Client().get("/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

"""Remove user, Deactivate / Reactivate, Reassign the alliance lead role."""

from __future__ import annotations

from html import unescape

from django.urls import reverse

from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent
from allyport.testing import make_user


def _lead_of(company: Company) -> list[User]:
    return list(User.objects.filter(company=company, role_assignments__role="alliance_lead"))


def test_it_shows_who_will_be_removed(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    target = make_user(company, "ace_user", email="gone@octank.example")
    body = client_for(lead).get(reverse("users:remove", args=[target.public_id])).content.decode()
    assert "gone@octank.example" in body
    assert 'Type "confirm" to continue' in unescape(body)


def test_it_removes_a_user_after_confirm(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    target = make_user(company, "ace_user")
    response = client_for(lead).post(
        reverse("users:remove", args=[target.public_id]), {"confirm": "confirm"}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.status == User.Status.REMOVED
    assert not target.is_active
    assert AuditEvent.objects.filter(event_name="RemovePartnerUser").count() == 1


def test_it_shows_a_wrong_confirm_next_to_the_field(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    target = make_user(company, "ace_user")
    response = client_for(lead).post(
        reverse("users:remove", args=[target.public_id]), {"confirm": "yes"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"confirm": ['Type "confirm" to continue.']}
    target.refresh_from_db()
    assert target.status == User.Status.ACTIVE


def test_it_refuses_to_remove_the_lead(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team")
    response = client_for(team).post(
        reverse("users:remove", args=[lead.public_id]), {"confirm": "confirm"}
    )
    assert "Reassign the alliance lead role before removing this user." in response.content.decode()
    lead.refresh_from_db()
    assert lead.status == User.Status.ACTIVE


def test_it_answers_404_for_a_removed_user(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    target = make_user(company, "ace_user")
    User.objects.filter(pk=target.pk).update(status=User.Status.REMOVED)
    assert client_for(lead).get(reverse("users:remove", args=[target.public_id])).status_code == 404


def test_it_deactivates_and_the_lead_reactivates(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team")
    target = make_user(company, "ace_user", email="t@octank.example")
    response = client_for(team).post(reverse("users:deactivate", args=[target.public_id]))
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.status, target.is_active) == (User.Status.DEACTIVATED, False)
    listing = client_for(lead).get(reverse("users:list")).content.decode()
    assert "Reactivate t@octank.example" in listing
    client_for(lead).post(reverse("users:reactivate", args=[target.public_id]))
    target.refresh_from_db()
    assert (target.status, target.is_active) == (User.Status.ACTIVE, True)
    assert set(RoleAssignment.objects.filter(user=target).values_list("role", flat=True)) == {
        "ace_user"
    }


def test_it_reports_a_refused_deactivation(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    response = client.post(reverse("users:deactivate", args=[lead.public_id]), follow=True)
    assert "Reassign the alliance lead role before removing this user." in response.content.decode()


def test_it_shows_row_actions_only_to_who_may(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    target = make_user(company, "ace_user", email="t@octank.example")
    User.objects.filter(pk=target.pk).update(status=User.Status.DEACTIVATED)
    team = make_user(company, "alliance_team")
    body = client_for(team).get(reverse("users:list")).content.decode()
    assert "Reactivate t@octank.example" not in body
    assert f"Remove user {lead.email}" not in body
    assert "Reassign the alliance lead role" not in body


def test_it_reassigns_the_lead_after_confirm(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    new = make_user(company, "ace_user", email="new@octank.example")
    client = client_for(lead)
    page = client.get(reverse("users:reassign_lead")).content.decode()
    assert new.public_id in page and f'value="{lead.public_id}"' not in page
    response = client.post(
        reverse("users:reassign_lead"), {"new_lead": new.public_id, "confirm": "confirm"}
    )
    assert response.status_code == 302
    assert _lead_of(company) == [new]
    assert "alliance_team" in set(lead.role_assignments.values_list("role", flat=True))


def test_it_shows_all_reassign_errors_at_once(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(lead).post(
        reverse("users:reassign_lead"), {"new_lead": "", "confirm": "no"}
    )
    assert set(response.context["form"].errors) == {"new_lead", "confirm"}
    assert 'Type "confirm" to continue.' in unescape(response.content.decode())
    assert _lead_of(company) == [lead]


def test_it_refuses_another_companys_user_as_lead(
    company: Company, lead: User, outsider: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(lead).post(
        reverse("users:reassign_lead"), {"new_lead": outsider.public_id, "confirm": "confirm"}
    )
    assert "new_lead" in response.context["form"].errors
    assert _lead_of(company) == [lead]

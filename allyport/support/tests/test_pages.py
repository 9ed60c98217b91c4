"""The partner's pages: Partner Support, Create case, a case, close and reopen, with
the trio for each (sign-in required, another company's is not found, a missing role
is refused with its reason)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.core.errors import NotFound
from allyport.support import selectors, services
from allyport.support.models import CaseMessage, SupportCase, Topic
from allyport.support.tests.conftest import PDF, form_data, open_case, topics, upload
from allyport.testing import AllowingPrincipal, make_user

pytestmark = pytest.mark.django_db
HOME = reverse("support:home")
CREATE = reverse("support:create")


def test_the_menu_opens_partner_support(member, client_for) -> None:
    body = client_for(member).get(reverse("home")).content.decode()
    assert f'href="{HOME}"' in body and "Contact Support" in body


@pytest.mark.parametrize(
    "url",
    [HOME, CREATE, reverse("support:articles"), reverse("support:topic_fields"),
     reverse("support:suggestions"),
     reverse("support:attachment", args=["00000000-0000-0000-0000-000000000000"])],
)  # fmt: skip
def test_it_needs_sign_in(client, url) -> None:
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_shows_own_open_and_previous_cases(member, lead, client_for) -> None:
    mine = open_case(member, subject="My own question")
    closed = open_case(member, subject="An old question")
    closed.status = SupportCase.RESOLVED
    closed.save()
    open_case(lead, subject="The lead's question")
    body = client_for(member).get(HOME).content.decode()
    assert "My own question" in body and "An old question" in body
    assert "The lead&#x27;s question" not in body and "The lead's question" not in body
    assert mine.case_id in body and "Create case" in body
    team_view = client_for(lead).get(HOME).content.decode()
    assert "My own question" in team_view and "The lead&#x27;s question" in team_view


def test_it_creates_a_case_with_the_guides_fields_and_files(member, client_for) -> None:
    data = form_data(attachments=[upload("quote.pdf", PDF), upload("notes.txt", b"hello")])
    response = client_for(member).post(CREATE, data)
    case = SupportCase.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(case.case_id + "/")
    assert case.case_type.name == "APN Program Fee and Renewal"
    assert case.question_type.name == "Renewal" and case.opened_by == member
    assert sorted(case.attachments.values_list("name", "content_type")) == [
        ("notes.txt", "text/plain"), ("quote.pdf", "application/pdf"),
    ]  # fmt: skip
    page = client_for(member).get(response["Location"]).content.decode()
    assert "Please downgrade our APN membership." in page and "quote.pdf" in page
    assert "CreateCase" in page  # the audit trail


def test_it_reports_every_error_at_once_and_saves_nothing(member, client_for) -> None:
    data = {"case_type": "", "subject": "", "description": "",
            "attachments": [upload("run.exe", b"MZ\x90\x00" + b"\x00" * 64)]}  # fmt: skip
    response = client_for(member).post(CREATE, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Type of Case: Choose one of the options." in body
    assert "Subject: Enter a subject." in body and "Description: Describe your issue." in body
    assert "run.exe is not a type of file we accept." in body
    assert not SupportCase.objects.exists() and not CaseMessage.objects.exists()


def test_it_requires_the_levels_the_chosen_type_offers(member, client_for) -> None:
    chosen = topics()
    response = client_for(member).post(CREATE, form_data(question_type="", specific=""))
    body = response.content.decode()
    assert "Question Type: Choose one of the options." in body
    other_type = Topic.objects.get(parent=None, key="funding")
    mixed = form_data(case_type=str(other_type.pk), question_type=chosen["question_type"])
    body = client_for(member).post(CREATE, mixed).content.decode()
    assert "Question Type: Choose one of the options." in body
    assert not SupportCase.objects.exists()


def test_dependent_lists_rerender_without_javascript(member, client_for) -> None:
    chosen = topics()
    response = client_for(member).post(
        CREATE, {"case_type": chosen["case_type"], "refresh": "1", "subject": ""}
    )
    body = response.content.decode()
    assert "Renew my APN membership" not in body  # a Get Specific choice: no question yet
    assert ">Renewal</option>" in body and ">APN program fee</option>" in body
    assert not SupportCase.objects.exists()
    with_question = {**chosen, "refresh": "1"}
    body = client_for(member).post(CREATE, with_question).content.decode()
    assert "Downgrade my APN Membership" in body


def test_dependent_lists_rerender_with_htmx(member, client_for) -> None:
    chosen = topics()
    response = client_for(member).get(
        reverse("support:topic_fields"), {"case_type": chosen["case_type"]},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    body = response.content.decode()
    assert ">Renewal</option>" in body and "<html" not in body


def test_staff_can_change_the_lists(member, client_for) -> None:
    funding = Topic.objects.get(parent=None, key="funding")
    Topic.objects.create(parent=funding, key="migration", name="Migration Acceleration")
    body = client_for(member).post(CREATE, {"case_type": str(funding.pk), "refresh": "1"})
    assert "Migration Acceleration" in body.content.decode()


def test_the_case_page_trio(member, lead, outsider, client, client_for) -> None:
    case = open_case(lead, subject="Lead only")
    url = reverse("support:case", args=[case.case_id])
    assert client.get(url).status_code == 302
    assert client_for(outsider).get(url).status_code == 404
    refused = client_for(member).get(url)
    assert refused.status_code == 403
    assert "needs the alliance lead or alliance team role" in refused.content.decode()
    team = make_user(lead.company, "alliance_team")
    assert "Lead only" in client_for(team).get(url).content.decode()


def test_missing_case_is_not_found(member, client_for) -> None:
    url = reverse("support:case", args=["1234567890"])
    assert client_for(member).get(url).status_code == 404


def test_reply_close_and_reopen(member, client_for) -> None:
    case = open_case(member)
    url = reverse("support:case", args=[case.case_id])
    client = client_for(member)
    response = client.post(url, {"body": "More detail", "attachments": [upload("a.pdf", PDF)]})
    assert response.status_code == 302
    sent = [m for m in mail.outbox if "Partner reply on case" in m.subject]
    assert sent and "More detail" in sent[-1].body
    client.post(reverse("support:resolve", args=[case.case_id]))
    page = client.get(url).content.decode()
    assert "Resolved" in page and "Reopen case" in page and "a.pdf" in page
    refused = client.post(url, {"body": "Too late"})
    assert "This case is resolved." in refused.content.decode()
    client.post(reverse("support:reopen", args=[case.case_id]))
    case.refresh_from_db()
    assert case.status == SupportCase.OPEN
    names = list(
        AuditEvent.objects.filter(resource_name=case.arn)
        .order_by("id")
        .values_list("event_name", flat=True)
    )
    assert names == ["CreateCase", "AddCommunicationToCase", "ResolveCase", "ReopenCase"]


def test_reply_and_close_are_refused_for_other_companies(member, outsider, client_for) -> None:
    case = open_case(member)
    for name in ("support:resolve", "support:reopen"):
        assert client_for(outsider).post(reverse(name, args=[case.case_id])).status_code == 404
    url = reverse("support:case", args=[case.case_id])
    assert client_for(outsider).post(url, {"body": "hi"}).status_code == 404
    case.refresh_from_db()
    assert case.status == SupportCase.OPEN and case.messages.count() == 1


def test_a_colleague_may_not_close_anothers_case(member, lead, client_for) -> None:
    case = open_case(lead)
    response = client_for(member).post(reverse("support:resolve", args=[case.case_id]))
    assert response.status_code == 403
    assert "needs the alliance lead or alliance team role" in response.content.decode()
    case.refresh_from_db()
    assert case.status == SupportCase.OPEN


def test_internal_notes_never_reach_partners(member, client_for) -> None:
    case = open_case(member)
    CaseMessage.objects.create(case=case, body="Secret staff note", from_staff=True, internal=True)
    body = client_for(member).get(reverse("support:case", args=[case.case_id])).content.decode()
    assert "Secret staff note" not in body


@pytest.mark.parametrize("url", [HOME, CREATE, reverse("support:articles")])
def test_a_signed_in_non_member_is_refused_with_the_reason(client, url) -> None:

    staff = User.objects.create_user(email="ops@allyport.example", password="x", is_staff=True)
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 403
    assert "sign in as a member of a partner company" in response.content.decode()


def test_a_question_type_left_from_another_type_offers_no_specifics(member, client_for):
    renewal = topics()
    funding = Topic.objects.get(parent=None, key="funding")
    response = client_for(member).get(
        reverse("support:topic_fields"),
        {"case_type": str(funding.pk), "question_type": renewal["question_type"]},
    )
    body = response.content.decode()
    assert "Funding requests" in body and "Downgrade my APN Membership" not in body


def test_the_partners_trail_hides_staffs_notes_and_names(member, client_for) -> None:

    case = open_case(member)
    agent = User.objects.create_user(email="agent@allyport.example", password="x", is_staff=True)
    staff = Actor.for_staff(agent)
    services.assign_case(staff, case, agent)
    services.add_note(staff, case, "Internal")
    services.add_message(staff, case, "Answer")
    body = client_for(member).get(reverse("support:case", args=[case.case_id])).content.decode()
    assert "AddCommunicationToCase" in body and "CreateCase" in body
    assert "AddInternalNoteToCase" not in body and "AssignCase" not in body
    assert "agent@allyport.example" not in body and member.email in body


def test_iam_principals_cannot_use_support(member) -> None:

    case = open_case(member)
    iam = Actor.for_iam(AllowingPrincipal(), member.company)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        services.create_case(iam, services.NewCase(subject="x", description="y"))
    with pytest.raises(PermissionDenied):
        services.add_message(iam, case, "hello")
    with pytest.raises(NotFound):
        selectors.find_case(iam, case.case_id)


def test_huge_numbers_in_requests_are_answered_not_crashed(member, client_for) -> None:
    huge = "9" * 30
    client = client_for(member)
    assert client.get(HOME, {"before": huge, "open_before": huge}).status_code == 200
    body = client.post(CREATE, form_data(case_type=huge, question_type=huge)).content.decode()
    assert "Type of Case: Choose one of the options." in body
    assert client.get(reverse("support:topic_fields"), {"case_type": huge}).status_code == 200

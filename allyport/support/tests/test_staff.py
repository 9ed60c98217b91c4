"""Staff's side: the queue by status, type and age with assignment, internal notes,
replies emailed to the partner, the first-response clock; the locked-out contact
form and unlinking requests in the same queue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.accounts.services.profile import contact_when_locked_out
from allyport.support import services
from allyport.support.models import SupportCase
from allyport.support.tests.conftest import PDF, open_case, upload

pytestmark = pytest.mark.django_db
QUEUE = reverse("support_staff:queue")


@pytest.fixture
def staff(db: None) -> User:
    return User.objects.create_user(email="agent@allyport.example", password="x", is_staff=True)


@pytest.fixture
def staff_client(client, staff):  # type: ignore[no-untyped-def]
    client.force_login(staff)
    return client


def test_staff_pages_need_a_staff_sign_in(client, member, client_for) -> None:
    case = open_case(member)
    for url in (QUEUE, reverse("support_staff:case", args=[case.case_id])):
        assert "/staff/admin/login/" in client.get(url)["Location"]
        partner = client_for(member).get(url)
        assert partner.status_code == 302 and "/staff/admin/login/" in partner["Location"]


def test_the_queue_filters_by_status_type_age_and_assignment(staff_client, staff, member) -> None:
    fresh = open_case(member, subject="Fresh question")
    old = open_case(member, subject="Old question")
    SupportCase.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=4))
    contact_when_locked_out(Actor.anonymous("192.0.2.9"), "Ana", "ana@x.example", "Let me in")
    body = staff_client.get(QUEUE).content.decode()
    assert "Fresh question" in body and "Old question" in body and "Locked out: Ana" in body
    assert body.index("Old question") < body.index("Fresh question")  # oldest first
    assert "waiting 4" in body
    aged = staff_client.get(QUEUE, {"age": "3d"}).content.decode()
    assert "Old question" in aged and "Fresh question" not in aged
    lockouts = staff_client.get(QUEUE, {"kind": "lockout"}).content.decode()
    assert "Locked out: Ana" in lockouts and "Fresh question" not in lockouts
    services.assign_case(Actor.for_staff(staff), fresh, staff)
    mine = staff_client.get(QUEUE, {"assignee": "me"}).content.decode()
    assert "Fresh question" in mine and "Old question" not in mine


def test_staff_reply_note_assign_and_resolve(staff_client, staff, member, client_for) -> None:
    case = open_case(member, files=(upload("quote.pdf", PDF),))
    url = reverse("support_staff:case", args=[case.case_id])
    page = staff_client.get(url).content.decode()
    assert "quote.pdf" in page and "waiting" in page
    staff_client.post(url, {"action": "assign", "assignee": str(staff.pk)})
    staff_client.post(url, {"action": "note", "body": "Check the invoice first"})
    response = staff_client.post(url, {"action": "reply", "body": "We downgraded you."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.assignee == staff and case.status == SupportCase.PENDING
    assert case.first_response_at is not None
    sent = [m for m in mail.outbox if member.email in m.to]
    assert sent and "We downgraded you." in sent[-1].body
    partner_view = client_for(member).get(reverse("support:case", args=[case.case_id]))
    text = partner_view.content.decode()
    assert "We downgraded you." in text and "Check the invoice first" not in text
    assert "Pending partner action" in text
    staff_page = staff_client.get(url).content.decode()
    assert "Check the invoice first" in staff_page and "AssignCase" in staff_page
    staff_client.post(url, {"action": "resolve"})
    case.refresh_from_db()
    assert case.status == SupportCase.RESOLVED
    file_url = reverse("support_staff:attachment", args=[case.attachments.get().public_id])
    assert staff_client.get(file_url)["Content-Disposition"].startswith("attachment")


def test_a_staff_reply_to_a_locked_out_person_goes_by_email(staff_client) -> None:
    contact_when_locked_out(Actor.anonymous("192.0.2.9"), "Ana", "ana@x.example", "Let me in")
    case = SupportCase.objects.get(kind=SupportCase.LOCKOUT)
    assert case.company is None and case.messages.get().body == "Let me in"
    url = reverse("support_staff:case", args=[case.case_id])
    staff_client.post(url, {"action": "reply", "body": "Reset your password here."})
    sent = [m for m in mail.outbox if "ana@x.example" in m.to]
    assert sent and "Reset your password here." in sent[-1].body
    staff_client.post(url, {"action": "resolve"})
    case.lockout.refresh_from_db()
    assert case.lockout.handled


def test_staff_errors_show_next_to_the_form(staff_client, member) -> None:
    case = open_case(member)
    url = reverse("support_staff:case", args=[case.case_id])
    body = staff_client.post(url, {"action": "reply", "body": ""}).content.decode()
    assert "Write a message." in body
    assert staff_client.get(reverse("support_staff:case", args=["1"])).status_code == 404


def test_partners_and_iam_callers_cannot_do_staffs_part(member, lead) -> None:
    case = open_case(member)
    with pytest.raises(services.cases.PermissionDenied):
        services.add_note(Actor.for_member(lead), case, "note")
    with pytest.raises(services.cases.PermissionDenied):
        services.assign_case(Actor.for_member(lead), case, None)


def test_unlinking_requests_join_the_queue_and_staff_resolving_cancels(
    staff_client, lead, client_for
) -> None:
    from allyport.marketplace import testing
    from allyport.marketplace.models import UnlinkRequest

    testing.link(lead)
    client_for(lead).post(
        reverse("marketplace:unlink"), {"reason": "wrong_account", "confirm": "confirm"}
    )
    case = SupportCase.objects.get()
    assert case.kind == SupportCase.UNLINK
    queue = staff_client.get(QUEUE, {"kind": SupportCase.UNLINK}).content.decode()
    assert "Account unlinking request" in queue and case.case_id in queue
    url = reverse("support_staff:case", args=[case.case_id])
    staff_client.post(url, {"action": "resolve"})
    assert UnlinkRequest.objects.get().status == UnlinkRequest.CANCELLED
    # An unlinking case is not reopened: a new request is opened instead.
    refused = staff_client.post(url, {"action": "reopen"}, follow=True)
    assert "Open a new unlinking request instead." in refused.content.decode()
    case.refresh_from_db()
    assert case.status == SupportCase.RESOLVED


def test_assigning_to_someone_unknown_or_not_staff_is_refused(staff_client, member) -> None:
    case = open_case(member)
    url = reverse("support_staff:case", args=[case.case_id])
    for chosen in ("9" * 30, str(member.pk)):
        response = staff_client.post(url, {"action": "assign", "assignee": chosen}, follow=True)
        text = response.content.decode()
        assert "Choose a staff member." in text or "Assign cases to active staff" in text
    case.refresh_from_db()
    assert case.assignee is None

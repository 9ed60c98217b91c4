"""Unlink account: a support case with `confirm`; what an open request blocks;
resolving cancels; staff complete it."""

from __future__ import annotations

from django.urls import reverse

from allyport.access.actor import Actor, for_user
from allyport.audit.models import AuditEvent
from allyport.marketplace import testing
from allyport.marketplace.models import AccountLink, RoleMapping, UnlinkRequest
from allyport.marketplace.services import mapping, unlinking
from allyport.support.models import SupportCase
from allyport.testing import make_user

UNLINK = reverse("marketplace:unlink")


def _request(lead, client_for):  # type: ignore[no-untyped-def]
    return client_for(lead).post(UNLINK, {"reason": "wrong_account", "confirm": "confirm"})


def test_it_opens_a_support_case_with_confirm(lead, client_for) -> None:
    testing.link(lead)
    response = _request(lead, client_for)
    assert response.status_code == 302
    unlink = UnlinkRequest.objects.get()
    assert unlink.status == UnlinkRequest.OPEN and unlink.case.status == SupportCase.OPEN
    assert "I linked the wrong AWS account" in unlink.case.messages.get().body
    body = client_for(lead).get(reverse("marketplace:linked_account")).content.decode()
    assert "View case details" in body and "Map to IAM role" not in body


def test_it_needs_the_word_confirm_and_a_reason(lead, client_for) -> None:
    testing.link(lead)
    response = client_for(lead).post(UNLINK, {"reason": "", "confirm": "yes"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Type &quot;confirm&quot; to continue." in body
    assert "This field is required." in body
    assert not UnlinkRequest.objects.exists() and not SupportCase.objects.exists()


def test_it_blocks_mapping_and_linking_while_open(lead) -> None:
    link = testing.link(lead)
    user = make_user(lead.company, "ace_user")
    unlinking.request_unlink(for_user(lead), "other", "confirm")
    try:
        mapping.map_users(for_user(lead), [user.public_id], link.ace_role.role_id)
    except mapping.ChangeRefused as refused:
        assert "unlinking request is in progress" in refused.reason
    else:
        raise AssertionError("mapped while unlinking")
    try:
        unlinking.request_unlink(for_user(lead), "other", "confirm")
    except mapping.ChangeRefused as refused:
        assert "already open" in refused.reason
    else:
        raise AssertionError("two open requests")


def test_it_cancels_the_request_when_the_case_is_resolved(lead, client_for) -> None:
    testing.link(lead)
    _request(lead, client_for)
    case = SupportCase.objects.get()
    response = client_for(lead).post(reverse("support:resolve", args=[case.case_id]))
    assert response.status_code == 302
    assert UnlinkRequest.objects.get().status == UnlinkRequest.CANCELLED
    assert AccountLink.objects.filter(company=lead.company).exists()


def test_it_unlinks_when_staff_complete_it(lead, client_for) -> None:
    link = testing.link(lead)
    _request(lead, client_for)
    staff = Actor(kind="staff", source_ip="192.0.2.1")
    unlinking.complete_unlink(staff, UnlinkRequest.objects.get())
    assert not AccountLink.objects.exists()
    assert not RoleMapping.objects.filter(company=lead.company).exists()
    assert UnlinkRequest.objects.get().status == UnlinkRequest.COMPLETED
    assert SupportCase.objects.get().status == SupportCase.RESOLVED
    assert AuditEvent.objects.filter(event_name="DisassociatePartnerAccount").count() == 1
    # The roles stay in the account; linking again reuses them.
    again = testing.link(lead, link.account.users.get(name="linker"))
    assert again.cloud_admin_role == link.cloud_admin_role


def test_it_keeps_cases_within_the_company(lead, outsider, client_for) -> None:
    testing.link(lead)
    _request(lead, client_for)
    case = SupportCase.objects.get()
    assert client_for(outsider).get(reverse("support:case", args=[case.case_id])).status_code == 404
    response = client_for(outsider).post(reverse("support:resolve", args=[case.case_id]))
    assert response.status_code == 404
    assert SupportCase.objects.get().status == SupportCase.OPEN


def test_it_adds_messages_to_a_case(lead, client_for) -> None:
    testing.link(lead)
    _request(lead, client_for)
    case = SupportCase.objects.get()
    url = reverse("support:case", args=[case.case_id])
    assert client_for(lead).post(url, {"body": ""}).status_code == 200
    client_for(lead).post(url, {"body": "Any news?"})
    assert "Any news?" in client_for(lead).get(url).content.decode()


def test_it_keeps_unlinking_from_other_roles(lead, client_for) -> None:
    testing.link(lead)
    team = make_user(lead.company, "alliance_team")
    response = client_for(team).post(UNLINK, {"reason": "other", "confirm": "confirm"})
    assert response.status_code == 403
    assert not UnlinkRequest.objects.exists()


def test_it_lets_staff_complete_unlinking_in_the_admin(lead, client_for, admin_client) -> None:
    testing.link(lead)
    _request(lead, client_for)
    unlink = UnlinkRequest.objects.get()
    response = admin_client.post(
        reverse("admin:marketplace_unlinkrequest_changelist"),
        {"action": "complete", "_selected_action": [unlink.pk]},
    )
    assert response.status_code == 302
    assert not AccountLink.objects.exists()
    event = AuditEvent.objects.get(event_name="DisassociatePartnerAccount")
    assert event.company == lead.company


def test_it_lets_staff_answer_and_resolve_a_case_in_the_admin(
    lead, client_for, admin_client
) -> None:
    testing.link(lead)
    _request(lead, client_for)
    case = SupportCase.objects.get()
    url = reverse("admin:support_supportcase_change", args=[case.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "reply": "We are on it.",
            "resolve": "on",
            "messages-TOTAL_FORMS": "0",
            "messages-INITIAL_FORMS": "1",
            "messages-MIN_NUM_FORMS": "0",
            "messages-MAX_NUM_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.status == SupportCase.RESOLVED
    assert case.messages.filter(from_staff=True, body="We are on it.").exists()
    assert UnlinkRequest.objects.get().status == UnlinkRequest.CANCELLED


def test_it_needs_sign_in_for_cases(lead, client_for, client) -> None:
    testing.link(lead)
    _request(lead, client_for)
    case = SupportCase.objects.get()
    for url in (reverse("support:case", args=[case.case_id]),
                reverse("support:resolve", args=[case.case_id])):  # fmt: skip
        response = client.post(url) if url.endswith("resolve/") else client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert SupportCase.objects.get().status == SupportCase.OPEN

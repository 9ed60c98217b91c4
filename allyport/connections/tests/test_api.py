"""The connection operations of the Account API through the endpoint: the whole flow,
each side's view, the refusals with the account service's error shapes."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.audit.models import AuditEvent
from allyport.connections.tests.conftest import Pair, invite_params

pytestmark = pytest.mark.django_db


def test_it_invites_accepts_and_shows_each_side_its_view(pair: Pair) -> None:
    sent = pair.invite()
    assert sent["Id"].startswith("pacinv-") and sent["Status"] == "PENDING"
    assert sent["ParticipantType"] == "SENDER"
    assert sent["OtherParticipantIdentifier"] == pair.b_id
    assert sent["Arn"].endswith(f"::catalog/AWS/connection-invitation/{sent['Id']}")
    received = pair.as_b("GetConnectionInvitation", Catalog="AWS", Identifier=sent["Id"]).body
    assert received["ParticipantType"] == "RECEIVER"
    assert received["OtherParticipantIdentifier"] == pair.a_id
    assert received["InvitationMessage"] == "Let us sell together."

    accepted = pair.as_b(
        "AcceptConnectionInvitation", Catalog="AWS", Identifier=sent["Id"], ClientToken="t"
    ).body["Connection"]
    assert accepted["Id"].startswith("pac-")
    assert accepted["OtherParticipantAccountId"] == pair.a.user.account.account_id
    detail = accepted["ConnectionTypes"]["OPPORTUNITY_COLLABORATION"]
    assert detail["Status"] == "ACTIVE" and detail["InviterName"] == "Pat Lead"
    assert detail["OtherParticipant"] == {"Account": {"Name": pair.a.company.legal_name}}

    seen_by_a = pair.as_a("GetConnection", Catalog="AWS", Identifier=accepted["Id"]).body
    assert seen_by_a["OtherParticipantAccountId"] == pair.b.user.account.account_id
    listed = pair.as_a("ListConnections", Catalog="AWS").body["ConnectionSummaries"]
    assert [item["Id"] for item in listed] == [accepted["Id"]]
    after = pair.as_a("GetConnectionInvitation", Catalog="AWS", Identifier=sent["Id"]).body
    assert after["Status"] == "ACCEPTED" and after["ConnectionId"] == accepted["Id"]


def test_it_hides_both_sides_records_from_a_third_company(pair: Pair) -> None:
    from allyport.awsapi.tests.contract.conftest import call
    from allyport.testing import make_credentials

    connection = pair.connect()
    invitation = pair.as_a("ListConnectionInvitations", Catalog="AWS").body
    third = make_credentials()
    for op, identifier in (
        ("GetConnection", connection["Id"]),
        ("GetConnectionInvitation", invitation["ConnectionInvitationSummaries"][0]["Id"]),
    ):
        answer = call(pair.client, third, op, {"Catalog": "AWS", "Identifier": identifier},
                      service="partnercentral-account")  # fmt: skip
        assert answer.status == 404 and answer.code == "ResourceNotFoundException", answer.body
        assert answer.body["Reason"] in ("CONNECTION_NOT_FOUND", "CONNECTION_INVITATION_NOT_FOUND")
    listed = call(pair.client, third, "ListConnections", {"Catalog": "AWS"},
                  service="partnercentral-account")  # fmt: skip
    assert listed.body == {"ConnectionSummaries": []}


def test_it_refuses_a_duplicate_and_only_the_receiver_answers(pair: Pair) -> None:
    sent = pair.invite()
    again = pair.as_a("CreateConnectionInvitation", **invite_params(pair.b_id, ClientToken="t2"))
    assert again.code == "ConflictException"
    assert again.body["Reason"] == "DUPLICATE_CONNECTION_INVITATION"
    by_sender = pair.as_a(
        "AcceptConnectionInvitation", Catalog="AWS", Identifier=sent["Id"], ClientToken="x"
    )
    assert by_sender.code == "ConflictException"
    assert by_sender.body["Reason"] == "INCOMPATIBLE_CONNECTION_INVITATION_RECEIVER"
    rejected = pair.as_b(
        "RejectConnectionInvitation", Catalog="AWS", Identifier=sent["Id"], ClientToken="r",
        Reason="Not now",
    ).body  # fmt: skip
    assert rejected["Status"] == "REJECTED"
    late = pair.as_a(
        "CancelConnectionInvitation", Catalog="AWS", Identifier=sent["Id"], ClientToken="c"
    )
    assert late.code == "ConflictException"
    assert late.body["Reason"] == "INCOMPATIBLE_CONNECTION_INVITATION_STATE"


def test_it_replays_a_client_token_and_refuses_it_for_another_body(pair: Pair) -> None:
    first = pair.invite(ClientToken="same")
    replay = pair.invite(ClientToken="same")
    assert replay == first
    other = pair.as_a(
        "CreateConnectionInvitation", **invite_params(pair.b_id, ClientToken="same", Name="Kim")
    )
    assert other.code == "ConflictException" and other.body["Reason"] == "CONFLICT_CLIENT_TOKEN"


def test_it_cancels_one_connection_type(pair: Pair) -> None:
    connection = pair.connect()
    canceled = pair.as_a(
        "CancelConnection", Catalog="AWS", Identifier=connection["Id"],
        ConnectionType="OPPORTUNITY_COLLABORATION", Reason="Ended", ClientToken="cc",
    ).body  # fmt: skip
    detail = canceled["ConnectionTypes"]["OPPORTUNITY_COLLABORATION"]
    assert detail["Status"] == "CANCELED"
    assert detail["CanceledBy"] == pair.a.user.account.account_id
    active = pair.as_b(
        "ListConnections", Catalog="AWS", ConnectionType="OPPORTUNITY_COLLABORATION:ACTIVE"
    )
    assert active.body["ConnectionSummaries"] == []
    again = pair.as_b(
        "CancelConnection", Catalog="AWS", Identifier=connection["Id"],
        ConnectionType="OPPORTUNITY_COLLABORATION", Reason="x", ClientToken="cc2",
    )  # fmt: skip
    assert again.code == "ConflictException"
    assert again.body["Reason"] == "INCOMPATIBLE_CONNECTION_STATE"


def test_preferences_guard_their_revision_and_block_invitations(pair: Pair) -> None:
    initial = pair.as_b("GetConnectionPreferences", Catalog="AWS").body
    assert initial["AccessType"] == "ALLOW_ALL" and initial["Revision"] == 1
    updated = pair.as_b(
        "UpdateConnectionPreferences", Catalog="AWS", Revision=1,
        AccessType="ALLOW_BY_DEFAULT_DENY_SOME", ExcludedParticipantIdentifiers=[pair.a_id],
    ).body  # fmt: skip
    assert updated["Revision"] == 2 and updated["ExcludedParticipantIds"] == [pair.a_id]
    stale = pair.as_b(
        "UpdateConnectionPreferences", Catalog="AWS", Revision=1, AccessType="DENY_ALL"
    )
    assert stale.code == "ConflictException"
    assert stale.body["Reason"] == "INCOMPATIBLE_CONNECTION_PREFERENCES_REVISION"
    blocked = pair.as_a("CreateConnectionInvitation", **invite_params(pair.b_id))
    assert blocked.code == "ConflictException"
    assert blocked.body["Reason"] == "INCOMPATIBLE_CONNECTION_INVITATION_RECEIVER"


def test_validation_names_the_field_in_the_account_shape(pair: Pair) -> None:
    answer = pair.as_a("GetConnection", Catalog="AWS", Identifier="pac-short")
    assert answer.code == "ValidationException"
    assert answer.body["Reason"] == "REQUEST_VALIDATION_FAILED"
    details = answer.body["ErrorDetails"]
    assert details[0]["FieldValidationError"]["Name"] == "Identifier"
    assert "ErrorList" not in answer.body


def test_an_unknown_receiver_is_not_found(pair: Pair) -> None:
    answer = pair.as_a("CreateConnectionInvitation", **invite_params("partner-zzzzzzzzzzzzz"))
    assert answer.code == "ResourceNotFoundException"
    assert answer.body["Reason"] == "RECEIVER_PROFILE_NOT_FOUND"


def test_calls_are_recorded_with_the_account_event_source(pair: Pair) -> None:
    sent = pair.invite()
    event = AuditEvent.objects.get(event_name="CreateConnectionInvitation")
    assert event.event_source == "partnercentral-account.amazonaws.com"
    assert event.record["resources"][0]["ARN"].endswith(sent["Id"])
    assert event.record["eventType"] == "AwsApiCall"


def test_tags_on_the_partner_and_preferences(pair: Pair) -> None:
    account = pair.a.user.account.account_id
    arn = f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/partner/{pair.a_id}"
    tagged = pair.as_a("TagResource", ResourceArn=arn, Tags=[{"Key": "team", "Value": "east"}])
    assert tagged.status == 200, tagged.body
    listed = pair.as_a("ListTagsForResource", ResourceArn=arn).body
    assert listed == {"ResourceArn": arn, "Tags": [{"Key": "team", "Value": "east"}]}
    assert pair.as_b("ListTagsForResource", ResourceArn=arn).code == "ResourceNotFoundException"
    pair.as_a("UntagResource", ResourceArn=arn, TagKeys=["team"])
    assert pair.as_a("ListTagsForResource", ResourceArn=arn).body["Tags"] == []


def test_an_overdue_invitation_is_expired_and_can_no_longer_be_accepted(pair: Pair) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from allyport.connections.models import ConnectionInvitation
    from allyport.connections.services.invitations import expire_due

    sent = pair.invite()
    ConnectionInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    shown = pair.as_b("GetConnectionInvitation", Catalog="AWS", Identifier=sent["Id"]).body
    assert shown["Status"] == "EXPIRED"
    expired = pair.as_b("ListConnectionInvitations", Catalog="AWS", Status="EXPIRED").body
    assert [item["Id"] for item in expired["ConnectionInvitationSummaries"]] == [sent["Id"]]
    late = pair.as_b(
        "AcceptConnectionInvitation", Catalog="AWS", Identifier=sent["Id"], ClientToken="late"
    )
    assert late.code == "ConflictException"
    assert late.body["Reason"] == "INCOMPATIBLE_CONNECTION_INVITATION_STATE"
    assert pair.invite(ClientToken="new")["Status"] == "PENDING"  # no longer blocks a new one
    assert expire_due() == 0  # creating the new one settled the overdue one


def test_account_calls_are_throttled_per_operation(pair: Pair, settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = True
    settings.ALLYPORT_API_QUOTAS = {
        "partnercentral-account": {"each": {"operations": ["*"], "rates": ["2/m"]}}
    }
    answers = [pair.as_a("ListConnections", Catalog="AWS") for _ in range(3)]
    assert [answer.status for answer in answers] == [200, 200, 429]
    assert answers[2].code == "ThrottlingException"
    assert pair.as_a("GetConnectionPreferences", Catalog="AWS").status == 200  # its own count

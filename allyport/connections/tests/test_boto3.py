"""The real boto3 client (`partnercentral-account`, endpoint_url) against the live
server: the connection flow between two companies end to end, the paginators, the
account service's errors as botocore parses them, and the portal showing what the
API did."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.connections.models import ConnectionInvitation
from allyport.pipeline.tests.test_portal_support import member, signed_in, text
from allyport.testing import make_credentials

pytestmark = pytest.mark.django_db(transaction=True)


def _invite(client: Any, receiver: str, kind: str = "OPPORTUNITY_COLLABORATION") -> Any:
    return client.create_connection_invitation(
        Catalog="AWS", ConnectionType=kind, Email="pat@example.com", Name="Pat",
        Message="Shall we?", ReceiverIdentifier=receiver,
    )  # fmt: skip


def test_two_companies_connect_through_boto3(account_client: Callable[..., Any]) -> None:
    a, b = make_credentials(), make_credentials()
    assert a.company is not None and b.company is not None
    alice, bob = account_client(a), account_client(b)
    sent = _invite(alice, b.company.public_id)  # ClientToken filled in by botocore
    assert sent["Status"] == "PENDING" and sent["CreatedAt"].tzinfo is not None
    pages = bob.get_paginator("list_connection_invitations").paginate(
        Catalog="AWS", ParticipantType="RECEIVER", PaginationConfig={"PageSize": 1}
    )
    received = [item for page in pages for item in page["ConnectionInvitationSummaries"]]
    assert [item["Id"] for item in received] == [sent["Id"]]
    connection = bob.accept_connection_invitation(Catalog="AWS", Identifier=sent["Id"])[
        "Connection"
    ]
    assert connection["OtherParticipantAccountId"] == a.user.account.account_id
    listed = alice.get_paginator("list_connections").paginate(Catalog="AWS")
    assert [c["Id"] for page in listed for c in page["ConnectionSummaries"]] == [connection["Id"]]
    canceled = alice.cancel_connection(
        Catalog="AWS", Identifier=connection["Id"], ConnectionType="OPPORTUNITY_COLLABORATION",
        Reason="Project ended",
    )  # fmt: skip
    assert canceled["ConnectionTypes"]["OPPORTUNITY_COLLABORATION"]["Status"] == "CANCELED"
    portal = signed_in(member(b.company, "alliance_team"))
    page = text(portal.get("/market/connections/"))
    assert a.company.legal_name in page and "Canceled" in page


def test_errors_arrive_as_botocore_parses_them(account_client: Callable[..., Any]) -> None:
    a, b = make_credentials(), make_credentials()
    assert b.company is not None
    alice = account_client(a)
    with pytest.raises(ClientError) as missing:
        alice.get_connection(Catalog="AWS", Identifier="pac-0000000000000")
    error = missing.value.response
    assert error["Error"]["Code"] == "ResourceNotFoundException"
    assert error["Reason"] == "CONNECTION_NOT_FOUND"
    with pytest.raises(alice.exceptions.ValidationException) as invalid:
        alice.get_connection(Catalog="AWS", Identifier="pac-bad")
    assert invalid.value.response["ErrorDetails"][0]["FieldValidationError"]["Name"] == "Identifier"
    _invite(alice, b.company.public_id)
    with pytest.raises(alice.exceptions.ConflictException) as duplicate:
        _invite(alice, b.company.public_id)
    assert duplicate.value.response["Reason"] == "DUPLICATE_CONNECTION_INVITATION"
    assert ConnectionInvitation.objects.count() == 1


def test_preferences_and_tags_through_boto3(account_client: Callable[..., Any]) -> None:
    a = make_credentials()
    assert a.company is not None
    alice = account_client(a)
    prefs = alice.get_connection_preferences(Catalog="AWS")
    updated = alice.update_connection_preferences(
        Catalog="AWS", Revision=prefs["Revision"], AccessType="DENY_ALL"
    )
    assert updated["Revision"] == prefs["Revision"] + 1 and updated["AccessType"] == "DENY_ALL"
    alice.tag_resource(ResourceArn=updated["Arn"], Tags=[{"Key": "team", "Value": "east"}])
    assert alice.list_tags_for_resource(ResourceArn=updated["Arn"])["Tags"] == [
        {"Key": "team", "Value": "east"}
    ]

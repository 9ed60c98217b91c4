"""Results serialized by the output shape, read back by the real boto3 client."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.awsapi.tests.conftest import ApiCredentials, signed_post
from allyport.shapes import loader, serialization, timestamps

CREATED = datetime(2025, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)


def solution(**extra: Any) -> dict:
    return {
        "Catalog": "AWS", "Id": "S-1", "Arn": "S-1", "Name": "Octank Analytics",
        "Status": "Active", "Category": "Software", "CreatedDate": CREATED, **extra,
    }  # fmt: skip


def output_shape(operation: str) -> Any:
    model = loader.operation_model("partnercentral-selling", operation)
    assert model is not None
    return model.output_shape


def test_it_sends_timestamps_boto3_reads_as_datetimes(client: Any, handlers: Any) -> None:
    def list_solutions(ctx: Any, params: dict) -> dict:
        ctx.authorize(catalog=params["Catalog"])
        return {"SolutionSummaries": [solution(AwsMarketplaceSolutionArn=None)], "NextToken": None}

    handlers("ListSolutions", list_solutions)
    answer = client.list_solutions(Catalog="AWS")
    summary = answer["SolutionSummaries"][0]
    assert summary["CreatedDate"] == CREATED.replace(microsecond=123000)
    assert summary["CreatedDate"].tzinfo is not None
    assert "AwsMarketplaceSolutionArn" not in summary
    assert "NextToken" not in answer


def test_it_writes_iso_8601_utc_with_milliseconds(
    api_url: str, creds: ApiCredentials, handlers: Any
) -> None:
    def list_solutions(ctx: Any, params: dict) -> dict:
        ctx.authorize(catalog=params["Catalog"])
        local = CREATED.astimezone(timezone(timedelta(hours=2)))
        return {"SolutionSummaries": [solution(CreatedDate=local)]}

    handlers("ListSolutions", list_solutions)
    answer = signed_post(api_url, creds, "ListSolutions", b'{"Catalog": "AWS"}')
    assert answer.body["SolutionSummaries"][0]["CreatedDate"] == "2025-01-02T03:04:05.123Z"


def test_it_answers_an_output_less_operation_with_an_empty_object(
    api_url: str, creds: ApiCredentials, handlers: Any
) -> None:
    def assign(ctx: Any, params: dict) -> None:
        ctx.authorize(catalog=params["Catalog"])

    handlers("AssignOpportunity", assign)
    body = (
        b'{"Catalog": "AWS", "Identifier": "O1", "Assignee": {"Email": "a@example.com",'
        b' "FirstName": "A", "LastName": "B", "BusinessTitle": "PartnerAccountManager"}}'
    )
    answer = signed_post(api_url, creds, "AssignOpportunity", body)
    assert (answer.status, answer.body) == (200, {})


def invitation(payload: dict) -> dict:
    return {
        "Catalog": "Sandbox", "Id": "engi-0000000000001", "PayloadType": "OpportunityInvitation",
        "Receiver": {"Account": {"AwsAccountId": "111122223333"}}, "Payload": payload,
        "InvitationDate": CREATED,
    }  # fmt: skip


def test_it_sends_a_union_with_its_one_member(client: Any, handlers: Any) -> None:
    def get_invitation(ctx: Any, params: dict) -> dict:
        ctx.authorize(catalog=params["Catalog"])
        opportunity = {
            "ReceiverResponsibilities": ["Co-Sell Facilitator"],
            "Customer": {"CompanyName": "Octank", "CountryCode": "US"},
            "Project": {"Title": "Migration", "BusinessProblem": "x" * 20},
            "SenderContacts": [],
        }
        return invitation({"OpportunityInvitation": opportunity})

    handlers("GetEngagementInvitation", get_invitation)
    answer = client.get_engagement_invitation(Catalog="Sandbox", Identifier="engi-0000000000001")
    assert list(answer["Payload"]) == ["OpportunityInvitation"]
    assert answer["Receiver"]["Account"]["AwsAccountId"] == "111122223333"


def test_it_refuses_to_send_a_union_with_two_members(client: Any, handlers: Any) -> None:
    def get_invitation(ctx: Any, params: dict) -> dict:
        ctx.authorize(catalog=params["Catalog"])
        return invitation({"OpportunityInvitation": {}, "LeadInvitation": {}})

    handlers("GetEngagementInvitation", get_invitation)
    with pytest.raises(ClientError) as caught:
        client.get_engagement_invitation(Catalog="Sandbox", Identifier="engi-0000000000001")
    assert caught.value.response["Error"]["Code"] == "InternalServerException"


def test_it_converts_values_to_what_the_shape_wants() -> None:
    shape = output_shape("ListSolutions")
    result = serialization.serialize(
        shape, {"SolutionSummaries": (solution(Id=Decimal("12"), Unknown="dropped"),)}
    )
    assert result["SolutionSummaries"][0]["Id"] == "12"
    assert "Unknown" not in result["SolutionSummaries"][0]
    assert serialization.serialize(None, {"Anything": 1}) == {}
    with pytest.raises(serialization.OutputError) as caught:
        serialization.serialize(shape, {"SolutionSummaries": [solution(), solution(CreatedDate=5)]})
    assert caught.value.path == "SolutionSummaries[1].CreatedDate"


def test_it_converts_the_same_shape_the_same_way_every_time() -> None:
    """Converters are built once per shape and reused: a second call with other
    values must not keep anything of the first."""
    shape = output_shape("ListSolutions")
    first = serialization.serialize(shape, {"SolutionSummaries": [solution(Name="A")]})
    second = serialization.serialize(
        shape, {"SolutionSummaries": [solution(Name="B", AwsMarketplaceSolutionArn="arn:x")]}
    )
    assert first["SolutionSummaries"][0]["Name"] == "A"
    assert "AwsMarketplaceSolutionArn" not in first["SolutionSummaries"][0]
    assert second["SolutionSummaries"][0]["AwsMarketplaceSolutionArn"] == "arn:x"


def test_it_formats_timestamps_as_the_docs_show() -> None:
    assert (
        timestamps.format_timestamp(datetime(2023, 5, 1, 20, 37, 46)) == "2023-05-01T20:37:46.000Z"
    )
    assert timestamps.parse_timestamp("2023-05-01T20:37:46.123Z") == datetime(
        2023, 5, 1, 20, 37, 46, 123000, tzinfo=UTC
    )


def test_a_lenient_converter_projects_quietly_and_lists_pass_its_wire_form(caplog: Any) -> None:
    shape = output_shape("ListSolutions")
    member = shape.members["SolutionSummaries"].member
    wire = serialization.converter(member, lenient=True)(solution(Unknown="kept out"))
    assert "Unknown" not in wire and wire["CreatedDate"] == "2025-01-02T03:04:05.123Z"
    assert "has no member" not in caplog.text
    body = serialization.serialize(shape, {"SolutionSummaries": [serialization.Wire(wire)]})
    assert body["SolutionSummaries"] == [wire]
    serialization.serialize(shape, {"SolutionSummaries": [solution(Unknown="x")]})
    assert "has no member Unknown" in caplog.text  # the strict one still says so


def test_answers_are_compact_utf8_json_and_odd_values_are_still_written() -> None:
    """orjson writes the bodies; what it refuses (an integer beyond 64 bits) is
    written by the standard encoder, as before."""
    from allyport.awsapi.responses import _encoded

    body = {"Name": "Zoë ✓", "Items": [{"N": 1.5}, {}], "Big": 2**63 - 1}
    assert _encoded(body) == json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    assert json.loads(_encoded({"Big": 2**70})) == {"Big": 2**70}

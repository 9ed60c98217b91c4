"""ClientToken: one creation per token, the same answer again, Conflict for another body."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection

from allyport.awsapi.idempotency import TOKEN_LIFETIME, request_hash, with_client_token
from allyport.awsapi.models import ApiIdempotency
from allyport.awsapi.tests.conftest import ApiCredentials, make_credentials
from allyport.testing import run_at_once

Creations = list[str]


@pytest.fixture
def created(handlers: Any) -> Creations:
    """A CreateOpportunity handler that counts what it creates."""
    made: Creations = []

    def create_opportunity(ctx: Any, params: dict) -> dict:
        ctx.authorize(catalog=params["Catalog"])

        def create() -> dict:
            time.sleep(0.05)  # widen the window for simultaneous calls
            made.append(params["ClientToken"])
            return {"Id": f"O{len(made)}", "LastModifiedDate": datetime.now(UTC)}

        return with_client_token(ctx, params["ClientToken"], params, create)

    handlers("CreateOpportunity", create_opportunity)
    return made


def create(client: Any, token: str, title: str = "Migration") -> dict:
    return client.create_opportunity(Catalog="Sandbox", ClientToken=token, Project={"Title": title})


def test_it_replays_the_answer_for_the_same_token_and_body(client: Any, created: Creations) -> None:
    first = create(client, "token-1")
    again = create(client, "token-1")
    assert again["Id"] == first["Id"]
    assert again["LastModifiedDate"] == first["LastModifiedDate"]
    assert created == ["token-1"]


def test_it_refuses_the_same_token_with_another_body(client: Any, created: Creations) -> None:
    create(client, "token-2")
    with pytest.raises(client.exceptions.ConflictException) as caught:
        create(client, "token-2", title="Something else")
    assert "Conflicting client token" in caught.value.response["Error"]["Message"]
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409
    assert created == ["token-2"]


def test_it_creates_for_each_new_token(client: Any, created: Creations) -> None:
    assert create(client, "a")["Id"] != create(client, "b")["Id"]
    # botocore fills in a fresh token when none is given
    client.create_opportunity(Catalog="Sandbox")
    assert len(created) == 3


def test_it_keeps_tokens_apart_between_companies(
    boto_for: Any, client: Any, created: Creations
) -> None:
    other = boto_for(make_credentials())
    create(client, "shared")
    create(other, "shared")
    assert created == ["shared", "shared"]


def test_it_forgets_a_token_after_eight_hours(client: Any, created: Creations) -> None:
    assert timedelta(hours=8) == TOKEN_LIFETIME
    create(client, "old")
    ApiIdempotency.objects.update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    create(client, "old", title="A new body is fine now")
    assert created == ["old", "old"]
    assert ApiIdempotency.objects.count() == 1


def test_it_prunes_a_companys_expired_tokens_when_it_claims_one(
    client: Any, created: Creations
) -> None:
    create(client, "one")
    create(client, "two")
    ApiIdempotency.objects.update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    create(client, "three")
    assert list(ApiIdempotency.objects.values_list("token", flat=True)) == ["three"]


def test_it_hashes_the_body_whatever_the_key_order() -> None:
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    assert request_hash({"a": 1, "b": moment}) == request_hash({"b": moment, "a": 1})
    assert request_hash({"a": 1}) != request_hash({"a": 2})


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_creates_once_for_twenty_simultaneous_calls_with_one_token(
    boto_for: Any, created: Creations
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    creds: ApiCredentials = make_credentials()
    clients = [boto_for(creds) for _ in range(20)]
    outcomes = run_at_once([lambda c=c: create(c, "one-token") for c in clients])
    errors = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert errors == []
    assert created == ["one-token"]
    assert {outcome["Id"] for outcome in outcomes} == {"O1"}
    assert ApiIdempotency.objects.filter(token="one-token").count() == 1

"""Simultaneous writes on PostgreSQL: one LastModifiedDate admits one update; one
ClientToken creates one opportunity."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from django.db import DEFAULT_DB_ALIAS, connection, connections

from allyport.access.actor import system
from allyport.cloud import services as cloud
from allyport.core.errors import Conflict
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete, iam_actor
from allyport.testing import make_company, run_at_once

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    settings.ALLYPORT_API_THROTTLING = False
    # The live server's request threads end with their requests: persistent
    # connections would outlive them and keep the test database busy at teardown.
    monkeypatch.setitem(connections.settings[DEFAULT_DB_ALIAS], "CONN_MAX_AGE", 0)


def test_it_admits_one_of_twenty_updates_with_one_last_modified_date() -> None:
    actor = iam_actor(make_company()[0])
    opportunity = services.create_opportunity(actor, "AWS", complete())

    def updater(n: int) -> Callable[[], Any]:
        payload = complete(PartnerOpportunityIdentifier=f"crm-{n}")
        return lambda: services.update_opportunity(
            actor, "AWS", opportunity.public_id, payload,
            last_modified_date=opportunity.last_modified_date,
        )  # fmt: skip

    outcomes = run_at_once([updater(n) for n in range(20)])
    winners = [o for o in outcomes if isinstance(o, Opportunity)]
    assert len(winners) == 1
    assert all(isinstance(o, Conflict) for o in outcomes if o not in winners)
    opportunity.refresh_from_db()
    assert opportunity.partner_opportunity_identifier == winners[0].partner_opportunity_identifier


def boto_client(live_server: Any) -> tuple[Any, Any]:
    company = make_company()[0]
    user = cloud.create_user(system(), link_for_operator(company).account, "crm")
    cloud.attach_policy(system(), user, "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess")
    key, secret = cloud.create_access_key(system(), user)
    client = boto3.client(
        "partnercentral-selling",
        endpoint_url=live_server.url + "/api/aws",
        region_name="us-east-1",
        aws_access_key_id=key.access_key_id,
        aws_secret_access_key=secret,
        config=Config(retries={"total_max_attempts": 1}),
    )
    return company, client


def code(outcome: Any) -> str:
    return outcome.response["Error"]["Code"] if isinstance(outcome, ClientError) else "ok"


def test_it_answers_two_api_updates_with_one_success_and_one_conflict(live_server: Any) -> None:
    _company, client = boto_client(live_server)
    identifier = client.create_opportunity(Catalog="AWS", **complete())["Id"]
    view = client.get_opportunity(Catalog="AWS", Identifier=identifier)
    body = {key: view[key] for key in ("Customer", "Project", "LastModifiedDate")}
    call = lambda: client.update_opportunity(Catalog="AWS", Identifier=identifier, **body)  # noqa: E731
    outcomes = run_at_once([call, call])
    assert sorted(code(o) for o in outcomes) == ["ConflictException", "ok"]
    client.close()


def test_it_creates_once_for_twenty_calls_with_one_client_token(live_server: Any) -> None:
    company, client = boto_client(live_server)
    call = lambda: client.create_opportunity(Catalog="AWS", ClientToken="once", **complete())  # noqa: E731
    outcomes = run_at_once([call] * 20)
    ids = {o["Id"] for o in outcomes if isinstance(o, dict)}
    assert len(ids) == 1
    assert Opportunity.objects.filter(company=company).count() == 1
    # A call that lost the race may be told to retry (Conflict); none may fail otherwise.
    assert {code(o) for o in outcomes} <= {"ok", "ConflictException"}
    client.close()

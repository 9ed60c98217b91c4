"""Funding's test data: a benefit of the catalogue, companies with members and API keys,
and the real boto3 Benefits client against live_server."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import boto3
import pytest
from botocore.config import Config

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.cloud.principals import IamPrincipal
from allyport.funding.models import Benefit, BenefitApplication
from allyport.funding.services import applications, files
from allyport.testing import ApiCredentials, make_credentials, make_user

SERVICE = "partnercentral-benefits"
SCHEMA = {
    "required": ["activity"],
    "properties": {
        "activity": {"title": "Marketing activity", "description": "What the funds pay for"},
        "audience": {"title": "Audience"},
    },
}
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def make_benefit(catalog: str = "AWS", **fields: Any) -> Benefit:
    values: dict[str, Any] = {
        "name": "Marketing Development Funds",
        "description": "Co-funded campaigns",
        "programs": ["APN_MDF"],
        "fund_type": "MDF",
        "fulfillment_types": ["CASH"],
        "max_amount": Decimal("50000"),
        "request_schema": SCHEMA,
    }
    values.update(fields)
    return Benefit.objects.create(catalog=catalog, **values)


def member_actor(company: Company, *roles: str) -> Actor:
    return Actor.for_member(make_user(company, *(roles or ("alliance_team",))))


def iam_actor(creds: ApiCredentials) -> Actor:
    principal = IamPrincipal.for_user(creds.user, access_key_id=creds.key_id)
    return Actor.for_iam(principal, creds.company, source_ip="192.0.2.1")


def draft(actor: Actor, benefit: Benefit, **payload: Any) -> BenefitApplication:
    body = {
        "BenefitIdentifier": benefit.public_id,
        "Name": "Q3 webinar series",
        "BenefitApplicationDetails": {"activity": "Three webinars"},
        **payload,
    }
    return applications.create_application(actor, benefit.catalog, body)


def pdf_uri(actor: Actor, name: str = "plan.pdf") -> str:
    return files.uri(files.upload(actor, name, io.BytesIO(PDF)))


@pytest.fixture
def benefit(db: None) -> Benefit:
    return make_benefit()


@pytest.fixture
def creds(db: None) -> ApiCredentials:
    return make_credentials()


@pytest.fixture
def benefits_client(live_server: Any) -> Iterator[Callable[[ApiCredentials], Any]]:
    """The real boto3 Benefits client for these credentials, one attempt per call."""
    clients: list[Any] = []

    def build(credentials: ApiCredentials) -> Any:
        client = boto3.client(
            SERVICE,
            endpoint_url=f"{live_server.url}/api/aws",
            region_name="us-east-1",
            aws_access_key_id=credentials.key_id,
            aws_secret_access_key=credentials.secret,
            config=Config(retries={"total_max_attempts": 1}),
        )
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()
    gc.collect()


@pytest.fixture(autouse=True)
def _no_throttling(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False

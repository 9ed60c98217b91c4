"""Through boto3: CreateEngagement refuses a lead the import refuses, naming each
broken rule in the ValidationException's ErrorList."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.tests.test_api import Caller, connect  # noqa: F401 (fixture)
from allyport.pipeline.tests.test_lead_rules import lead_payload

pytestmark = pytest.mark.django_db(transaction=True)


def test_create_engagement_refuses_a_bad_country_and_email(
    connect: Callable[..., Caller],  # noqa: F811
    settings: Any,
) -> None:
    settings.ALLYPORT_API_THROTTLING = False
    crm = connect()
    with pytest.raises(ClientError) as caught:
        crm.client.create_engagement(
            Catalog="AWS",
            ClientToken="lead-1",
            Title="Contoso",
            Description="From the CRM",
            Contexts=[{"Type": "Lead", "Payload": {"Lead": lead_payload()}}],
        )
    answer = caught.value.response
    assert answer["Error"]["Code"] == "ValidationException"
    assert {item["FieldName"] for item in answer["ErrorList"]} == {
        "Contexts[0].Payload.Lead.Customer.Address.CountryCode",
        "Contexts[0].Payload.Lead.Interactions[0].Contact.Email",
    }
    assert not Engagement.objects.exists()

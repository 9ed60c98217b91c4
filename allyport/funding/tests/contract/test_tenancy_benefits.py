"""Another company's keys find nothing of company A in the Benefits service: every
served operation that takes an identifier of A's records answers B with
ResourceNotFoundException (or, where A's record is named inside B's own request, the
same ValidationException a missing one gets), never A's data, never AccessDenied; B's
lists never show A's items. Parametrized over the registry: a newly served operation
without a case fails until it gets one (or joins CATALOGUE_WIDE)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from allyport.awsapi import registry
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.funding.services import files, lifecycle, review, tags
from allyport.funding.services.history import allocation_arn, application_arn
from allyport.funding.tests.conftest import PDF, draft, iam_actor, make_benefit, member_actor
from allyport.funding.tests.test_services import staff
from allyport.pipeline import services as pipeline
from allyport.pipeline.selectors import arn_of
from allyport.pipeline.tests.conftest import complete
from allyport.testing import ApiCredentials, make_credentials

pytestmark = pytest.mark.django_db
SERVICE = "partnercentral-benefits"
# Benefits belong to the program's catalogue, not to a company: every partner reads them.
CATALOGUE_WIDE = {"ListBenefits", "GetBenefit"}


@dataclass
class World:
    a: ApiCredentials
    b: ApiCredentials
    client: Client
    application: str
    application_arn: str
    allocation: str
    allocation_arn: str
    opportunity_arn: str
    file_uri: str
    b_application: str

    def as_b(self, operation: str, params: dict[str, Any]) -> Answer:
        return call(self.client, self.b, operation, params, service=SERVICE)

    @property
    def secrets(self) -> list[str]:
        return [self.application, self.allocation, self.opportunity_arn, self.file_uri]


@pytest.fixture
def world(db: None) -> World:
    a, b = make_credentials(), make_credentials()
    benefit = make_benefit()
    member = member_actor(a.company)
    application = draft(member, benefit)
    approved = draft(member, benefit)
    lifecycle.submit_application(member, "AWS", approved.public_id)
    allocation = review.approve_application(staff(), approved.public_id, amount="100")
    tags.tag_resource(iam_actor(a), application_arn(application), [{"Key": "k", "Value": "v"}])
    opportunity = pipeline.create_opportunity(member, "AWS", complete())
    stored = files.upload(member, "plan.pdf", io.BytesIO(PDF))
    mine = draft(member_actor(b.company), benefit)
    return World(
        a,
        b,
        Client(),
        application.public_id,
        application_arn(application),
        allocation.public_id,
        allocation_arn(allocation),
        arn_of(opportunity),
        files.uri(stored),
        mine.public_id,
    )


NOT_FOUND = "ResourceNotFoundException"
Case = Callable[[World], list[dict[str, Any]]]
CASES: dict[str, Case] = {
    "GetBenefitApplication": lambda w: [
        {"Identifier": w.application},
        {"Identifier": w.application_arn},
    ],
    "UpdateBenefitApplication": lambda w: [
        {"ClientToken": "b", "Identifier": w.application, "Revision": "1", "Name": "B"}
    ],
    "SubmitBenefitApplication": lambda w: [{"Identifier": w.application}],
    "RecallBenefitApplication": lambda w: [{"Identifier": w.application, "Reason": "b"}],
    "CancelBenefitApplication": lambda w: [{"ClientToken": "b", "Identifier": w.application_arn}],
    "AmendBenefitApplication": lambda w: [
        {
            "ClientToken": "b",
            "Identifier": w.application,
            "Revision": "1",
            "AmendmentReason": "b",
            "Amendments": [{"FieldPath": "Name", "NewValue": "B"}],
        }
    ],
    "AssociateBenefitApplicationResource": lambda w: [
        {"BenefitApplicationIdentifier": w.application, "ResourceArn": w.opportunity_arn}
    ],
    "DisassociateBenefitApplicationResource": lambda w: [
        {"BenefitApplicationIdentifier": w.application_arn, "ResourceArn": w.opportunity_arn}
    ],
    "GetBenefitAllocation": lambda w: [
        {"Identifier": w.allocation},
        {"Identifier": w.allocation_arn},
    ],
    "TagResource": lambda w: [
        {"resourceArn": w.application_arn, "tags": [{"Key": "x", "Value": "y"}]}
    ],
    "UntagResource": lambda w: [{"resourceArn": w.application_arn, "tagKeys": ["k"]}],
    "ListTagsForResource": lambda w: [{"resourceArn": w.application_arn}],
}
# A's records named inside B's own request: refused as a missing one is, by field.
NAMED_INSIDE: dict[str, Case] = {
    "CreateBenefitApplication": lambda w: [
        {"ClientToken": "b1", "AssociatedResources": [w.opportunity_arn]},
        {"ClientToken": "b2", "FileDetails": [{"FileURI": w.file_uri}]},
    ],
    "AssociateBenefitApplicationResource": lambda w: [
        {"BenefitApplicationIdentifier": w.b_application, "ResourceArn": w.opportunity_arn},
        {"BenefitApplicationIdentifier": w.b_application, "ResourceArn": w.allocation_arn},
    ],
    "UpdateBenefitApplication": lambda w: [
        {
            "ClientToken": "b3",
            "Identifier": w.b_application,
            "Revision": "1",
            "FileDetails": [{"FileURI": w.file_uri}],
        }
    ],
}
LISTS: dict[str, Case] = {
    "ListBenefitApplications": lambda w: [{}, {"AssociatedResourceArns": [w.opportunity_arn]}],
    "ListBenefitAllocations": lambda w: [{}, {"BenefitApplicationIdentifiers": [w.application]}],
}


def _served() -> list[str]:
    return sorted(registry.supported(SERVICE))


def _no_secret(world: World, answer: Answer, params: dict[str, Any]) -> None:
    """No id of A's in the answer but those B's request named itself."""
    text, asked = str(answer.body), str(params)
    for secret in (s for s in world.secrets if s not in asked):
        assert secret not in text, (secret, answer.body)


@pytest.mark.parametrize("operation", _served())
def test_b_finds_nothing_of_a(operation: str, world: World) -> None:
    covered = operation in CASES or operation in LISTS or operation in NAMED_INSIDE
    assert covered or operation in CATALOGUE_WIDE, f"add a tenancy case for {operation}"
    for params in CASES.get(operation, lambda w: [])(world):
        catalog = {} if "resourceArn" in params else {"Catalog": "AWS"}
        answer = world.as_b(operation, {**catalog, **params})
        assert (answer.status, answer.code) == (404, NOT_FOUND), (operation, answer.body)
        _no_secret(world, answer, params)
    for params in NAMED_INSIDE.get(operation, lambda w: [])(world):
        body = {"Catalog": "AWS", "BenefitIdentifier": _benefit_id(), **params}
        answer = world.as_b(operation, body)
        assert (answer.status, answer.code) == (400, "ValidationException"), answer.body
        assert answer.body["FieldList"], answer.body
        _no_secret(world, answer, params)
    for params in LISTS.get(operation, lambda w: [])(world):
        answer = world.as_b(operation, {"Catalog": "AWS", **params})
        assert answer.status == 200, answer.body
        items = next(v for k, v in answer.body.items() if k.endswith("Summaries"))
        assert items == [] or all(world.application not in str(i) for i in items), answer.body
        _no_secret(world, answer, params)


def _benefit_id() -> str:
    from allyport.funding.models import Benefit

    return Benefit.objects.first().public_id  # type: ignore[union-attr]

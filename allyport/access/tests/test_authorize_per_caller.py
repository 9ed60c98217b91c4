"""One `authorize` for every kind of caller: portal members (the access model), IAM
principals (the policy evaluator, on the resource's ARN with the catalog condition
key), staff, the system and nobody, against representative permissions; each
decision with the reason people see."""

from __future__ import annotations

import json
from typing import Any

import pytest

from allyport.access import calls
from allyport.access.actor import Actor
from allyport.access.decisions import Permission, PermissionDenied, Target, authorize, require
from allyport.accounts.models import Company
from allyport.cloud import services as cloud
from allyport.cloud.principals import IamPrincipal
from allyport.testing import FULL_ACCESS, SANDBOX_ACCESS, make_company, make_credentials, make_user

pytestmark = pytest.mark.django_db

MANAGE_OWNED = "manage_owned_opportunities_and_leads"
GET = Permission(member=MANAGE_OWNED, iam="partnercentral:GetOpportunity")
STAFF_ONLY = Permission(staff=True)
SWEEP = Permission(system=True)
ARN = "arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/opportunity/O1234567890"
ON_AWS = Target(arn=ARN, catalog="AWS")
NOT_MEMBER = "sign in as a member of a partner company"


def _iam(policy: str = FULL_ACCESS) -> Actor:
    creds = make_credentials(policy)
    principal = IamPrincipal.for_user(creds.user, access_key_id=creds.key_id)
    return Actor.for_iam(principal, creds.company, source_ip="192.0.2.1")


def _iam_allowed_only(action: str) -> Actor:
    """An IAM principal whose one policy allows `action` and nothing else."""
    iam = _iam()
    assert iam.iam is not None and iam.iam.user is not None
    user = iam.iam.user
    cloud.detach_policy(Actor.system(), user, FULL_ACCESS)
    document = {"Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]}  # fmt: skip
    cloud.put_inline_policy(Actor.system(), user, "only", json.dumps(document))
    return Actor.for_iam(IamPrincipal.for_user(user), iam.company)


def _member(*roles: str) -> Actor:
    company = make_company()[0]
    return Actor.for_member(make_user(company, *roles))


def _refused(actor: Actor, action: Any, target: Any = None) -> str:
    decision = authorize(actor, action, target)
    assert not decision
    with pytest.raises(PermissionDenied) as refused:
        require(actor, action, target)
    assert refused.value.decision.reason == decision.reason
    return decision.reason


def test_a_member_with_the_right_is_allowed_and_one_without_it_is_told_the_role() -> None:
    assert authorize(_member("ace_manager"), GET, ON_AWS)
    assert _refused(_member(), GET, ON_AWS).startswith("needs the ")
    assert _refused(_member("ace_manager"), STAFF_ONLY) == "only staff may do this"


def test_an_iam_principal_is_asked_of_its_policies_on_the_arn_and_catalog() -> None:
    assert authorize(_iam(), GET, ON_AWS)
    denied = _iam_allowed_only("partnercentral:ListOpportunities")
    assert denied.iam is not None
    assert _refused(denied, GET, ON_AWS) == (
        f"User: {denied.iam.arn} is not authorized to perform: partnercentral:GetOpportunity "
        f"on resource: {ARN} because no identity-based policy allows the "
        "partnercentral:GetOpportunity action"
    )


def test_the_catalog_condition_key_decides_for_a_sandbox_only_principal() -> None:
    sandbox = _iam(SANDBOX_ACCESS)
    assert authorize(sandbox, GET, Target(arn=ARN.replace("/AWS/", "/Sandbox/"), catalog="Sandbox"))
    reason = _refused(sandbox, GET, ON_AWS)
    assert sandbox.iam is not None
    assert reason.startswith(
        f"User: {sandbox.iam.arn} is not authorized to perform: partnercentral:GetOpportunity"
    )


def test_an_iam_principal_without_a_principal_or_the_operation_is_refused() -> None:
    assert _refused(_iam(), STAFF_ONLY) == "IAM principals may not do this."
    assert _refused(_iam(), MANAGE_OWNED) == NOT_MEMBER  # a plain action: members only


def test_another_companys_target_is_not_found_for_members_and_principals() -> None:
    other: Company = make_company()[0]
    assert _refused(_member("ace_manager"), GET, Target(company=other)) == "not found"
    assert _refused(_iam(), GET, Target(company=other, arn=ARN, catalog="AWS")) == "not found"


def test_staff_the_system_and_nobody() -> None:
    staff = Actor.for_staff(make_user(make_company()[0]))
    assert authorize(staff, STAFF_ONLY)
    assert _refused(staff, GET, ON_AWS) == NOT_MEMBER
    assert authorize(Actor.system(), SWEEP)
    assert _refused(Actor.system(), GET, ON_AWS) == NOT_MEMBER
    assert _refused(Actor.anonymous(), GET, ON_AWS) == NOT_MEMBER
    assert _refused(Actor.anonymous(), STAFF_ONLY) == NOT_MEMBER


def test_inside_an_api_call_the_policies_are_evaluated_once_and_the_call_is_decided() -> None:
    actor = _iam()
    asked: list[str] = []
    principal = actor.iam
    assert principal is not None

    class Counting:
        def check(self, action: str, resource: str = "*", context: Any = None) -> Any:
            asked.append(action)
            return principal.check(action, resource, context)

        def refusal(self, action: str, resource: str, result: Any) -> str:
            return principal.refusal(action, resource, result)

    counted = Actor.for_iam(Counting(), actor.company)  # type: ignore[arg-type]
    with calls.opened(counted, "GetOpportunity") as call:
        assert not call.decided
        assert authorize(counted, GET, ON_AWS) and authorize(counted, GET, ON_AWS)
        assert call.decided
    assert asked == ["partnercentral:GetOpportunity"]
    assert authorize(counted, GET, ON_AWS)  # outside a call: asked again
    assert len(asked) == 2


def test_a_service_called_directly_asks_the_policies_of_an_iam_caller() -> None:
    """Not only through the API: a job or command acting as a principal calls the
    service itself, and the service decides (here CreateEngagement, on the catalog)."""
    from allyport.pipeline.engagements import services as engagements
    from allyport.pipeline.engagements.models import Engagement

    denied = _iam_allowed_only("partnercentral:ListEngagements")
    assert denied.iam is not None
    with pytest.raises(PermissionDenied) as refused:
        engagements.create_engagement(denied, "AWS", {"Title": "Joint"})
    assert refused.value.decision.reason == (
        f"User: {denied.iam.arn} is not authorized to perform: partnercentral:CreateEngagement "
        "on resource: * because no identity-based policy allows the "
        "partnercentral:CreateEngagement action"
    )
    assert not Engagement.objects.exists()
    allowed = _iam_allowed_only("partnercentral:CreateEngagement")
    assert engagements.create_engagement(allowed, "AWS", {"Title": "Joint"}).title == "Joint"


def test_the_selling_permissions_decide_members_and_principals_alike() -> None:
    from allyport.pipeline.shared import permissions

    assert _refused(_member("ace_user"), permissions.LIST_ENGAGEMENTS).startswith("needs the ")
    assert authorize(_member("ace_user"), permissions.LIST_FROM_OPPORTUNITY_TASKS)
    sandbox = _iam(SANDBOX_ACCESS)
    assert authorize(sandbox, permissions.PUT_SELLING_SETTINGS, Target(catalog="Sandbox"))
    assert _refused(sandbox, permissions.PUT_SELLING_SETTINGS, Target(catalog="AWS")).startswith(
        f"User: {sandbox.iam.arn if sandbox.iam else ''} is not authorized to perform: "
        "partnercentral:PutSellingSystemSettings"
    )
    assert _refused(_iam(), "manage_all_opportunities_and_leads") == NOT_MEMBER


def test_the_pipeline_refuses_an_iam_caller_an_operation_without_an_iam_action() -> None:
    from allyport.pipeline.services import require_pipeline

    with pytest.raises(PermissionDenied) as refused:
        require_pipeline(_iam(), Permission(member=MANAGE_OWNED))
    assert refused.value.decision.reason == "IAM principals may not do this."

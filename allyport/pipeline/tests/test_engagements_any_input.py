"""Any input the model admits for the engagement operations: the services answer or
refuse by field (never another exception), and their answers fit the output shapes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allyport.core.errors import Conflict, NotFound, RuleViolation
from allyport.pipeline.engagements import (
    engagement_tasks,
    invitation_answers,
    invitation_output,
    invitations,
)
from allyport.pipeline.engagements import selectors as engagements_selectors
from allyport.pipeline.engagements import services as engagements
from allyport.pipeline.tests.conftest import iam_actor
from allyport.pipeline.tests.engagement_fixtures import share
from allyport.pipeline.tests.test_any_input import output_of, request_of
from allyport.shapes import serialization
from allyport.shapes.selling import service_model
from allyport.shapes.validation import InvalidRequest, validate

REFUSALS = (RuleViolation, NotFound, Conflict)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def _valid(operation: str, request: dict[str, Any]) -> dict[str, Any] | None:
    """The request as the endpoint hands it over, or None when the endpoint refuses it."""
    try:
        return validate(service_model().operation_model(operation).input_shape, request)
    except InvalidRequest:
        return None


def _catalog(request: dict[str, Any]) -> str:
    return request["Catalog"] if request["Catalog"] in ("AWS", "Sandbox") else "AWS"


@pytest.mark.django_db
@SETTINGS
@given(request=request_of("ListEngagementInvitations"))
def test_list_invitations_answers_any_input(company: Any, request: dict[str, Any]) -> None:
    share(company)
    actor = iam_actor(company)
    try:
        page = invitations.list_invitations(actor, _catalog(request), request)
    except REFUSALS:
        return
    accounts = invitation_output.receiver_accounts(page.items)
    items = [invitation_output.invitation_summary(i, company, accounts) for i in page.items]
    serialization.serialize(
        output_of("ListEngagementInvitations"), {"EngagementInvitationSummaries": items}
    )


@pytest.mark.django_db
@SETTINGS
@given(request=request_of("CreateEngagement"), listing=request_of("ListEngagements"))
def test_engagements_answer_any_input(
    company: Any, request: dict[str, Any], listing: dict[str, Any]
) -> None:
    actor = iam_actor(company)
    valid = _valid("CreateEngagement", request)
    if valid is not None:
        try:
            engagement = engagements.create_engagement(actor, _catalog(valid), valid)
        except REFUSALS:
            pass
        else:
            serialization.serialize(
                output_of("GetEngagement"), engagements_selectors.engagement_view(engagement)
            )
    try:
        page = engagements_selectors.list_engagements(actor, _catalog(listing), listing)
    except REFUSALS:
        return
    serialization.serialize(
        output_of("ListEngagements"),
        {
            "EngagementSummaryList": [
                engagements_selectors.engagement_summary(e) for e in page.items
            ]
        },
    )


@pytest.mark.django_db
@SETTINGS
@given(
    accepting=request_of("ListEngagementByAcceptingInvitationTasks"),
    starting=request_of("ListEngagementFromOpportunityTasks"),
)
def test_task_lists_answer_any_input(
    company: Any, accepting: dict[str, Any], starting: dict[str, Any]
) -> None:
    actor = iam_actor(company)
    for kind, request, operation in (
        (engagement_tasks.ACCEPTING, accepting, "ListEngagementByAcceptingInvitationTasks"),
        (engagement_tasks.FROM_OPPORTUNITY, starting, "ListEngagementFromOpportunityTasks"),
    ):
        try:
            page = engagement_tasks.list_tasks(actor, _catalog(request), kind, request)
        except REFUSALS:
            continue
        views = [engagement_tasks.task_view(task, "123456789012") for task in page.items]
        serialization.serialize(output_of(operation), {"TaskSummaries": views})


@pytest.mark.django_db
@SETTINGS
@given(
    reason=st.one_of(
        st.none(),
        st.sampled_from(invitation_answers.REJECTION_REASONS),
        st.text(
            alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=80
        ),
    )
)
def test_reject_answers_any_reason(company: Any, reason: str | None) -> None:
    invitation = share(company)
    try:
        invitation_answers.reject_invitation(
            iam_actor(company), "AWS", invitation.public_id, reason
        )
    except RuleViolation as error:
        assert [e.field for e in error.errors] == ["RejectionReason"]

"""Referrals and leads from the program, engagements and the engagement tasks, through
the services: what they store, their rules, tenancy and expiry."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.access.actor import system
from allyport.access.decisions import PermissionDenied
from allyport.audit.models import AuditEvent
from allyport.core.errors import Conflict, NotFound, RuleViolation
from allyport.pipeline.engagements import (
    engagement_tasks,
    invitation_answers,
    invitation_output,
    invitation_sending,
    invitations,
)
from allyport.pipeline.engagements import selectors as engagements_selectors
from allyport.pipeline.engagements import services as engagements
from allyport.pipeline.engagements.models import (
    Engagement,
    EngagementInvitation,
    EngagementMember,
    EngagementTask,
)
from allyport.pipeline.leads.referrals import record_review
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete, iam_actor, make_solution, member_actor
from allyport.pipeline.tests.engagement_fixtures import (
    LEAD,
    OPPORTUNITY,
    age,
    lead,
    referral,
    share,
)

pytestmark = pytest.mark.django_db
RECEIVED = {"ParticipantType": "RECEIVER"}
Status = EngagementInvitation.Status


def ids(page: Any) -> list[str]:
    return [item.public_id for item in page.items]


def test_it_shares_a_referral_as_aws_for_fifteen_days(company: Any) -> None:
    invitation = share(company)
    assert invitation.public_id.startswith("engi-") and len(invitation.public_id) == 18
    assert invitation.status == Status.PENDING
    assert invitation.sender_name == "AWS"
    assert invitation.sender_account_id == engagements_selectors.PROGRAM_ACCOUNT_ID
    assert (invitation.expiration_date - invitation.invitation_date).days == 15
    engagement = invitation.engagement
    assert engagement.public_id.startswith("eng-") and len(engagement.public_id) == 18
    assert engagement.title == "Data lake migration"
    assert engagement.context_types == ",CustomerProject,"
    assert [m.company_name for m in engagement.members.all()] == ["AWS"]
    assert AuditEvent.objects.filter(event_name="CreateEngagementInvitation").count() == 1


def test_it_refuses_a_referral_payload_by_field(company: Any) -> None:
    payload = referral(TargetCompletionDate="2001-01-01", BusinessProblem="short")
    payload["Customer"].pop("WebsiteUrl")
    payload["Project"]["ExpectedCustomerSpend"][0]["CurrencyCode"] = "JPY"
    with pytest.raises(RuleViolation) as caught:
        share(company, payload=payload)
    assert {e.field for e in caught.value.errors} == {
        "OpportunityInvitation.Project.BusinessProblem",
        "OpportunityInvitation.Customer.WebsiteUrl",
    }
    payload = referral(TargetCompletionDate="2001-01-01")
    payload["Project"]["ExpectedCustomerSpend"][0]["CurrencyCode"] = "JPY"
    with pytest.raises(RuleViolation) as caught:
        share(company, payload=payload)
    assert {e.field for e in caught.value.errors} == {
        "OpportunityInvitation.Project.TargetCompletionDate",
        "OpportunityInvitation.Project.ExpectedCustomerSpend[0].CurrencyCode",
    }
    assert not EngagementInvitation.objects.exists() and not Engagement.objects.exists()


def test_it_lets_only_staff_share_referrals(company: Any, manager: Any) -> None:
    with pytest.raises(PermissionDenied):
        share(company, actor=manager)
    with pytest.raises(RuleViolation):
        share(company, payload_type="AccountPlanningInvitation", payload={})


def test_it_lists_what_the_company_received_newest_first(company: Any, api: Any) -> None:
    first, second = share(company), share(company, LEAD)
    share(company, catalog="Sandbox")
    page = invitations.list_invitations(api, "AWS", RECEIVED)
    assert ids(page) == [second.public_id, first.public_id]
    oldest = invitations.list_invitations(
        api, "AWS", {**RECEIVED, "Sort": {"SortBy": "InvitationDate", "SortOrder": "ASCENDING"}}
    )
    assert ids(oldest) == [first.public_id, second.public_id]
    leads = invitations.list_invitations(api, "AWS", {**RECEIVED, "PayloadType": [LEAD]})
    assert ids(leads) == [second.public_id]
    assert ids(invitations.list_invitations(api, "AWS", {"ParticipantType": "SENDER"})) == []


def test_it_pages_invitations_without_repeating(company: Any, api: Any) -> None:
    made = {share(company).public_id for _ in range(5)}
    seen: list[str] = []
    token = None
    while True:
        request = {**RECEIVED, "MaxResults": 2, **({"NextToken": token} if token else {})}
        page = invitations.list_invitations(api, "AWS", request)
        seen += ids(page)
        token = page.next_token
        if token is None:
            break
    assert sorted(seen) == sorted(made)


def test_it_hides_another_companys_invitation(company: Any, outsider: Any) -> None:
    invitation = share(company)
    theirs = iam_actor(outsider.company)
    for call in (
        lambda: invitations.find_invitation(theirs, "AWS", invitation.public_id),
        lambda: invitation_answers.reject_invitation(theirs, "AWS", invitation.public_id),
        lambda: invitation_answers.accept_invitation(theirs, "AWS", invitation.public_id),
        lambda: engagement_tasks.start_engagement_by_accepting_invitation(
            theirs, "AWS", invitation.public_id
        ),
        lambda: engagements_selectors.find_engagement(
            theirs, "AWS", invitation.engagement.public_id
        ),
    ):
        with pytest.raises(NotFound):
            call()
    assert ids(invitations.list_invitations(theirs, "AWS", RECEIVED)) == []
    with pytest.raises(NotFound):  # the other catalog
        invitations.find_invitation(iam_actor(company), "Sandbox", invitation.public_id)


def test_it_finds_an_invitation_by_its_arn(company: Any, api: Any) -> None:
    invitation = share(company)
    arn = invitations.invitation_arn(invitation)
    regional = "arn:aws:partnercentral:us-east-1::catalog/AWS"
    assert arn == f"{regional}/engagement-invitation/{invitation.public_id}"
    assert invitations.find_invitation(api, "AWS", arn) == invitation


def test_it_expires_an_invitation_after_fifteen_days(company: Any, api: Any) -> None:
    fresh, stale = share(company), share(company)
    age(stale, 15)
    assert invitations.find_invitation(api, "AWS", stale.public_id).status == Status.EXPIRED
    pending = invitations.list_invitations(api, "AWS", {**RECEIVED, "Status": ["PENDING"]})
    assert ids(pending) == [fresh.public_id]
    with pytest.raises(Conflict):
        engagement_tasks.start_engagement_by_accepting_invitation(api, "AWS", stale.public_id)
    with pytest.raises(Conflict):
        invitation_answers.reject_invitation(api, "AWS", stale.public_id, "Other")
    age(fresh, 14)
    assert invitations.find_invitation(api, "AWS", fresh.public_id).status == Status.PENDING


def test_accepting_a_referral_creates_the_aws_referral_opportunity(company: Any) -> None:
    user, actor = member_actor(company, "ace_manager")
    invitation = share(company)
    task = engagement_tasks.start_engagement_by_accepting_invitation(
        actor, "AWS", invitation.public_id
    )
    assert task.status == EngagementTask.Status.COMPLETE
    assert task.public_id.startswith("task-") and task.invitation_identifier == invitation.public_id
    opportunity = Opportunity.objects.get(public_id=task.opportunity_identifier)
    assert (opportunity.company, opportunity.owner, opportunity.origin) == (
        company, user, "AWS Referral",
    )  # fmt: skip
    assert opportunity.review_status == "Approved" and opportunity.stage == "Prospect"
    assert opportunity.data["Customer"]["Account"] == {
        "CompanyName": "Example Corp",
        "Industry": "Software and Internet",
        "WebsiteUrl": "https://example.com",
        "Address": {"CountryCode": "US"},
    }
    assert opportunity.data["Project"]["CustomerBusinessProblem"].startswith("The customer")
    assert (
        opportunity.target_close_date.isoformat()
        == invitation.payload["Project"]["TargetCompletionDate"]
    )
    invitation.refresh_from_db()
    assert invitation.status == Status.ACCEPTED and invitation.opportunity == opportunity
    assert invitation.engagement.member_count == 2
    assert EngagementMember.objects.filter(engagement=invitation.engagement, company=company)
    with pytest.raises(Conflict):
        engagement_tasks.start_engagement_by_accepting_invitation(
            actor, "AWS", invitation.public_id
        )


def test_an_accepted_referral_keeps_a_target_date_that_has_passed(company: Any, api: Any) -> None:
    invitation = share(company)
    EngagementInvitation.objects.filter(pk=invitation.pk).update(
        payload={**invitation.payload, "Project": {**invitation.payload["Project"],
                                                   "TargetCompletionDate": "2020-01-01"}}
    )  # fmt: skip
    task = engagement_tasks.start_engagement_by_accepting_invitation(
        api, "AWS", invitation.public_id
    )
    assert task.status == "COMPLETE"
    assert Opportunity.objects.get(public_id=task.opportunity_identifier).owner is None


def test_accepting_a_lead_joins_without_an_opportunity(company: Any, api: Any) -> None:
    invitation = share(company, LEAD)
    task = engagement_tasks.start_engagement_by_accepting_invitation(
        api, "AWS", invitation.public_id
    )
    assert task.status == "COMPLETE" and task.opportunity_identifier == ""
    assert not Opportunity.objects.exists()
    other = share(company, LEAD)  # AcceptEngagementInvitation never creates one either
    accepted = invitation_answers.accept_invitation(api, "AWS", other.public_id)
    assert accepted.status == Status.ACCEPTED and not Opportunity.objects.exists()


@pytest.mark.parametrize("reason", [*invitation_answers.REJECTION_REASONS, None])
def test_it_rejects_with_a_documented_reason(company: Any, api: Any, reason: Any) -> None:
    invitation = share(company)
    invitation_answers.reject_invitation(api, "AWS", invitation.public_id, reason)
    invitation.refresh_from_db()
    assert invitation.status == Status.REJECTED and invitation.rejection_reason == (reason or "")
    view = invitation_output.invitation_view(invitation, {})
    assert "Payload" not in view and view["Status"] == "REJECTED"


def test_it_refuses_an_undocumented_reason_and_a_second_answer(company: Any, api: Any) -> None:
    invitation = share(company)
    with pytest.raises(RuleViolation) as caught:
        invitation_answers.reject_invitation(api, "AWS", invitation.public_id, "Too busy")
    assert caught.value.errors[0].field == "RejectionReason"
    invitation_answers.reject_invitation(api, "AWS", invitation.public_id, "Other")
    with pytest.raises(Conflict):
        invitation_answers.reject_invitation(api, "AWS", invitation.public_id, "Other")
    with pytest.raises(Conflict):
        engagement_tasks.start_engagement_by_accepting_invitation(api, "AWS", invitation.public_id)


def test_portal_members_need_the_manage_all_right(company: Any, ace: Any, manager: Any) -> None:
    invitation = share(company)
    _user, ace_user = ace
    with pytest.raises(PermissionDenied):
        invitations.list_invitations(ace_user, "AWS", RECEIVED)
    with pytest.raises(PermissionDenied):
        engagement_tasks.start_engagement_by_accepting_invitation(
            ace_user, "AWS", invitation.public_id
        )
    assert ids(invitations.list_invitations(manager, "AWS", RECEIVED)) == [invitation.public_id]


def _submittable(company: Any, api: Any, catalog: str = "AWS") -> Opportunity:
    from allyport.pipeline import services

    opportunity = services.create_opportunity(api, catalog, complete())
    solution = make_solution(company, catalog)
    services.associate_opportunity(
        api, catalog, opportunity.public_id, "Solutions", solution.public_id
    )
    return opportunity


def test_starting_an_engagement_submits_and_invites_aws(company: Any, api: Any) -> None:
    opportunity = _submittable(company, api)
    task = engagement_tasks.start_engagement_from_opportunity(
        api, "AWS", opportunity.public_id, {"InvolvementType": "Co-Sell", "Visibility": "Full"}
    )
    assert task.status == "COMPLETE", task.message
    opportunity.refresh_from_db()
    assert opportunity.review_status == "Submitted" and opportunity.involvement_type == "Co-Sell"
    engagement = Engagement.objects.get(public_id=task.engagement_identifier)
    assert engagement.opportunity == opportunity and engagement.created_by_company == company
    sent = EngagementInvitation.objects.get(public_id=task.invitation_identifier)
    assert sent.receiver_company is None and sent.sender_company == company
    assert sent.payload["Project"]["Title"] == "Data lake migration"
    listed = invitations.list_invitations(api, "AWS", {"ParticipantType": "SENDER"})
    assert ids(listed) == [sent.public_id]
    summary = invitation_output.invitation_summary(sent, company, {})
    assert summary["ParticipantType"] == "SENDER"
    assert summary["Receiver"] == {"Account": {"AwsAccountId": "000000000000", "Alias": "AWS"}}
    # AWS approves in the review queue: it accepts the invitation and joins.
    record_review(system(), opportunity, "Approved")
    sent.refresh_from_db()
    assert sent.status == Status.ACCEPTED and engagement.members.count() == 2


def test_a_failed_submission_fails_the_task_and_keeps_nothing(company: Any, api: Any) -> None:
    from allyport.pipeline import services

    opportunity = services.create_opportunity(api, "AWS", complete())  # no solution
    task = engagement_tasks.start_engagement_from_opportunity(
        api, "AWS", opportunity.public_id, {"InvolvementType": "Co-Sell"}
    )
    assert task.status == "FAILED" and task.reason_code == "OpportunitySubmissionFailed"
    assert "RelatedEntityIdentifiers.Solutions" in task.message
    assert not Engagement.objects.exists() and not EngagementInvitation.objects.exists()
    opportunity.refresh_from_db()
    assert opportunity.review_status == "Pending Submission"
    page = engagement_tasks.list_tasks(
        api, "AWS", engagement_tasks.FROM_OPPORTUNITY, {"TaskStatus": ["FAILED"]}
    )
    assert ids(page) == [task.public_id]
    assert ids(engagement_tasks.list_tasks(api, "AWS", engagement_tasks.ACCEPTING, {})) == []


def test_it_lists_engagements_of_members_only(company: Any, api: Any, outsider: Any) -> None:
    invitation = share(company)
    assert (
        ids(engagements_selectors.list_engagements(api, "AWS", {})) == []
    )  # invited, not a member
    engagement_tasks.start_engagement_by_accepting_invitation(api, "AWS", invitation.public_id)
    own = engagements.create_engagement(api, "AWS", {"Title": "Own"})
    listed = engagements_selectors.list_engagements(api, "AWS", {})
    assert ids(listed) == [own.public_id, invitation.engagement.public_id]
    by_type = engagements_selectors.list_engagements(
        api, "AWS", {"ContextTypes": ["CustomerProject"]}
    )
    assert ids(by_type) == [invitation.engagement.public_id]
    not_aws = engagements_selectors.list_engagements(
        api, "AWS", {"ExcludeCreatedBy": ["000000000000"]}
    )
    assert ids(not_aws) == [own.public_id]
    members, token = engagements_selectors.list_members(
        api, "AWS", invitation.engagement.public_id, {}
    )
    assert [m.company_name for m in members] == ["AWS", company.legal_name] and token is None
    assert ids(engagements_selectors.list_engagements(iam_actor(outsider.company), "AWS", {})) == []


def test_it_invites_a_linked_partner_to_an_engagement(
    company: Any, api: Any, outsider: Any
) -> None:
    from allyport.marketplace.services.linking import link_for_operator

    link = link_for_operator(outsider.company)
    own = engagements.create_engagement(api, "AWS", {"Title": "Joint"})
    sent = invitation_sending.create_engagement_invitation(
        api, "AWS", own.public_id,
        {"Message": "Join us", "Receiver": {"Account": {"AwsAccountId": link.account.account_id}},
         "Payload": {LEAD: lead()}},
    )  # fmt: skip
    assert sent.receiver_company == outsider.company and sent.sender_company == company
    with pytest.raises(Conflict):
        invitation_sending.create_engagement_invitation(
            api, "AWS", own.public_id,
            {"Message": "Again", "Receiver": {"Account": {"AwsAccountId": link.account.account_id}},
             "Payload": {LEAD: lead()}},
        )  # fmt: skip
    theirs = iam_actor(outsider.company)
    received = invitations.list_invitations(theirs, "AWS", RECEIVED)
    assert ids(received) == [sent.public_id]
    invitation_answers.accept_invitation(theirs, "AWS", sent.public_id)
    assert engagements_selectors.find_engagement(theirs, "AWS", own.public_id).member_count == 2
    with pytest.raises(RuleViolation):
        invitation_sending.create_engagement_invitation(
            api, "AWS", own.public_id,
            {"Message": "x", "Receiver": {"Account": {"AwsAccountId": "999999999999"}},
             "Payload": {OPPORTUNITY: referral()}},
        )  # fmt: skip

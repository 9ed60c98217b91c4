"""Market > Leads Management: the referrals and leads shared with the company (engagement
invitations it received), with their status and expiry; a referral's page with
Accept and Reject.

Who: the menu item's roles reach the list (the access model's rule: a page is
reachable where its item is visible). Reading and answering invitations — they
belong to no one member, so the "owned" right does not reach them — needs
"manage all opportunities and leads" (alliance lead, alliance team, ACE
manager): the others see the list empty with the reason, and get the 403 page
with it on a referral's page and its actions. Another company's invitation is
not found (404).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from allyport.access.decisions import authorize, require
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import Conflict, RuleViolation
from allyport.core.forms import ConfirmForm
from allyport.pipeline.engagements import (
    engagement_tasks,
    invitation_answers,
    invitation_output,
    invitations,
)
from allyport.pipeline.engagements.models import EngagementInvitation, EngagementTask
from allyport.pipeline.enums import Catalog
from allyport.pipeline.leads import conversion
from allyport.pipeline.leads import selectors as leads_selectors
from allyport.pipeline.shared.scope import MANAGE_ALL
from allyport.pipeline.views.common import LEADS_MANAGEMENT

PAGE_SIZE = 50
Status = EngagementInvitation.Status


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("All statuses")), *Status.choices],
    )


class RejectForm(ConfirmForm):
    reason = forms.ChoiceField(
        label=gettext_lazy("Reason for rejecting"),
        choices=[
            ("", gettext_lazy("Choose a reason")),
            *((reason, reason) for reason in invitation_answers.REJECTION_REASONS),
        ],
    )

    field_order = ["reason", "confirm"]


def _catalog(request: ActorRequest) -> str:
    """`?catalog=Sandbox` (in the address of every page and form), AWS otherwise."""
    return Catalog.SANDBOX if request.GET.get("catalog") == Catalog.SANDBOX else Catalog.AWS


def _query(catalog: str) -> str:
    return "?catalog=Sandbox" if catalog == Catalog.SANDBOX else ""


def _detail_url(invitation_id: str, catalog: str) -> str:
    return reverse("leads:detail", args=[invitation_id]) + _query(catalog)


def _opportunity_url(public_id: str, catalog: str) -> str | None:
    """The opportunity's page, while Opportunity Management serves one."""
    try:
        return reverse("pipeline:opportunity", args=[public_id]) + _query(catalog)
    except NoReverseMatch:
        return None


@member_page(LEADS_MANAGEMENT)
@require_GET
@service_refusals
def invitation_list(request: ActorRequest) -> HttpResponse:
    catalog = _catalog(request)
    decision = authorize(request.actor, MANAGE_ALL)
    if not decision:
        return render(request, "pipeline/leads/list.html", {"refusal": decision.reason})
    filters = StatusFilterForm(request.GET)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    query: dict[str, Any] = {"ParticipantType": invitations.RECEIVER, "MaxResults": PAGE_SIZE}
    if status:
        query["Status"] = [status]
    if request.GET.get("token"):
        query["NextToken"] = request.GET["token"]
    try:
        page = invitations.list_invitations(request.actor, catalog, query)
    except RuleViolation:  # a token from another filter or an edited address
        raise Http404 from None
    keep = {"catalog": catalog if catalog == Catalog.SANDBOX else "", "status": status}
    return render(
        request,
        "pipeline/leads/list.html",
        {
            "tab": "shared",
            "page": page,
            "catalog": catalog,
            "filters": filters,
            "status": status,
            "keep": "&".join(f"{k}={v}" for k, v in keep.items() if v),
            "sandbox": catalog == Catalog.SANDBOX,
        },
    )


def _detail_context(request: ActorRequest, invitation: EngagementInvitation) -> dict[str, Any]:
    received = invitation.receiver_company_id == request.actor.company.pk  # type: ignore[union-attr]
    opportunity_url = None
    if invitation.opportunity_id is not None:
        opportunity = invitation.opportunity
        assert opportunity is not None
        opportunity_url = _opportunity_url(opportunity.public_id, invitation.catalog)
    return {
        "invitation": invitation,
        "payload": invitation.payload if invitation.status != Status.REJECTED else {},
        "is_referral": invitation.payload_type == EngagementInvitation.PayloadType.OPPORTUNITY,
        "can_answer": received and invitation.status == Status.PENDING,
        "catalog_query": _query(invitation.catalog),
        "opportunity_url": opportunity_url,
        "members": invitation.engagement.members.order_by("pk")[
            : invitation_output.EXISTING_MEMBERS_LIMIT
        ],
    }


@member_page(LEADS_MANAGEMENT)
@require_GET
@service_refusals
def invitation_detail(request: ActorRequest, invitation_id: str) -> HttpResponse:
    invitation = invitations.find_invitation(request.actor, _catalog(request), invitation_id)
    context = _detail_context(request, invitation)
    return render(request, "pipeline/leads/detail.html", {**context, "form": RejectForm()})


@member_page(LEADS_MANAGEMENT)
@require_POST
@service_refusals
def accept(request: ActorRequest, invitation_id: str) -> HttpResponse:
    catalog = _catalog(request)
    try:
        task = engagement_tasks.start_engagement_by_accepting_invitation(
            request.actor, catalog, invitation_id
        )
    except Conflict as refused:
        messages.error(request, str(refused))
        return redirect(_detail_url(invitation_id, catalog))
    if task.status == EngagementTask.Status.FAILED:
        messages.error(request, task.message)
    elif task.opportunity_identifier:
        messages.success(
            request,
            _("Accepted. Opportunity %(id)s was created for it.")
            % {"id": task.opportunity_identifier},
        )
    else:
        messages.success(request, _("Accepted. The lead is now yours to work on."))
    return redirect(_detail_url(invitation_id, catalog))


@member_page(LEADS_MANAGEMENT)
@require_POST
@service_refusals
def reject(request: ActorRequest, invitation_id: str) -> HttpResponse:
    catalog = _catalog(request)
    form = RejectForm(request.POST)
    if not form.is_valid():
        invitation = invitations.find_invitation(request.actor, catalog, invitation_id)
        context = _detail_context(request, invitation)
        return render(request, "pipeline/leads/detail.html", {**context, "form": form}, status=400)
    try:
        invitation_answers.reject_invitation(
            request.actor, catalog, invitation_id, form.cleaned_data["reason"]
        )
    except Conflict as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Rejected."))
    return redirect(_detail_url(invitation_id, catalog))


def _import_url(catalog: str) -> str | None:
    """Bulk's lead import, where it is served and the member may use it."""
    try:
        return reverse("bulk:import_leads") + _query(catalog)
    except NoReverseMatch:
        return None


@member_page(LEADS_MANAGEMENT)
@require_GET
@service_refusals
def lead_list(request: ActorRequest) -> HttpResponse:
    """Your leads: the company's engagements with a Lead context."""
    catalog = _catalog(request)
    context: dict[str, Any] = {"tab": "own", "sandbox": catalog == Catalog.SANDBOX}
    decision = authorize(request.actor, MANAGE_ALL)
    if not decision:
        return render(request, "pipeline/leads/own.html", {**context, "refusal": decision.reason})
    try:
        page = leads_selectors.list_leads(
            request.actor, catalog, request.GET.get("token"), PAGE_SIZE
        )
    except RuleViolation:  # an edited or foreign token
        raise Http404 from None
    rows = leads_selectors.lead_rows(request.actor, catalog, page)
    return render(
        request,
        "pipeline/leads/own.html",
        {**context, "page": page, "rows": rows, "import_url": _import_url(catalog)},
    )


@member_page(LEADS_MANAGEMENT)
@require_POST
@service_refusals
def create_opportunity(request: ActorRequest, engagement_id: str, context_id: str) -> HttpResponse:
    """StartOpportunityFromEngagementTask from the Leads tab: the lead's opportunity,
    or why it was not made (disqualified, made already, incomplete)."""
    catalog = _catalog(request)
    require(request.actor, MANAGE_ALL)
    try:
        task = conversion.create_opportunity_from_lead(
            request.actor, catalog, engagement_id, context_id
        )
    except RuleViolation as refused:
        messages.error(request, refused.errors[0].message)
        return redirect(reverse("leads:own") + _query(catalog))
    if task.opportunity_identifier:
        messages.success(
            request,
            _("Opportunity %(id)s was created from the lead.")
            % {"id": task.opportunity_identifier},
        )
    else:
        messages.error(request, task.message)
    return redirect(reverse("leads:own") + _query(catalog))

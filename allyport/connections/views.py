"""Market > Find Partners > Connections: the company's connections, the invitations it
received (Accept, Reject) and sent (Cancel), Connect (invite a partner), cancelling a
connection type, and who may invite the company. Every page calls the same services
as the Account API; the roles that see Find Partners read, the alliance lead and
alliance team change (the services decide, and a refusal is the 403 page)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.connections import permissions as perms
from allyport.connections import selectors
from allyport.connections.forms import (
    CancelConnectionForm,
    InviteForm,
    PreferencesForm,
    RejectForm,
)
from allyport.connections.models import InvitationStatus
from allyport.connections.services import connections, invitations, preferences
from allyport.connections.services.scope import company_of
from allyport.connections.table import Tables
from allyport.core.errors import Conflict, NotFound, QuotaExceeded, RuleViolation
from allyport.pipeline.web import catalog_of, catalog_query, posted

FIND_PARTNERS = "Market/Find Partners"
SHOWN = 25  # rows a section shows (the most recent); the API pages through all


def list_url(catalog: str) -> str:
    return reverse("connections:list") + catalog_query(catalog)


@member_page(FIND_PARTNERS)
@require_GET
@service_refusals
def connection_list(request: ActorRequest) -> HttpResponse:
    catalog = catalog_of(request)
    actor = request.actor
    company = company_of(actor)
    linked = selectors.list_connections(actor, catalog, size=SHOWN).items
    # One read of the invitations, split here: waiting for us, waiting for them, answered.
    recent = selectors.list_invitations(actor, catalog, size=2 * SHOWN).items
    pending = [item for item in recent if item.current_status == InvitationStatus.PENDING]
    received = [item for item in pending if item.receiver_id == company.pk]
    sent = [item for item in pending if item.sender_id == company.pk]
    answered = [item for item in recent if item.current_status != InvitationStatus.PENDING]
    may_manage = bool(authorize(actor, perms.MANAGE))
    # Row links are this prefix and the record's id (urls.py), not a reverse() a row.
    tables = Tables(
        request, reverse("connections:list"), catalog_query(catalog), may_manage=may_manage
    )
    context = {
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "connections": tables.connections(linked),
        "received": tables.received(received),
        "sent": tables.sent(sent),
        "answered": tables.answered(answered, company),
        "may_manage": may_manage,
        "shown": SHOWN,
    }
    return render(request, "connections/list.html", context)


def _show_refusal(form: Any, refused: Exception, fields: dict[str, str]) -> None:
    if isinstance(refused, RuleViolation):
        for error in refused.errors:
            form.add_error(fields.get(error.field), error.message)
    else:
        form.add_error(None, str(getattr(refused, "message", "") or refused))


@member_page(FIND_PARTNERS)
@require_http_methods(["GET", "POST"])
@service_refusals
def invite(request: ActorRequest) -> HttpResponse:
    """Connect: invite a partner (`?partner=` fills it in, as Find Partners links)."""
    catalog = catalog_of(request)
    user = request.actor.user
    initial = {
        "receiver": request.GET.get("partner", "")[:100],
        "name": (user.get_full_name() if user else "")[:80],
        "email": user.email if user else "",
    }
    form = InviteForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitations.create_invitation(
                request.actor, catalog, receiver=data["receiver"],
                connection_type=data["connection_type"], email=data["email"],
                name=data["name"], message=data["message"],
            )  # fmt: skip
        except NotFound:
            form.add_error("receiver", _("No partner has this ID."))
        except (RuleViolation, Conflict, QuotaExceeded) as refused:
            _show_refusal(form, refused, InviteForm.SERVICE_FIELDS)
        else:
            messages.success(request, _("Your invitation is sent."))
            return redirect(list_url(catalog))
    context = {"form": form, "catalog": catalog, "catalog_query": catalog_query(catalog)}
    return render(request, "connections/invite.html", context)


def _answer_refused(request: ActorRequest, refused: Exception) -> None:
    messages.error(request, str(getattr(refused, "message", "") or refused))


@member_page(FIND_PARTNERS)
@require_POST
@service_refusals
def accept(request: ActorRequest, identifier: str) -> HttpResponse:
    catalog = catalog_of(request)
    try:
        invitations.accept_invitation(request.actor, catalog, identifier)
    except (Conflict, QuotaExceeded, RuleViolation) as refused:
        _answer_refused(request, refused)
    else:
        messages.success(request, _("You are connected."))
    return redirect(list_url(catalog))


@member_page(FIND_PARTNERS)
@require_http_methods(["GET", "POST"])
@service_refusals
def reject(request: ActorRequest, identifier: str) -> HttpResponse:
    catalog = catalog_of(request)
    invitation = selectors.get_invitation(request.actor, catalog, identifier)
    form = RejectForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            invitations.reject_invitation(
                request.actor, catalog, identifier, form.cleaned_data["reason"]
            )
        except Conflict as refused:
            _answer_refused(request, refused)
        else:
            messages.success(request, _("The invitation is rejected."))
        return redirect(list_url(catalog))
    context = {"form": form, "invitation": invitation, "catalog_query": catalog_query(catalog)}
    return render(request, "connections/reject.html", context)


@member_page(FIND_PARTNERS)
@require_http_methods(["GET", "POST"])
@service_refusals
def cancel_invitation(request: ActorRequest, identifier: str) -> HttpResponse:
    catalog = catalog_of(request)
    invitation = selectors.get_invitation(request.actor, catalog, identifier)
    if request.method == "POST":
        try:
            invitations.cancel_invitation(request.actor, catalog, identifier)
        except Conflict as refused:
            _answer_refused(request, refused)
        else:
            messages.success(request, _("The invitation is canceled."))
        return redirect(list_url(catalog))
    context = {"invitation": invitation, "catalog_query": catalog_query(catalog)}
    return render(request, "connections/cancel_invitation.html", context)


@member_page(FIND_PARTNERS)
@require_http_methods(["GET", "POST"])
@service_refusals
def cancel_connection(request: ActorRequest, identifier: str, connection_type: str) -> HttpResponse:
    """Cancel one type of a connection; asks for a reason and the word confirm."""
    catalog = catalog_of(request)
    connection = selectors.get_connection(request.actor, catalog, identifier)
    form = CancelConnectionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            connections.cancel_connection(
                request.actor, catalog, identifier, connection_type, form.cleaned_data["reason"]
            )
        except Conflict as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The connection is canceled."))
            return redirect(list_url(catalog))
    context = {
        "form": form,
        "connection": connection,
        "other": connection.other(company_of(request.actor)),
        "connection_type": connection_type,
        "catalog_query": catalog_query(catalog),
    }
    return render(request, "connections/cancel_connection.html", context)


@member_page(FIND_PARTNERS)
@require_http_methods(["GET", "POST"])
@service_refusals
def connection_preferences(request: ActorRequest) -> HttpResponse:
    catalog = catalog_of(request)
    prefs = preferences.get_preferences(request.actor, catalog)
    form = PreferencesForm(posted(request), initial=PreferencesForm.initial_of(prefs))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            preferences.update_preferences(
                request.actor, catalog, revision=data["revision"],
                access_type=data["access_type"], excluded=data["excluded"],
            )  # fmt: skip
        except Conflict:
            form.add_error(
                None,
                _("Someone changed these preferences since you opened them. Reload the page "
                  "to see their change, then edit again."),
            )  # fmt: skip
        except RuleViolation as refused:
            _show_refusal(form, refused, {})
        else:
            messages.success(request, _("Your connection preferences are saved."))
            return redirect(list_url(catalog))
    context = {"form": form, "catalog": catalog, "catalog_query": catalog_query(catalog)}
    return render(request, "connections/preferences.html", context)

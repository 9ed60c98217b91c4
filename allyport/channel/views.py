"""Channel > Channel Management: the Program Management Accounts tab (the company's
accounts, creating one, the handshakes it sent and received with their answers), End
User Information and Partner Growth Rebate (with its CSV). Each calls the services the
Channel API calls."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.channel.forms import EndUserForm, ProgramAccountForm
from allyport.channel.models import ChannelHandshake
from allyport.channel.services import accounts, end_users, handshakes, rebates
from allyport.channel.services.accounts import pma_arn
from allyport.core.errors import Conflict, RuleViolation
from allyport.core.spreadsheets import buffered, with_bom
from allyport.pipeline.web import catalog_of, catalog_query

CHANNEL = "Channel/Channel Management"
ANSWERS = {
    "accept": handshakes.accept_handshake,
    "reject": handshakes.reject_handshake,
    "cancel": handshakes.cancel_handshake,
}
PMA_FIELDS = {"displayName": "display_name", "accountId": "account_id", "program": "program"}


def _handshakes(request: ActorRequest, catalog: str, side: str) -> list[ChannelHandshake]:
    found: list[ChannelHandshake] = []
    for kind in ("PROGRAM_MANAGEMENT_ACCOUNT", "START_SERVICE_PERIOD", "REVOKE_SERVICE_PERIOD"):
        rows = handshakes.handshakes(request.actor, catalog, kind, side)
        found += list(rows.order_by("-updated_at")[:50])
    return found


@member_page(CHANNEL)
@require_http_methods(["GET", "POST"])
@service_refusals
def program_accounts(request: ActorRequest) -> HttpResponse:
    catalog = catalog_of(request)
    form = ProgramAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pma = accounts.create_pma(request.actor, catalog, {
                "program": data["program"], "displayName": data["display_name"],
                "accountId": data["account_id"],
            })  # fmt: skip
        except RuleViolation as refused:
            for error in refused.errors:
                form.add_error(PMA_FIELDS.get(error.field), error.message)
        except Conflict as refused:
            form.add_error("account_id", str(refused))
        else:
            messages.success(request, _("Program management account %(id)s created.")
                             % {"id": pma.public_id})  # fmt: skip
            return redirect(reverse("channel:accounts") + catalog_query(catalog))
    rows = accounts.pmas(request.actor, catalog).order_by("-updated_at")[:100]
    context = {
        "tab": "accounts", "catalog": catalog, "catalog_query": catalog_query(catalog),
        "form": form, "accounts": [(pma, pma_arn(pma)) for pma in rows],
        "received": _handshakes(request, catalog, "RECEIVER"),
        "sent": _handshakes(request, catalog, "SENDER"),
    }  # fmt: skip
    return render(request, "channel/accounts.html", context, status=400 if form.errors else 200)


@member_page(CHANNEL)
@require_POST
@service_refusals
def answer_handshake(request: ActorRequest, identifier: str, answer: str) -> HttpResponse:
    catalog = catalog_of(request)
    try:
        ANSWERS[answer](request.actor, catalog, identifier)
    except RuleViolation as refused:
        messages.error(request, refused.errors[0].message)
    else:
        messages.success(request, _("Handshake %(id)s updated.") % {"id": identifier})
    return redirect(reverse("channel:accounts") + catalog_query(catalog))


@member_page(CHANNEL)
@require_http_methods(["GET", "POST"])
@service_refusals
def end_user_information(request: ActorRequest) -> HttpResponse:
    form = EndUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            row = end_users.create_end_user(request.actor, form.cleaned_data)
        except RuleViolation as refused:
            for error in refused.errors:
                form.add_error(error.field, error.message)
        else:
            messages.success(request, _("End-user information saved for %(account)s.")
                             % {"account": row.account_id})  # fmt: skip
            return redirect("channel:end_users")
    context = {"tab": "end_users", "form": form, "rows": end_users.end_users(request.actor)}
    return render(request, "channel/end_users.html", context, status=400 if form.errors else 200)


def _csv(periods: list[rebates.RebatePeriod]) -> StreamingHttpResponse:
    header = [_("Period"), _("Contracts"), _("Billed revenue"), _("Baseline revenue"),
              _("Growth"), _("Rebate earned")]  # fmt: skip

    def lines() -> object:
        for row in rebates.csv_rows(periods, header):
            out = io.StringIO()
            csv.writer(out).writerow(row)
            yield out.getvalue()

    response = StreamingHttpResponse(buffered(with_bom(lines())), content_type="text/csv")  # type: ignore[arg-type]
    response["Content-Disposition"] = 'attachment; filename="partner-growth-rebate.csv"'
    return response


@member_page(CHANNEL)
@require_GET
@service_refusals
def growth_rebate(request: ActorRequest) -> HttpResponse | StreamingHttpResponse:
    periods = rebates.rebate_periods(request.actor)
    if request.GET.get("format") == "csv":
        return _csv(periods)
    total = sum((p.rebate for p in periods), start=rebates.Decimal(0))
    context = {"tab": "rebate", "periods": periods, "total": total,
               "rate": rebates.REBATE_RATE * 100}  # fmt: skip
    return render(request, "channel/rebate.html", context)

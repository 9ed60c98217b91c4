"""Sell > Customer accounts: the list (search, enrichment status), create, edit and
delete with a confirmation, through the same services as the API. The page is for
whoever sees Opportunity Management (the access model's opportunity rights)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import Conflict, RuleViolation
from allyport.customers.forms import SERVICE_FIELDS, CustomerAccountForm
from allyport.customers.models import CustomerAccount, EnrichmentStatus
from allyport.customers.services import accounts, search
from allyport.customers.services.bulk_kind import CUSTOMER_ACCOUNT_JOBS
from allyport.customers.services.enrichment import existing_arn
from allyport.jobs.report_views import serve_report
from allyport.pipeline.web import OPPORTUNITY_MANAGEMENT, catalog_of, catalog_query, posted

PAGE_SIZE = 50
SORT = {"SortBy": "COMPANY_NAME", "SortOrder": "ASCENDING"}


def list_url(catalog: str) -> str:
    return reverse("customers:list") + catalog_query(catalog)


def _filter(name: str, status: str) -> dict[str, Any] | None:
    """The search box (part of the company name, any case) and the status, as the
    API's Filter tree."""
    leaves = []
    if name:
        leaves.append({"ContainsAny": {"Key": "COMPANY_NAME", "Value": {"StringValue": name}}})
    if status in EnrichmentStatus.values:
        leaves.append({"EqualsTo": {"Key": "ENRICHMENT_STATUS", "Value": {"StringValue": status}}})
    if not leaves:
        return None
    return leaves[0] if len(leaves) == 1 else {"AndAllFilters": leaves}


@member_page(OPPORTUNITY_MANAGEMENT)
@require_GET
@service_refusals
def customer_accounts(request: ActorRequest) -> HttpResponse:
    catalog = catalog_of(request)
    name = request.GET.get("q", "").strip()[:120]
    status = request.GET.get("status", "")
    query: dict[str, Any] = {"MaxResults": PAGE_SIZE, "Sort": SORT, "Filter": _filter(name, status)}
    token = request.GET.get("token")
    try:
        page = search.search_customer_accounts(
            request.actor, catalog, {**query, "NextToken": token}
        )
    except RuleViolation:  # a token of another search: start again
        page = search.search_customer_accounts(request.actor, catalog, query)
    context = {
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "accounts": page.items,
        "next_token": page.next_token,
        "first_page": bool(token),
        "q": name,
        "status": status,
        "statuses": EnrichmentStatus.choices,
    }
    return render(request, "customers/list.html", context)


def _show_refusal(form: CustomerAccountForm, refused: RuleViolation) -> None:
    for error in refused.errors:
        form.add_error(SERVICE_FIELDS.get(error.field), error.message)


@member_page(OPPORTUNITY_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@service_refusals
def new_customer_account(request: ActorRequest) -> HttpResponse:
    form = CustomerAccountForm(posted(request), with_catalog=True)
    form.fields["catalog"].initial = catalog_of(request)
    if request.method == "POST" and form.is_valid():
        catalog = form.cleaned_data["catalog"]
        try:
            created = accounts.create_customer_account(request.actor, catalog, form.payload())
        except RuleViolation as refused:
            _show_refusal(form, refused)
        else:
            messages.success(
                request,
                _("Customer account %(name)s is created; matching runs in the background.")
                % {"name": created.company_name},
            )
            return redirect(list_url(catalog))
    context = {"form": form, "title": _("Create customer account"), "catalog": catalog_of(request)}
    return render(request, "customers/form.html", context)


def _read_date(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


@member_page(OPPORTUNITY_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@service_refusals
def edit_customer_account(request: ActorRequest, identifier: str) -> HttpResponse:
    catalog = catalog_of(request)
    account = accounts.get_customer_account(request.actor, catalog, identifier)
    form = CustomerAccountForm(posted(request), initial=CustomerAccountForm.initial_of(account))
    # The version the member read: a change by someone else meanwhile is a conflict.
    read = request.POST.get("last_modified", "") if request.method == "POST" else ""
    if request.method == "POST" and form.is_valid():
        try:
            accounts.update_customer_account(
                request.actor, catalog, identifier, form.payload(),
                last_modified_date=_read_date(read) or datetime.min,
            )  # fmt: skip
        except RuleViolation as refused:
            _show_refusal(form, refused)
        except Conflict:
            form.add_error(
                None,
                _("Someone changed this customer account since you opened it. Reload the "
                  "page to see their change, then edit again."),
            )  # fmt: skip
        else:
            messages.success(
                request,
                _("Customer account %(name)s is updated; it is matched again.")
                % {"name": account.company_name},
            )
            return redirect(list_url(catalog))
    context = {
        "form": form,
        "title": _("Edit customer account %(id)s") % {"id": account.public_id},
        "catalog": catalog,
        "account": account,
        "last_modified": read or account.last_modified_date.isoformat(),
        "existing_arn": existing_arn(account),
    }
    return render(request, "customers/form.html", context)


@member_page(OPPORTUNITY_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@service_refusals
def delete_customer_account(request: ActorRequest, identifier: str) -> HttpResponse:
    """GET asks to confirm; POST deletes."""
    catalog = catalog_of(request)
    account: CustomerAccount = accounts.get_customer_account(request.actor, catalog, identifier)
    if request.method == "POST":
        accounts.delete_customer_account(request.actor, catalog, identifier)
        messages.success(
            request, _("Customer account %(name)s is deleted.") % {"name": account.company_name}
        )
        return redirect(list_url(catalog))
    context = {"account": account, "catalog": catalog, "catalog_query": catalog_query(catalog)}
    return render(request, "customers/delete.html", context)


@require_GET
def bulk_report(request: HttpRequest, token: str) -> HttpResponseBase:
    """The signed link of GetCustomerAccountBulkJobReportUrl: no session needed."""
    return serve_report(CUSTOMER_ACCOUNT_JOBS, token)

"""Company Profile > Company: general information, customers served, the logo, the
listing change waiting for approval, and the profile's versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.accounts.models import Company
from allyport.audit import kept
from allyport.core import fragments
from allyport.core.errors import Conflict, QuotaExceeded, RuleViolation
from allyport.profiles.enums import ProfileTaskStatus
from allyport.profiles.forms import CompanyForm, show_refusal
from allyport.profiles.models import CompanyProfile, ProfileVersion
from allyport.profiles.selectors import partner as partner_reads
from allyport.profiles.selectors.company import profile
from allyport.profiles.services import listing
from allyport.profiles.services.profile import update_company_profile
from allyport.profiles.views.common import COMPANY_PROFILE, company_of, render_tab, tab_context

LISTING_NAMES = ("display_name", "description", "website_url", "industry_segments")
TEMPLATE = "profiles/company.html"
# The page as each member sees it, kept (core.fragments) until their company's data
# changes: everything it shows (the profile, its versions, the listing change waiting,
# the company's details and stage) changes only through audited services, staff's and
# the system's included, and so moves the company's generation on (audit.kept).
KEPT_PAGE = "profiles:company"


def _initial(company: Company, shown: CompanyProfile) -> dict[str, object]:
    return {
        "display_name": shown.display_name or company.legal_name,
        "description": shown.description,
        "website_url": shown.website_url or company.website,
        "phone": company.phone,
        "employee_count": company.employee_count,
        "industry_segments": shown.industry_segments,
        "customer_segments": company.customer_segments,
        "countries_served": shown.countries_served,
    }


def _pending(request: ActorRequest) -> ProfileVersion | None:
    return ProfileVersion.objects.filter(
        company=company_of(request), status=ProfileTaskStatus.IN_PROGRESS
    ).first()


def _saved_message(request: ActorRequest, listing_version: ProfileVersion | None) -> None:
    if listing_version is not None and listing_version.status == ProfileTaskStatus.IN_PROGRESS:
        messages.success(
            request, _("Saved. Your listing changes are published once the program approves them.")
        )
    else:
        messages.success(request, _("Your company profile was saved."))


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET", "POST"])
@service_refusals
def company_tab(request: ActorRequest) -> HttpResponseBase:
    if request.method != "POST":
        return fragments.kept_page(
            request, kept.member_fragment(KEPT_PAGE, request.actor), TEMPLATE,
            lambda: _context(request),
        )  # fmt: skip
    company = company_of(request)
    shown = profile(company)
    form = CompanyForm(
        request.POST or None, request.FILES or None, initial=_initial(company, shown)
    )
    if form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "logo"}
        upload = form.cleaned_data.get("logo")
        try:
            change = update_company_profile(
                request.actor, company, values, logo=upload.read() if upload else None
            )
        except RuleViolation as refused:
            show_refusal(form, refused)
        except (Conflict, QuotaExceeded) as refused:
            form.add_error(None, str(refused))
        else:
            _saved_message(request, change.listing_version)
            return redirect("profiles:company")
    # The form with its errors: drawn for this request, never kept.
    return render(request, TEMPLATE, _context(request, form, shown))


def _context(
    request: ActorRequest, form: CompanyForm | None = None, shown: CompanyProfile | None = None
) -> dict[str, Any]:
    company = company_of(request)
    shown = shown or profile(company)
    return {
        **tab_context(request, "company"),
        "form": form or CompanyForm(initial=_initial(company, shown)),
        "profile": shown,
        "pending": _pending(request),
        "versions": partner_reads.profile_versions(company, limit=10),
    }


@member_page(COMPANY_PROFILE)
@require_POST
@service_refusals
def cancel_update(request: ActorRequest) -> HttpResponse:
    try:
        listing.cancel_profile_update(
            request.actor, company_of(request), request.POST.get("task", "")
        )
    except Conflict as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The listing change was withdrawn."))
    return redirect("profiles:company")


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET"])
def versions(request: ActorRequest) -> HttpResponse:
    company = company_of(request)
    context = {"versions": partner_reads.profile_versions(company, limit=200)}
    return render_tab(request, "company", "profiles/versions.html", context)

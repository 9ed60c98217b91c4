"""The program fee (upgrade form and bills), My Profile > Partner Terms and Conditions,
and verification."""

from __future__ import annotations

from django.contrib import messages
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page, service_refusals
from allyport.core.confirm import CONFIRM_WORD
from allyport.core.errors import Conflict, NotFound, RuleViolation
from allyport.profiles.enums import VerificationType
from allyport.profiles.forms import BusinessVerificationForm, FeeUpgradeForm, show_refusal
from allyport.profiles.models import Verification
from allyport.profiles.permissions import ACCEPT_TERMS, MANAGE_PROFILE, PAY_FEE
from allyport.profiles.selectors import company as reads
from allyport.profiles.services import fees, terms, verification
from allyport.profiles.views.common import company_of

TERMS_PAGE = "My Profile/Partner Terms and Conditions"


@member_page()
@require_http_methods(["GET", "POST"])
@service_refusals
def program_fee(request: ActorRequest) -> HttpResponseBase:
    decision = authorize(request.actor, PAY_FEE)
    if not decision:
        return forbidden(request, decision)
    company = company_of(request)
    if request.POST.get("action") == "cancel":
        return _cancel_membership(request)
    form = FeeUpgradeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            fees.submit_fee_upgrade(request.actor, company, form.cleaned_data["paying_account_id"])
        except (RuleViolation, Conflict) as refused:
            if isinstance(refused, RuleViolation):
                show_refusal(form, refused)
            else:
                form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("Your company is Confirmed. The program fee is billed to the account you named."),
            )
            return redirect("profiles:fee")
    context = {
        "form": form,
        "fees": reads.fees(company),
        "stage": company.stage,
        "amount": fees.fee_amount(),
        "days": fees.DAYS_TO_PAY,
    }
    return render(request, "profiles/fee.html", context)


def _cancel_membership(request: ActorRequest) -> HttpResponseBase:
    if request.POST.get("confirm", "").strip() != CONFIRM_WORD:
        messages.error(request, _('Type "confirm" to continue.'))
        return redirect("profiles:fee")
    case = fees.request_membership_cancellation(
        request.actor, company_of(request), request.POST.get("message", "")
    )
    messages.success(
        request,
        _("Support case %(id)s asks to downgrade your membership; our staff answer there.")
        % {"id": case.case_id},
    )
    return redirect("profiles:fee")


@member_page(TERMS_PAGE)
@require_http_methods(["GET", "POST"])
@service_refusals
def partner_terms(request: ActorRequest) -> HttpResponseBase:
    company = company_of(request)
    current = reads.current_terms()
    can_accept = bool(authorize(request.actor, ACCEPT_TERMS))
    if request.method == "POST":
        if current is None:
            raise NotFound("PartnerTerms", "current")
        try:
            terms.accept_terms(request.actor, company, int(request.POST.get("version", "0") or 0))
        except Conflict as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                _("You accepted version %(n)d of the partner terms for your company.")
                % {"n": current.version},
            )
            return redirect(request.POST.get("next") or "profiles:terms")
    context = {
        "current": current,
        "accepted": reads.accepted_terms(company),
        "pending": reads.terms_pending(company),
        "can_accept": can_accept,
        "next": request.GET.get("next", ""),
    }
    return render(request, "profiles/terms.html", context)


@member_page("My Company/Company Profile")
@require_http_methods(["GET", "POST"])
@service_refusals
def verification_page(request: ActorRequest) -> HttpResponseBase:
    company = company_of(request)
    form = BusinessVerificationForm(request.POST or None)
    action = request.POST.get("action", "")
    if action == "business" and form.is_valid():
        try:
            verification.start_verification(request.actor, company, form.details())
        except RuleViolation as refused:
            show_refusal(form, refused)
        except Conflict as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Your business details were sent for review."))
            return redirect("profiles:verification")
    if action == "registrant":
        try:
            verification.complete_registrant_verification(request.actor, company)
        except Conflict as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Thank you. Our staff review your identity next."))
        return redirect("profiles:verification")
    found = {v.verification_type: v for v in Verification.objects.filter(company=company)}
    context = {
        "form": form,
        "business": found.get(VerificationType.BUSINESS),
        "registrant": found.get(VerificationType.REGISTRANT),
        "can_edit": bool(authorize(request.actor, MANAGE_PROFILE)),
    }
    return render(request, "profiles/verification.html", context)


@require_http_methods(["GET"])
@service_refusals
def public_terms(request: ActorRequest) -> HttpResponseBase:
    """The current terms for anyone (a registrant reads them before accepting)."""
    current = reads.current_terms()
    if current is None:
        raise NotFound("PartnerTerms", "current")
    return render(request, "profiles/public_terms.html", {"current": current})

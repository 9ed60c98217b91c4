"""Company Profile > My Domains: add a domain by the code mailed to an address on it,
resend, remove (typing "confirm")."""

from __future__ import annotations

from django.contrib import messages
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.accounts.models import CompanyDomain
from allyport.core.confirm import CONFIRM_WORD
from allyport.core.errors import NotFound, RuleViolation
from allyport.profiles.forms import DomainCodeForm, DomainEmailForm, RemoveDomainForm, show_refusal
from allyport.profiles.selectors import company as reads
from allyport.profiles.services import domains as services
from allyport.profiles.views.common import COMPANY_PROFILE, company_of, render_tab


def _send(request: ActorRequest, email_form: DomainEmailForm, *, resend: bool) -> bool:
    try:
        domain = services.send_domain_code(
            request.actor, company_of(request), email_form.cleaned_data["email"], resend=resend
        )
    except RuleViolation as refused:
        show_refusal(email_form, refused)
        return False
    messages.success(
        request,
        _("We sent a code to %(email)s. Enter it below to add %(domain)s.")
        % {"email": email_form.cleaned_data["email"], "domain": domain},
    )
    return True


def _verify(request: ActorRequest, code_form: DomainCodeForm) -> bool:
    try:
        added = services.associate_company_domain(
            request.actor,
            company_of(request),
            code_form.cleaned_data["email"],
            code_form.cleaned_data["code"],
        )
    except RuleViolation as refused:
        for error in refused.errors:
            code_form.add_error("code", error.message)
        return False
    messages.success(
        request,
        _("%(domain)s was added. Users who register with it join your company.")
        % {"domain": added.domain},
    )
    return True


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET", "POST"])
@service_refusals
def domains(request: ActorRequest) -> HttpResponseBase:
    company = company_of(request)
    action = request.POST.get("action", "")
    email_form = DomainEmailForm(request.POST if action in ("send", "resend") else None)
    code_form = DomainCodeForm(request.POST if action == "verify" else None)
    if (
        action in ("send", "resend")
        and email_form.is_valid()
        and _send(request, email_form, resend=action == "resend")
    ):
        return redirect("profiles:domains")
    if action == "verify" and code_form.is_valid() and _verify(request, code_form):
        return redirect("profiles:domains")
    context = {
        "email_form": email_form,
        "code_form": code_form,
        "domains": reads.domains(company),
        "pending": reads.pending_domain_codes(company),
        "limit": services.MAX_DOMAINS,
    }
    return render_tab(request, "domains", "profiles/domains.html", context)


@member_page(COMPANY_PROFILE)
@require_http_methods(["GET", "POST"])
@service_refusals
def remove_domain(request: ActorRequest, domain: str) -> HttpResponseBase:
    company = company_of(request)
    if not CompanyDomain.objects.filter(company=company, domain=domain).exists():
        raise NotFound("Domain", domain)
    form = RemoveDomainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["confirm"].strip() != CONFIRM_WORD:
            form.add_error("confirm", _('Type "confirm" to continue.'))
        else:
            try:
                services.disassociate_company_domain(request.actor, company, domain)
            except RuleViolation as refused:
                form.add_error(None, refused.errors[0].message)
            else:
                messages.success(
                    request,
                    _("%(domain)s was removed. Its users stay members.") % {"domain": domain},
                )
                return redirect("profiles:domains")
    return render_tab(
        request, "domains", "profiles/domain_remove.html", {"form": form, "domain": domain}
    )

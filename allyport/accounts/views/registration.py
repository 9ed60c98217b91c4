"""Registration: a company (its registrant becomes alliance lead) or a user of one.

Steps keep their state in the session; nothing is created until Register
succeeds, so an abandoned or failing registration leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_stubs_ext import StrOrPromise

from allyport.access import limits
from allyport.access.middleware import ActorRequest
from allyport.accounts import backends
from allyport.accounts.captcha import NEW_CAPTCHA
from allyport.accounts.domains import company_for_domain, domain_of
from allyport.accounts.forms import (
    CodeForm,
    CompanyDetailsForm,
    PasswordFields,
    StartCompanyForm,
    StartForm,
    StartUserForm,
    UserDetailsForm,
)
from allyport.accounts.models import EmailCode, User
from allyport.accounts.services import codes
from allyport.accounts.services.registration import (
    RegistrationError,
    account_for_email,
    register_company,
    register_user,
)

BACKEND = backends.PATH
START_FIELDS = ("first_name", "last_name", "email")


@dataclass(frozen=True)
class Flow:
    purpose: str
    start_form: type[StartForm]
    details_form: type[PasswordFields]
    url: str
    title: StrOrPromise


FLOWS = {
    "company": Flow(
        purpose=EmailCode.Purpose.REGISTER_COMPANY,
        start_form=StartCompanyForm,
        details_form=CompanyDetailsForm,
        url="accounts:register_company",
        title=gettext_lazy("Register your company"),
    ),
    "user": Flow(
        purpose=EmailCode.Purpose.REGISTER_USER,
        start_form=StartUserForm,
        details_form=UserDetailsForm,
        url="accounts:register_user",
        title=gettext_lazy("Register as a user"),
    ),
}


def _state(request: ActorRequest, kind: str) -> dict[str, Any]:
    return request.session.get(f"registration:{kind}", {})


def _save_state(request: ActorRequest, kind: str, state: dict[str, Any]) -> None:
    request.session[f"registration:{kind}"] = state


def choose(request: ActorRequest) -> HttpResponse:
    return render(request, "accounts/register_choose.html")


@require_http_methods(["GET", "POST"])
def start(request: ActorRequest, kind: str) -> HttpResponse:
    flow = FLOWS[kind]
    form = flow.start_form(request.POST or None, initial=_state(request, kind))
    if request.method == "POST" and limits.limited(
        request, "register", request.POST.get("email", "")
    ):  # counted before the form is checked: no answer at all past the limit
        messages.error(request, limits.message())
        form = flow.start_form(initial={k: request.POST.get(k, "") for k in START_FIELDS})
    elif request.method == "POST" and form.is_valid():
        state = {key: form.cleaned_data[key] for key in START_FIELDS}
        if limits.limited(request, "send_code", state["email"]):
            form.add_error("email", limits.message())
        else:
            _save_state(request, kind, state)
            _send_code(request, flow, state["email"])
            return redirect(f"accounts:register_{kind}_verify")
    return render(
        request, "accounts/register_start.html", {"form": form, "kind": kind, "flow": flow}
    )


def _send_code(request: ActorRequest, flow: Flow, email: str) -> None:
    """A code to a new address; to one that has an account, a notice to its owner instead.
    Both lead to the same code page, so the visitor learns nothing about the address."""
    account = account_for_email(email)
    if account is None:
        codes.send_code(request.actor, email, flow.purpose)
    else:
        removed = account.status == User.Status.REMOVED
        codes.send_registered_notice(request.actor, email, flow.purpose, removed=removed)


@require_http_methods(["GET", "POST"])
def verify(request: ActorRequest, kind: str) -> HttpResponse:
    flow = FLOWS[kind]
    state = _state(request, kind)
    if not state.get("email"):
        return redirect(flow.url)
    form = CodeForm(request.POST or None)
    resent, domain_problem = False, None
    if request.method == "POST" and request.POST.get("action") == "resend":
        form, resent = _resend(request, flow, state["email"])
    elif (
        request.method == "POST" and form.is_valid() and _code_accepted(request, flow, state, form)
    ):
        domain_problem = _domain_problem(request, kind, state)
        if domain_problem is None:
            _save_state(request, kind, {**state, "verified": True})
            return redirect(f"accounts:register_{kind}_details")
    context = {
        "form": form,
        "kind": kind,
        "flow": flow,
        "email": state["email"],
        "resent": resent,
        "domain_problem": domain_problem,
    }
    return render(request, "accounts/register_verify.html", context)


def _domain_problem(request: ActorRequest, kind: str, state: dict[str, Any]) -> str | None:
    """Whether the proven address's domain fits this flow, told only now that the person
    has shown the address is theirs (the guide: one company per domain, users join it).
    A company registrant whose company exists goes on as a user without a new code."""
    domain = domain_of(state["email"])
    registered = company_for_domain(domain) is not None
    if kind == "company" and registered:
        request.session.pop("registration:company", None)
        _save_state(request, "user", {**state, "verified": True})
        return format_html(
            _(
                "Your company is already registered for {}. Companies that share a "
                'domain share one account: <a href="{}">register as a user</a>.'
            ),
            domain,
            reverse("accounts:register_user_details"),
        )
    if kind == "user" and not registered:
        request.session.pop("registration:user", None)
        return format_html(
            _(
                "No company is registered for {}. Your company's alliance lead "
                'registers it first: <a href="{}">register your company</a>.'
            ),
            domain,
            reverse("accounts:register_company"),
        )
    return None


def _resend(request: ActorRequest, flow: Flow, email: str) -> tuple[CodeForm, bool]:
    """Send a fresh code unless the address or client asked too often."""
    form = CodeForm()
    if limits.limited(request, "send_code", email):
        messages.error(request, limits.message())
        return form, False
    _send_code(request, flow, email)
    return form, True


def _code_accepted(
    request: ActorRequest, flow: Flow, state: dict[str, Any], form: CodeForm
) -> bool:
    """Check the submitted code (within the attempt limits); errors go on the form."""
    if limits.limited(request, "verify_code", state["email"]):
        form.add_error("code", limits.message())
        return False
    try:
        codes.verify_code(request.actor, state["email"], flow.purpose, form.cleaned_data["code"])
    except codes.CodeError as exc:
        form.add_error("code", str(exc))
        return False
    return True


@require_http_methods(["GET", "POST"])
def details(request: ActorRequest, kind: str) -> HttpResponse:
    flow = FLOWS[kind]
    state = _state(request, kind)
    if not state.get("verified"):
        return redirect(flow.url)
    form = flow.details_form(request.POST or None, email=state["email"])
    if request.POST.get("action") == NEW_CAPTCHA:
        form = form.with_new_captcha()
    elif request.method == "POST" and form.is_valid():
        try:
            user = _register(request, kind, form, state)
        except RegistrationError as exc:
            form.add_error(None if exc.field == "email" else exc.field, str(exc))
        else:
            request.session.pop(f"registration:{kind}", None)
            login(request, user, backend=BACKEND)
            return redirect("home")
    company = company_for_domain(domain_of(state["email"])) if kind == "user" else None
    context = {"form": form, "kind": kind, "flow": flow, "state": state, "company": company}
    return render(request, "accounts/register_details.html", context)


def _register(request: ActorRequest, kind: str, form: Any, state: dict[str, Any]) -> Any:
    person = form.person(state)
    if kind == "company":
        return register_company(
            request.actor, person, form.company(), terms_version=form.terms_version()
        )
    company = company_for_domain(domain_of(state["email"]))
    if company is None:
        raise RegistrationError(_("No company is registered for this domain any more."))
    return register_user(request.actor, person, company, ["standard_user"])

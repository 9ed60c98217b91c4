"""Staff sign-in to the admin (/staff/admin/login/), in place of Django's admin login.

Passwords are checked through the allauth adapter, so staff have the partner
sign-in's failed-attempt limits and lockout (ACCOUNT_RATE_LIMITS["login_failed"]) and
its audit records of failures and lockouts, each naming the staff address; a
success is recorded here. With ALLYPORT_STAFF_LOGIN_CODE on, a correct password
only sends an emailed code (the registration codes' service and limits), and the
code signs in.
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import login as auth_login
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from allyport.access import actor as actors
from allyport.access import limits
from allyport.access.middleware import ActorRequest, client_ip
from allyport.accounts import backends
from allyport.accounts.adapter import record_failed_sign_in
from allyport.accounts.forms import CodeForm
from allyport.accounts.models import EmailCode, User
from allyport.accounts.services import codes
from allyport.audit import services as audit

PENDING = "staff_signin"  # session key: the staff user who passed the password step
CODE_TEMPLATE = "accounts/email/staff_signin_code"


class StaffSignInForm(AdminAuthenticationForm):
    def clean(self) -> dict[str, Any]:
        email = (self.cleaned_data.get("username") or "").strip().lower()
        password = self.cleaned_data.get("password")
        if not (email and password) or self.request is None:
            return self.cleaned_data
        credentials = {"email": email, "password": password}
        try:  # counts the failure and records it (adapter), or refuses while locked
            user = get_adapter(self.request).authenticate(self.request, **credentials)
        except ValidationError as exc:
            raise ValidationError(
                _("Too many failed sign-in attempts. Sign-in is locked for a while."),
                code="locked",
            ) from exc
        if user is None:
            raise self.get_invalid_login_error()
        if not (user.is_active and user.is_staff):
            record_failed_sign_in(self.request, credentials, "NotStaff", "Not a staff account")
            raise self.get_invalid_login_error()
        self.user_cache = user
        return self.cleaned_data


def _next(request: ActorRequest, fallback: str = "") -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and safe else (fallback or reverse("admin:index"))


def _sign_in(request: ActorRequest, user: User, next_url: str, *, code_used: bool) -> HttpResponse:
    auth_login(request, user, backend=backends.PATH)
    audit.record(
        actors.for_user(user, client_ip(request), request.META.get("HTTP_USER_AGENT", "")),
        "ConsoleLogin",
        event_source=audit.SIGNIN_SOURCE,
        event_type=audit.CONSOLE_SIGNIN,
        username=user.email,
        response_elements={"ConsoleLogin": "Success"},
        additional_event_data={"MFAUsed": "Yes" if code_used else "No"},
    )
    return redirect(next_url)


def _send_code(request: ActorRequest, user: User) -> bool:
    if limits.limited(request, "send_code", user.email):
        return False
    codes.send_code(request.actor, user.email, EmailCode.Purpose.STAFF_SIGNIN, CODE_TEMPLATE)
    return True


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def login(request: ActorRequest) -> HttpResponse:
    if request.user.is_authenticated and request.user.is_staff:
        return redirect(_next(request))
    form = StaffSignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        if not settings.ALLYPORT_STAFF_LOGIN_CODE:
            return _sign_in(request, user, _next(request), code_used=False)
        request.session[PENDING] = {"user": user.pk, "next": _next(request)}
        if not _send_code(request, user):
            messages.error(request, limits.message())
        return redirect("accounts:staff_login_code")
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "form": form,
        "app_path": request.get_full_path(),
        "next": _next(request),
        "username": request.user.get_username(),
    }
    return render(request, "admin/login.html", context)


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request: ActorRequest) -> HttpResponse:
    pending = request.session.get(PENDING) or {"user": 0}
    user = User.objects.filter(pk=pending["user"], is_staff=True, is_active=True).first()
    if user is None:
        return redirect("accounts:staff_login")
    form = CodeForm(request.POST or None)
    resent = False
    if request.method == "POST" and request.POST.get("action") == "resend":
        form, resent = CodeForm(), _send_code(request, user)
        if not resent:
            messages.error(request, limits.message())
    elif request.method == "POST" and form.is_valid():
        if limits.limited(request, "verify_code", user.email):
            form.add_error("code", limits.message())
        else:
            try:
                code = form.cleaned_data["code"]
                codes.verify_code(request.actor, user.email, EmailCode.Purpose.STAFF_SIGNIN, code)
            except codes.CodeError as exc:
                form.add_error("code", str(exc))
            else:
                request.session.pop(PENDING, None)
                return _sign_in(request, user, pending["next"], code_used=True)
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in code"),
        "form": form,
        "email": user.email,
        "resent": resent,
    }
    return render(request, "accounts/staff_login_code.html", context)

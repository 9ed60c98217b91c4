"""Console sign-in and sign-out for IAM users of an embedded cloud account.

Failed attempts are counted with django-ratelimit in the shared cache under
settings.ALLYPORT_LIMITS["cloud_signin"]: per "account:user" (the "email" key,
as access/limits.py names it) and per client address. The groups are those of
access/limits.py, so the account linking sign-in and this one draw on the same
budget. Past a limit, attempts are refused without checking the password, so
guessing stops even when the right password comes next.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import get_usage

from allyport.access import limits
from allyport.access.actor import anonymous
from allyport.audit import services as audit
from allyport.cloud import selectors
from allyport.cloud.forms import SignInForm
from allyport.cloud.models import IamUser
from allyport.cloud.services import account_company
from allyport.cloud.views.common import (
    end_session,
    iam_actor,
    safe_next,
    signed_in_user,
    start_session,
)
from allyport.core.client_address import client_ip

LIMITS = "cloud_signin"
DEFAULT_RATES = (("email", "10/15m"), ("ip", "60/h"))


def _rates() -> tuple[tuple[str, str], ...]:
    return getattr(settings, "ALLYPORT_LIMITS", {}).get(LIMITS, DEFAULT_RATES)


def _failures(request: HttpRequest, account_id: str, name: str, count: bool) -> bool:
    """True when a limit is reached; `count` adds this attempt as a failure."""
    keys = {"email": f"{account_id.strip()}:{name.strip()}".lower(), "ip": client_ip(request)}
    reached = False
    for key, rate in _rates():
        if not keys.get(key):
            continue
        usage = get_usage(
            request,
            group=f"allyport.{LIMITS}.{key}",
            key=lambda _group, _request, value=keys[key]: value,
            rate=rate,
            increment=count,
        )
        reached |= usage is not None and usage["count"] >= usage["limit"]
    return reached


def _audit(request: HttpRequest, data: dict[str, str], user: IamUser | None) -> None:
    account = user.account if user else selectors.account_of_id(data["account_id"])
    if user is not None:
        actor = iam_actor(request, user)
    else:
        actor = anonymous(client_ip(request), request.META.get("HTTP_USER_AGENT", ""))
    audit.record(
        actor,
        "ConsoleLogin",
        event_source=audit.SIGNIN_SOURCE,
        event_type=audit.CONSOLE_SIGNIN,
        company=account_company(account) if account else None,
        additional_event_data={"MFAUsed": "No"},
        response_elements={"ConsoleLogin": "Success" if user else "Failure"},
    )


def _attempt(request: HttpRequest, form: SignInForm) -> tuple[IamUser | None, bool]:
    """The user for these credentials (with the form's error set when there is none),
    and whether the attempt was refused for too many failures."""
    data = form.cleaned_data
    if _failures(request, data["account_id"], data["user_name"], count=False):
        form.add_error(None, limits.message())
        return None, True
    user = selectors.console_user(data["account_id"], data["user_name"], data["password"])
    _audit(request, data, user)
    if user is None:
        _failures(request, data["account_id"], data["user_name"], count=True)
        # One answer for every wrong part, so it tells nothing about what exists.
        form.add_error(None, _("Your account ID, user name or password is wrong."))
    return user, False


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if signed_in_user(request) is not None:
        return redirect("cloud:home")
    form = SignInForm(request.POST or None, initial={"account_id": request.GET.get("account")})
    limited = False
    if request.method == "POST" and form.is_valid():
        user, limited = _attempt(request, form)
        if user is not None:
            start_session(request, user)
            return redirect(safe_next(request))
    context = {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")}
    return render(request, "cloud/signin.html", context, status=429 if limited else 200)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    end_session(request)
    return redirect("cloud:signin")

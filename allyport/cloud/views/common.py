"""What the console's views share: the signed-in IAM user, its Actor, and how a
refusal is shown.

The console keeps its own sign-in in the session (`cloud_iam_user_id`), apart
from the portal's: one person may be signed in to both, as a portal member and
as an IAM user of a cloud account.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.cloud.forms import add_refusal
from allyport.cloud.models import CloudAccount, IamUser
from allyport.cloud.principals import IamPrincipal
from allyport.cloud.services import account_company
from allyport.core.client_address import client_ip
from allyport.core.errors import ChangeRefused

SESSION_USER = "cloud_iam_user_id"
# A digest of the password hash: changing or removing the password ends console
# sessions, as Django does for portal sign-ins.
SESSION_AUTH = "cloud_iam_auth"
_SALT = "allyport.cloud.console.session"
# The console tab a page belongs to, by the first part of its path (else itself).
SECTIONS = {"access-keys": "users"}


@dataclass(frozen=True)
class Console:
    """The signed-in IAM user of a console request and the Actor it acts as."""

    user: IamUser
    actor: Actor

    @property
    def account(self) -> CloudAccount:
        return self.user.account


def _auth_digest(user: IamUser) -> str:
    return salted_hmac(_SALT, user.password, algorithm="sha256").hexdigest()


def start_session(request: HttpRequest, user: IamUser) -> None:
    # A new session key on every sign-in, so a planted session id is worth nothing.
    request.session.cycle_key()
    request.session[SESSION_USER] = user.user_id
    request.session[SESSION_AUTH] = _auth_digest(user)


def end_session(request: HttpRequest) -> None:
    request.session.pop(SESSION_USER, None)
    request.session.pop(SESSION_AUTH, None)


def signed_in_user(request: HttpRequest) -> IamUser | None:
    user_id = request.session.get(SESSION_USER)
    if not user_id:
        return None
    user = IamUser.objects.select_related("account").filter(user_id=user_id).first()
    digest = str(request.session.get(SESSION_AUTH, ""))
    if user is None or not user.password or not constant_time_compare(digest, _auth_digest(user)):
        end_session(request)
        return None
    return user


def iam_actor(request: HttpRequest, user: IamUser) -> Actor:
    return Actor.for_iam(
        IamPrincipal.for_user(user),
        account_company(user.account),
        source_ip=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )


def safe_next(request: HttpRequest) -> str:
    """The page to return to after sign-in, if it is one of the console's own."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    home = reverse("cloud:home")
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if allowed and target.startswith(reverse("cloud:signin")) else home


def cloud_console(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Give the view the signed-in IAM user (as `Console`); a signed-out visit goes
    to the sign-in page and comes back after."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = signed_in_user(request)
        if user is None:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('cloud:signin')}?{query}")
        console = Console(user, iam_actor(request, user))
        try:
            return view(request, console, *args, **kwargs)
        except PermissionDenied as denied:
            # Views show IAM's refusal on their own page; this catches any they missed,
            # so a refusal is never a server error.
            return page(request, console, "cloud/denied.html", {}, denied)

    return wrapper


def page(
    request: HttpRequest,
    console: Console,
    template: str,
    context: Mapping[str, Any],
    denied: PermissionDenied | None = None,
) -> HttpResponse:
    """Render a console page; IAM's refusal, if any, as a banner with status 403."""
    section = request.path.removeprefix(reverse("cloud:signin")).split("/", 1)[0]
    full = {
        "console": console,
        "section": SECTIONS.get(section, section),
        "denied": denied.decision.reason if denied else "",
        **context,
    }
    return render(request, template, full, status=403 if denied else 200)


def submit(form: forms.Form, call: Callable[[], object]) -> PermissionDenied | None:
    """Run the service call of a valid form. IAM's refusal is returned (for the
    banner); a refusal of the input goes next to its field (`form.errors`)."""
    try:
        call()
    except PermissionDenied as denied:
        return denied
    except ChangeRefused as refused:
        add_refusal(form, refused)
    return None


def act(request: HttpRequest, call: Callable[[], object]) -> tuple[bool, PermissionDenied | None]:
    """Run the service call of a button (no form): whether it was done, and IAM's
    refusal if any. A refusal of the input becomes an error message."""
    try:
        call()
    except PermissionDenied as denied:
        return False, denied
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
        return False, None
    return True, None

"""AWS Marketplace Account linking: Link Account, the IAM user sign-in, and the
three steps (review the account, review the roles, Submit).

The signed-in IAM user is kept in the session for a short while (the guide's
"sign in to the AWS account" hop); each step re-checks everything.
"""

from __future__ import annotations

import time

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access import limits
from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page
from allyport.cloud.models import IamUser
from allyport.core.errors import ChangeRefused
from allyport.marketplace import requirements
from allyport.marketplace.forms import BulkMapForm, IamSignInForm, SellerForm
from allyport.marketplace.models import AccountLink
from allyport.marketplace.services import linking
from allyport.marketplace.services.common import open_unlink_request

SESSION_KEY = "marketplace_linking"
SIGN_IN_SECONDS = 15 * 60


def _refused(request: ActorRequest) -> HttpResponse | None:
    decision = authorize(request.actor, "link_marketplace_account")
    return None if decision else forbidden(request, decision)


def _pending_iam_user(request: ActorRequest) -> IamUser | None:
    state = request.session.get(SESSION_KEY) or {}
    if time.time() - state.get("at", 0) > SIGN_IN_SECONDS:
        return None
    pk = state.get("iam_user")
    if not isinstance(pk, int):
        return None
    return IamUser.objects.select_related("account").filter(pk=pk).first()


def _state(request: ActorRequest) -> dict:
    return dict(request.session.get(SESSION_KEY) or {})


def _save_state(request: ActorRequest, **values: object) -> None:
    request.session[SESSION_KEY] = {**_state(request), **values}


@member_page()
@require_GET
def account_linking(request: ActorRequest) -> HttpResponse:
    """The AWS Marketplace Account linking page."""
    assert request.actor.company is not None
    link = (
        AccountLink.objects.filter(company=request.actor.company).select_related("account").first()
    )
    context = {
        "link": link,
        "unlinking": open_unlink_request(request.actor.company),
        "can_link": bool(authorize(request.actor, "link_marketplace_account")),
    }
    return render(request, "marketplace/account_linking.html", context)


@member_page()
@require_http_methods(["GET", "POST"])
def sign_in(request: ActorRequest) -> HttpResponse:
    if refusal := _refused(request):
        return refusal
    form = IamSignInForm(request.POST or None)
    missing: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        account_id, name = data["account_id"].strip(), data["user_name"].strip()
        if limits.limited(request, "cloud_signin", f"{account_id}:{name}"):
            form.add_error(None, limits.message())
        elif (iam_user := linking.sign_in_iam_user(account_id, name, data["password"])) is None:
            form.add_error(None, _("The account ID, user name or password is not right."))
        else:
            try:
                linking.check_linking(request.actor, iam_user)
            except linking.MissingPermissions as gap:
                missing = gap.missing
            except ChangeRefused as refused:
                form.add_error(None, refused.reason)
            else:
                request.session[SESSION_KEY] = {"iam_user": iam_user.pk, "at": time.time()}
                return redirect("marketplace:link_step", step=1)
    return render(request, "marketplace/link_sign_in.html", {"form": form, "missing": missing})


def _step_context(request: ActorRequest, iam_user: IamUser, step: int) -> dict:
    assert request.actor.company is not None
    suffix = requirements.role_suffix(request.actor.company.public_id)
    roles = [(p, p.name(suffix)) for p in requirements.PLANNED_ROLES]
    return {
        "iam_user": iam_user,
        "account": iam_user.account,
        "step": step,
        "roles": roles,
        "state": _state(request),
    }


@member_page()
@require_http_methods(["GET", "POST"])
def link_step(request: ActorRequest, step: int) -> HttpResponse:
    if refusal := _refused(request):
        return refusal
    iam_user = _pending_iam_user(request)
    if iam_user is None or step not in (1, 2, 3):
        messages.error(request, _("Sign in to your AWS account to link it."))
        return redirect("marketplace:link_sign_in")
    context = _step_context(request, iam_user, step)
    handler = {1: _step_account, 2: _step_roles, 3: _step_submit}[step]
    return handler(request, iam_user, context)


def _step_account(request: ActorRequest, iam_user: IamUser, context: dict) -> HttpResponse:
    """Step 1: the account ID and the seller's legal name (or a name to register)."""
    needs_name = not iam_user.account.is_seller
    form = SellerForm(
        request.POST or None, initial={"legal_name": context["state"].get("legal_name")}
    )
    if request.method == "POST" and (not needs_name or form.is_valid()):
        _save_state(
            request, legal_name=form.cleaned_data.get("legal_name", "") if needs_name else ""
        )
        return redirect("marketplace:link_step", step=2)
    return render(
        request, "marketplace/link_step1.html", {**context, "form": form, "needs_name": needs_name}
    )


def _step_roles(request: ActorRequest, iam_user: IamUser, context: dict) -> HttpResponse:
    """Step 2: the roles to be created, their policies, and the optional bulk mapping."""
    state = context["state"]
    form = BulkMapForm(request.POST or None, initial=state)
    if request.method == "POST" and form.is_valid():
        _save_state(request, **form.cleaned_data)
        return redirect("marketplace:link_step", step=3)
    return render(request, "marketplace/link_step2.html", {**context, "form": form})


def _step_submit(request: ActorRequest, iam_user: IamUser, context: dict) -> HttpResponse:
    """Step 3: review, then Submit links the account."""
    state = context["state"]
    error = ""
    if request.method == "POST":
        choices = linking.LinkChoices(
            legal_name=state.get("legal_name", ""),
            map_alliance_team=bool(state.get("map_alliance_team")),
            map_ace_users=bool(state.get("map_ace_users")),
        )
        try:
            linking.link_account(request.actor, iam_user, choices)
        except linking.MissingPermissions as gap:
            return render(
                request,
                "marketplace/link_sign_in.html",
                {"form": IamSignInForm(), "missing": gap.missing},
            )
        except ChangeRefused as refused:
            error = refused.reason
        else:
            request.session.pop(SESSION_KEY, None)
            messages.success(
                request, _("Your account is linked and the default IAM roles are created.")
            )
            return redirect("marketplace:linked_account")
    summary = {
        "legal_name": iam_user.account.seller_legal_name or state.get("legal_name", ""),
        "map_alliance_team": bool(state.get("map_alliance_team")),
        "map_ace_users": bool(state.get("map_ace_users")),
    }
    return render(request, "marketplace/link_step3.html", {**context, **summary, "error": error})

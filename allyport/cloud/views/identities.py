"""What users and roles share: their detail page's policy lists, Attach policy,
Detach and inline policies. `kind` ("user" or "role") comes from the URL pattern."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from allyport.access.decisions import PermissionDenied
from allyport.cloud import managed, selectors, services
from allyport.cloud.forms import AttachPolicyForm, InlinePolicyForm, pretty
from allyport.cloud.models import AccessKey, CloudAccount, IamRole, IamUser
from allyport.cloud.views.common import Console, act, cloud_console, page, submit

Identity = IamUser | IamRole


@dataclass(frozen=True)
class PolicyLink:
    """An attached policy as the detail pages list it."""

    arn: str
    name: str
    url: str
    aws_managed: bool


def policy_links(account: CloudAccount, arns: list[str]) -> list[PolicyLink]:
    links = []
    for arn in arns:
        try:
            name = managed.managed_policy(arn).name
            links.append(PolicyLink(arn, name, reverse("cloud:managed_detail", args=[name]), True))
        except KeyError:
            name = arn.rsplit("/", 1)[-1]
            links.append(PolicyLink(arn, name, reverse("cloud:policy_detail", args=[name]), False))
    return links


def kind_of(identity: Identity) -> str:
    return "role" if isinstance(identity, IamRole) else "user"


def detail_url(identity: Identity) -> str:
    return reverse(f"cloud:{kind_of(identity)}_detail", args=[identity.name])


def detail_page(
    request: HttpRequest,
    console: Console,
    identity: Identity,
    denied: PermissionDenied | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """A user's or role's detail page (also shown with IAM's refusal of a change)."""
    kind = kind_of(identity)
    context: dict[str, Any] = {
        "identity": identity,
        "kind": kind,
        "attached": policy_links(console.account, selectors.attached_arns(identity)),
        "inline": [(p.name, pretty(p.document)) for p in selectors.inline_policies(identity)],
        **{
            f"{action}_url": reverse(f"cloud:{kind}_{action}", args=[identity.name])
            for action in ("attach", "detach", "inline")
        },
        **(extra or {}),
    }
    if isinstance(identity, IamUser):
        context["keys"] = identity.access_keys.order_by("created_at")
        context["ACTIVE"] = AccessKey.ACTIVE
    else:
        context["trust_policy"] = pretty(identity.trust_policy)
    return page(request, console, f"cloud/{kind}_detail.html", context, denied)


@cloud_console
@require_http_methods(["GET", "POST"])
def attach(request: HttpRequest, console: Console, kind: str, name: str) -> HttpResponseBase:
    identity = selectors.identity_or_404(console.account, kind, name)
    choices = selectors.attachable_policies(console.account)
    form = AttachPolicyForm(request.POST or None, choices=choices)
    denied = None
    if request.method == "POST" and form.is_valid():
        arn = form.cleaned_data["policy"]
        denied = submit(form, lambda: services.attach_policy(console.actor, identity, arn))
        if denied is None and not form.errors:
            messages.success(request, _("Policy %(arn)s attached.") % {"arn": arn})
            return redirect(detail_url(identity))
    context = {"identity": identity, "kind": kind, "form": form}
    return page(request, console, "cloud/attach_policy.html", context, denied)


@cloud_console
@require_POST
def detach(request: HttpRequest, console: Console, kind: str, name: str) -> HttpResponseBase:
    identity = selectors.identity_or_404(console.account, kind, name)
    arn = request.POST.get("policy_arn", "")
    done, denied = act(request, lambda: services.detach_policy(console.actor, identity, arn))
    if denied is not None:
        return detail_page(request, console, identity, denied)
    if done:
        messages.success(request, _("Policy %(arn)s detached.") % {"arn": arn})
    return redirect(detail_url(identity))


@cloud_console
@require_http_methods(["GET", "POST"])
def add_inline(request: HttpRequest, console: Console, kind: str, name: str) -> HttpResponseBase:
    identity = selectors.identity_or_404(console.account, kind, name)
    form = InlinePolicyForm(request.POST or None)
    denied = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        denied = submit(
            form,
            lambda: services.put_inline_policy(
                console.actor, identity, data["name"], data["document"]
            ),
        )
        if denied is None and not form.errors:
            messages.success(request, _("Inline policy %(name)s saved.") % {"name": data["name"]})
            return redirect(detail_url(identity))
    context = {"identity": identity, "kind": kind, "form": form}
    return page(request, console, "cloud/inline_policy.html", context, denied)

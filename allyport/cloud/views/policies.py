"""Policies: the account's customer policies (list, Create policy, detail) and
the AWS managed policy catalogue (list with the guide's policy update history,
and each policy's versions with their documents)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.cloud import managed, selectors, services
from allyport.cloud.forms import CreatePolicyForm, pretty
from allyport.cloud.views.common import Console, cloud_console, page, submit


@cloud_console
@require_GET
def policy_list(request: HttpRequest, console: Console) -> HttpResponseBase:
    context = {"policies": selectors.customer_policies(console.account)}
    return page(request, console, "cloud/policies.html", context)


@cloud_console
@require_http_methods(["GET", "POST"])
def create_policy(request: HttpRequest, console: Console) -> HttpResponseBase:
    form = CreatePolicyForm(request.POST or None)
    denied = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        denied = submit(
            form,
            lambda: services.create_policy(
                console.actor, console.account, data["name"], data["document"],
                data["description"],
            ),
        )  # fmt: skip
        if denied is None and not form.errors:
            messages.success(request, _("Policy %(name)s created.") % {"name": data["name"]})
            return redirect("cloud:policy_detail", name=data["name"])
    return page(request, console, "cloud/policy_create.html", {"form": form}, denied)


@cloud_console
@require_GET
def policy_detail(request: HttpRequest, console: Console, name: str) -> HttpResponseBase:
    policy = selectors.policy_or_404(console.account, name)
    context = {"policy": policy, "document": pretty(policy.document)}
    return page(request, console, "cloud/policy_detail.html", context)


@cloud_console
@require_GET
def managed_list(request: HttpRequest, console: Console) -> HttpResponseBase:
    catalogue = sorted(managed.managed_policies().values(), key=lambda policy: policy.name)
    context = {"catalogue": catalogue, "updates": managed.policy_updates()}
    return page(request, console, "cloud/managed_policies.html", context)


@cloud_console
@require_GET
def managed_detail(request: HttpRequest, console: Console, name: str) -> HttpResponseBase:
    policy = selectors.managed_or_404(name)
    versions: list[dict[str, Any]] = [
        {
            "version_id": version.version_id,
            "created": version.created,
            "default": version.version_id == policy.default_version,
            "document": pretty(version.document) if version.document is not None else None,
        }
        for version in policy.versions
    ]
    return page(
        request, console, "cloud/managed_detail.html", {"policy": policy, "versions": versions}
    )

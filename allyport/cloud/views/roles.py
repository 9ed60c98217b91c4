"""Roles: the list, Create role (the guide's trust policy prefilled) and the
role's detail page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.cloud import selectors, services
from allyport.cloud.forms import CreateRoleForm
from allyport.cloud.views.common import Console, cloud_console, page, submit
from allyport.cloud.views.identities import detail_page


@cloud_console
@require_GET
def role_list(request: HttpRequest, console: Console) -> HttpResponseBase:
    context = {"roles": selectors.roles(console.account)}
    return page(request, console, "cloud/roles.html", context)


@cloud_console
@require_http_methods(["GET", "POST"])
def create_role(request: HttpRequest, console: Console) -> HttpResponseBase:
    form = CreateRoleForm(request.POST or None)
    denied = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        denied = submit(
            form,
            lambda: services.create_role(
                console.actor, console.account, data["name"], data["trust_policy"],
                data["description"],
            ),
        )  # fmt: skip
        if denied is None and not form.errors:
            messages.success(request, _("Role %(name)s created.") % {"name": data["name"]})
            return redirect("cloud:role_detail", name=data["name"])
    return page(request, console, "cloud/role_create.html", {"form": form}, denied)


@cloud_console
@require_GET
def role_detail(request: HttpRequest, console: Console, name: str) -> HttpResponseBase:
    return detail_page(request, console, selectors.role_or_404(console.account, name))

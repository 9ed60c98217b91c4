"""Users: the list, Create user and the user's detail page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.cloud import selectors, services
from allyport.cloud.forms import CreateUserForm
from allyport.cloud.views.common import Console, cloud_console, page, submit
from allyport.cloud.views.identities import detail_page


@cloud_console
@require_GET
def user_list(request: HttpRequest, console: Console) -> HttpResponseBase:
    context = {"users": selectors.users(console.account)}
    return page(request, console, "cloud/users.html", context)


@cloud_console
@require_http_methods(["GET", "POST"])
def create_user(request: HttpRequest, console: Console) -> HttpResponseBase:
    form = CreateUserForm(request.POST or None)
    denied = None
    if request.method == "POST" and form.is_valid():
        name, password = form.cleaned_data["name"], form.cleaned_data["password"]
        denied = submit(
            form, lambda: services.create_user(console.actor, console.account, name, password)
        )
        if denied is None and not form.errors:
            messages.success(request, _("User %(name)s created.") % {"name": name})
            return redirect("cloud:user_detail", name=name)
    return page(request, console, "cloud/user_create.html", {"form": form}, denied)


@cloud_console
@require_GET
def user_detail(request: HttpRequest, console: Console, name: str) -> HttpResponseBase:
    return detail_page(request, console, selectors.user_or_404(console.account, name))

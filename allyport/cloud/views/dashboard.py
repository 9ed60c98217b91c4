"""The console's home: the account, the signed-in user, and what the account holds."""

from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from allyport.cloud import selectors
from allyport.cloud.views.common import Console, cloud_console, page


@cloud_console
@require_GET
def home(request: HttpRequest, console: Console) -> HttpResponseBase:
    account = console.account
    context = {
        "account": account,
        "users": selectors.users(account),
        "roles": selectors.roles(account),
        "policies": selectors.customer_policies(account),
    }
    return page(request, console, "cloud/home.html", context)

"""Access keys: Create access key (the secret shown once), the key's page,
Make inactive / Make active, and Delete (typed `confirm`).

The secret exists in clear only in the response to Create access key: it is
not put in a URL, a message, the session or a log, and the response is marked
not to be stored by the browser or a proxy.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from allyport.access.decisions import PermissionDenied
from allyport.cloud import selectors, services
from allyport.cloud.models import AccessKey
from allyport.cloud.views.common import Console, act, cloud_console, page
from allyport.cloud.views.identities import detail_page, detail_url
from allyport.core.errors import ChangeRefused
from allyport.core.forms import ConfirmForm


def _key_page(
    request: HttpRequest,
    console: Console,
    key: AccessKey,
    form: ConfirmForm | None = None,
    denied: PermissionDenied | None = None,
) -> HttpResponse:
    context = {
        "key": key,
        "user": key.user,
        "form": form or ConfirmForm(),
        "ACTIVE": AccessKey.ACTIVE,
    }
    return page(request, console, "cloud/key_detail.html", context, denied)


@cloud_console
@require_POST
def create_key(request: HttpRequest, console: Console, name: str) -> HttpResponseBase:
    user = selectors.user_or_404(console.account, name)
    try:
        key, secret = services.create_access_key(console.actor, user)
    except PermissionDenied as denied:
        return detail_page(request, console, user, denied)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
        return redirect(detail_url(user))
    context = {"key": key, "user": user, "secret": secret}
    response = page(request, console, "cloud/key_created.html", context)
    add_never_cache_headers(response)
    return response


@cloud_console
@require_GET
def key_detail(request: HttpRequest, console: Console, key_id: str) -> HttpResponseBase:
    return _key_page(request, console, selectors.access_key_or_404(console.account, key_id))


@cloud_console
@require_POST
def key_status(request: HttpRequest, console: Console, key_id: str) -> HttpResponseBase:
    key = selectors.access_key_or_404(console.account, key_id)
    status = request.POST.get("status", "")
    done, denied = act(request, lambda: services.set_access_key_status(console.actor, key, status))
    if denied is not None:
        return _key_page(request, console, key, denied=denied)
    if done:
        message = (
            _("Access key %(id)s is now active.")
            if status == AccessKey.ACTIVE
            else _("Access key %(id)s is now inactive.")
        )
        messages.success(request, message % {"id": key.access_key_id})
    return redirect(detail_url(key.user))


@cloud_console
@require_POST
def key_delete(request: HttpRequest, console: Console, key_id: str) -> HttpResponseBase:
    key = selectors.access_key_or_404(console.account, key_id)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return _key_page(request, console, key, form)
    user, key_label = key.user, key.access_key_id
    done, denied = act(request, lambda: services.delete_access_key(console.actor, key))
    if denied is not None:
        return _key_page(request, console, key, form, denied)
    if done:
        messages.success(request, _("Access key %(id)s deleted.") % {"id": key_label})
    return redirect(detail_url(user))

"""Webhooks (My Company): list, Create webhook (the secret shown once), Activate and
Deactivate, Delete webhook, Send test event, and the delivery log of each webhook.
For the alliance lead and alliance team (`manage_webhooks`)."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.decisions import PermissionDenied, authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import View, forbidden, member_page
from allyport.core.errors import ChangeRefused
from allyport.events import selectors, services
from allyport.events.envelopes import DETAIL_TYPES
from allyport.events.forms import DeleteWebhookForm, WebhookForm

LOG_PAGE_SIZE = 50


def webhooks_page(view: View) -> View:
    """A signed-in member whose roles hold `manage_webhooks`; others get 403 with the
    reason. A right lost meanwhile (the service refuses) is a 403 too."""

    @member_page()
    @wraps(view)
    def wrapper(request: ActorRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        decision = authorize(request.actor, services.RIGHT)
        if not decision:
            return forbidden(request, decision)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refused:
            return forbidden(request, refused.decision)

    return wrapper


@webhooks_page
@require_GET
def webhook_list(request: ActorRequest) -> HttpResponse:
    hooks = selectors.webhooks(request.actor)
    return render(request, "events/webhook_list.html", {"webhooks": hooks})


@webhooks_page
@require_http_methods(["GET", "POST"])
def webhook_create(request: ActorRequest) -> HttpResponse:
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            webhook, secret = services.create_webhook(
                request.actor,
                form.cleaned_data["url"],
                form.cleaned_data["description"],
                form.chosen_event_types(),
            )
        except ChangeRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.reason)
        else:
            response = render(
                request, "events/webhook_created.html", {"webhook": webhook, "secret": secret}
            )
            add_never_cache_headers(response)
            return response
    return render(request, "events/webhook_form.html", {"form": form})


@webhooks_page
@require_GET
def webhook_detail(request: ActorRequest, webhook_id: str) -> HttpResponse:
    webhook = selectors.webhook_or_404(request.actor, webhook_id)
    page = Paginator(selectors.delivery_log(webhook), LOG_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "webhook": webhook,
        "page": page,
        "event_types": webhook.event_types or DETAIL_TYPES,
        "all_events": not webhook.event_types,
    }
    return render(request, "events/webhook_detail.html", context)


@webhooks_page
@require_POST
def webhook_status(request: ActorRequest, webhook_id: str) -> HttpResponse:
    webhook = selectors.webhook_or_404(request.actor, webhook_id)
    active = request.POST.get("active") == "1"
    services.set_active(request.actor, webhook, active)
    messages.success(
        request, _("The webhook is active.") if active else _("The webhook is inactive.")
    )
    return redirect("webhooks:detail", webhook.public_id)


@webhooks_page
@require_POST
def webhook_test(request: ActorRequest, webhook_id: str) -> HttpResponse:
    webhook = selectors.webhook_or_404(request.actor, webhook_id)
    try:
        services.send_test_event(request.actor, webhook)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("A test event is on its way; see the delivery log below."))
    return redirect("webhooks:detail", webhook.public_id)


@webhooks_page
@require_http_methods(["GET", "POST"])
def webhook_delete(request: ActorRequest, webhook_id: str) -> HttpResponse:
    webhook = selectors.webhook_or_404(request.actor, webhook_id)
    form = DeleteWebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_webhook(request.actor, webhook, form.cleaned_data["confirm"])
        except ChangeRefused as refused:
            form.add_error("confirm", refused.reason)
        else:
            messages.success(request, _("The webhook is deleted."))
            return redirect("webhooks:list")
    return render(request, "events/webhook_delete.html", {"form": form, "webhook": webhook})

"""Build > Device Listing: the company's devices, submit one for qualification; and
the public device catalogue (no sign-in)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.build import devices as services
from allyport.content.build import selectors
from allyport.content.build.forms import DeviceForm
from allyport.content.build.models import Device, DeviceCategory
from allyport.content.permissions import DEVICE_LISTING
from allyport.content.shared.forms import also_check, show_refusal
from allyport.content.shared.pages import choice, page_of, words
from allyport.content.shared.review import find_for
from allyport.core.errors import ChangeRefused, RuleViolation


@member_page(DEVICE_LISTING)
@require_GET
def device_list(request: ActorRequest) -> HttpResponse:
    return render(
        request, "content/build/devices.html", {"devices": selectors.devices(request.actor)}
    )


def _initial(device: Device | None) -> dict[str, str]:
    if device is None:
        return {}
    specs = "\n".join(f"{name}: {value}" for name, value in device.specifications.items())
    return {
        "name": device.name, "model_number": device.model_number, "category": device.category,
        "description": device.description, "specifications": specs,
    }  # fmt: skip


def _form_page(request: ActorRequest, device: Device | None) -> HttpResponse:
    form = DeviceForm(request.POST or None, request.FILES or None, initial=_initial(device))
    if request.method == "POST" and form.is_valid():
        sheet = form.cleaned_data.get("datasheet")
        try:
            if device is None:
                device = services.create_device(request.actor, form.cleaned_data, sheet)
            else:
                services.update_device(request.actor, device.public_id, form.cleaned_data, sheet)
        except (RuleViolation, ChangeRefused) as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, _("The device is saved."))
            return redirect("content:device", device.public_id)
    elif request.method == "POST":
        also_check(form, lambda given: services.clean(given))
    return render(request, "content/build/device_form.html", {"form": form, "device": device})


@member_page(DEVICE_LISTING)
@require_http_methods(["GET", "POST"])
@service_refusals
def device_new(request: ActorRequest) -> HttpResponse:
    return _form_page(request, None)


@member_page(DEVICE_LISTING)
@require_http_methods(["GET", "POST"])
@service_refusals
def device(request: ActorRequest, public_id: str) -> HttpResponse:
    return _form_page(request, find_for(request.actor, Device, public_id))


@member_page(DEVICE_LISTING)
@require_POST
@service_refusals
def device_submit(request: ActorRequest, public_id: str) -> HttpResponse:
    try:
        services.submit_device(request.actor, public_id)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The device is submitted for qualification."))
    return redirect("content:device", public_id)


@require_GET
def device_catalogue(request: ActorRequest) -> HttpResponse:
    """Qualified devices, public."""
    query, category = words(request), choice(request, "category", DeviceCategory)
    context = {
        "page": page_of(request, selectors.device_catalogue(query, category)),
        "q": query, "category": category, "categories": DeviceCategory.choices,
    }  # fmt: skip
    return render(request, "content/build/device_catalogue.html", context)

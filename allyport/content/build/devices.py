"""Device Listing: a member submits a hardware product with its specifications for
qualification; staff review it; qualified devices appear in the public catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.content.build.models import Device, DeviceCategory
from allyport.content.permissions import DEVICE_LISTING, REVIEW_DEVICE, SUBMIT_DEVICE
from allyport.content.shared import files, guard, review
from allyport.content.shared.rules import raise_if, text_fields
from allyport.core.errors import FieldError, RuleViolation

LIMITS = {"name": 200, "model_number": 80, "description": 5000}
MAX_SPECS = 40


def parse_specifications(text: str) -> tuple[dict[str, str], list[FieldError]]:
    """ "Name: value" lines (e.g. "Power: 12 V DC") into an ordered mapping."""
    specs: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, colon, value = line.partition(":")
        if not colon or not name.strip() or not value.strip():
            message = _("Line %(n)s: write each specification as “Name: value”.") % {"n": number}
            return specs, [FieldError("specifications", message)]
        specs[name.strip()[:80]] = value.strip()[:300]
    if not specs:
        return specs, [FieldError("specifications", _("List at least one specification."))]
    if len(specs) > MAX_SPECS:
        return specs, [
            FieldError("specifications", _("At most %(n)s specifications.") % {"n": MAX_SPECS})
        ]
    return specs, []


def clean(given: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any]
    data, errors = text_fields(given, LIMITS)  # type: ignore[assignment]
    specs, more = parse_specifications(str(given.get("specifications") or ""))
    category = given.get("category")
    if category not in DeviceCategory.values:
        more.append(FieldError("category", _("Choose a category.")))
    raise_if(errors + more)
    return {**data, "category": category, "specifications": specs}


def _datasheet(device: Device, upload: UploadedFile | None) -> None:
    if upload is not None:
        device.datasheet = files.store_upload(upload, files.DOCUMENTS, "datasheet")


def _save(device: Device) -> None:
    try:
        with transaction.atomic():
            device.save()
    except IntegrityError:
        message = _("Your company already listed a device with this model number.")
        raise RuleViolation([FieldError("model_number", message)]) from None


def create_device(
    actor: Actor, given: Mapping[str, Any], datasheet: UploadedFile | None = None
) -> Device:
    guard.require(actor, SUBMIT_DEVICE, actor.company, menu=DEVICE_LISTING)
    data = clean(given)
    if datasheet is not None:
        files.check_upload(datasheet, files.DOCUMENTS, "datasheet")
    with transaction.atomic():
        device = Device(company=actor.company, **data)
        _datasheet(device, datasheet)
        _save(device)
        guard.record(
            actor, "CreateDevice", company=actor.company, resource_type="Device",
            identifier=device.public_id,
        )  # fmt: skip
    return device


def update_device(
    actor: Actor, public_id: str, given: Mapping[str, Any], datasheet: UploadedFile | None = None
) -> Device:
    guard.require(actor, SUBMIT_DEVICE, actor.company, menu=DEVICE_LISTING)
    data = clean(given)
    with transaction.atomic():
        device = review.find_for(actor, Device, public_id, lock=True)
        review.check_editable(device)
        for name, value in data.items():
            setattr(device, name, value)
        _datasheet(device, datasheet)
        device.updated_at = timezone.now()
        _save(device)
        guard.record(
            actor, "UpdateDevice", company=device.company, resource_type="Device",
            identifier=public_id,
        )  # fmt: skip
    return device


def submit_device(actor: Actor, public_id: str) -> Device:
    return review.submit(actor, Device, public_id, SUBMIT_DEVICE, DEVICE_LISTING, "SubmitDevice")


def review_device(actor: Actor, public_id: str, *, approve: bool, note: str = "") -> Device:
    return review.decide(
        actor, Device, public_id, REVIEW_DEVICE, approve=approve, note=note, event="ReviewDevice"
    )

"""The Event history filter (GET): one lookup attribute, a time range, read-only events,
and the signed cursor of the page asked for."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext, gettext_lazy

from allyport.audit import selectors
from allyport.audit.selectors import Cursor, InvalidLookup

CURSOR_SALT = "allyport.audit.event-history.cursor"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
DATETIME_INPUT = "%Y-%m-%dT%H:%M"
ATTRIBUTE_CHOICES = [
    ("", gettext_lazy("None (all events)")),
    ("EventName", gettext_lazy("Event name")),
    ("Username", gettext_lazy("User name")),
    ("EventSource", gettext_lazy("Event source")),
    ("ResourceName", gettext_lazy("Resource name")),
    ("AccessKeyId", gettext_lazy("AWS access key")),
    ("ReadOnly", gettext_lazy("Read-only")),
    ("EventId", gettext_lazy("Event ID")),
]
PARSERS: dict[str, Callable[[str], object]] = {
    "ReadOnly": selectors.parse_read_only,
    "EventId": selectors.parse_event_id,
}
VALUE_ERRORS = {
    "ReadOnly": gettext_lazy("For Read-only, enter true or false."),
    "EventId": gettext_lazy("Enter an event ID, such as 6a3f0c52-2b1e-4e57-9f0e-7d1c2a9b8e41."),
}
BAD_CURSOR = gettext_lazy(
    "This page link is not valid or was made for other filters. Start again from the first page."
)


def _datetime_field(label: Any) -> forms.DateTimeField:
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT)
    return forms.DateTimeField(label=label, required=False, widget=widget)


class EventHistoryForm(forms.Form):
    attribute = forms.ChoiceField(
        label=gettext_lazy("Lookup attributes"), choices=ATTRIBUTE_CHOICES, required=False
    )
    value = forms.CharField(label=gettext_lazy("Attribute value"), max_length=256, required=False)
    start = _datetime_field(gettext_lazy("Start time (UTC)"))
    end = _datetime_field(gettext_lazy("End time (UTC)"))
    read_only = forms.BooleanField(label=gettext_lazy("Read-only events"), required=False)
    after = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        self._check_lookup(data.get("attribute") or "", data.get("value") or "")
        self._check_range(data.get("start"), data.get("end"))
        if data.get("after") and not self.errors:
            data["cursor"] = self._read_cursor(data["after"])
        return data

    def _check_lookup(self, attribute: str, value: str) -> None:
        if attribute and not value:
            self.add_error("value", gettext_lazy("Enter a value for the lookup attribute."))
        elif value and not attribute:
            self.add_error("attribute", gettext_lazy("Choose a lookup attribute for this value."))
        elif attribute in PARSERS:
            try:
                PARSERS[attribute](value)
            except InvalidLookup:
                self.add_error("value", VALUE_ERRORS[attribute])

    def _check_range(self, start: datetime | None, end: datetime | None) -> None:
        if start and end and end < start:
            self.add_error("end", gettext_lazy("The end time must be after the start time."))
        elif end and end < selectors.retention_start():
            message = gettext(
                "Event history keeps the last %(days)d days only: choose a later end time."
            )
            self.add_error("end", message % {"days": settings.ALLYPORT_EVENT_RETENTION_DAYS})

    def fingerprint(self) -> str:
        """Which filters a cursor belongs to: as LookupEvents' NextToken, a cursor is
        good only with the parameters that made it."""
        data = self.cleaned_data
        parts = [data.get("attribute"), data.get("value"), data.get("read_only")]
        parts += [d.isoformat() if d else "" for d in (data.get("start"), data.get("end"))]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:16]

    def _read_cursor(self, token: str) -> Cursor | None:
        try:
            micros, row_id, fingerprint = signing.loads(token, salt=CURSOR_SALT)
            moment = EPOCH + timedelta(microseconds=int(micros))
            if fingerprint != self.fingerprint():
                raise ValueError(fingerprint)
            return Cursor(moment, int(row_id))
        except (signing.BadSignature, ValueError, TypeError, OverflowError):
            self.add_error("after", BAD_CURSOR)
            return None

    def cursor_token(self, cursor: Cursor) -> str:
        # Microseconds as an integer: exact, unlike a float of seconds.
        delta = cursor.event_time - EPOCH
        micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return signing.dumps([micros, cursor.id, self.fingerprint()], salt=CURSOR_SALT)

    def lookup(self) -> dict[str, Any]:
        """The selector's keyword arguments for a valid form."""
        data = self.cleaned_data
        return {
            "attribute": data["attribute"] or None,
            "value": data["value"] or None,
            "start": data["start"],
            "end": data["end"],
            "include_read_only": data["read_only"],
        }

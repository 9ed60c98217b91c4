"""Form fields built from the selling API's model: enums become selects and check
boxes, length and pattern limits become validators, so a form refuses what the
API would refuse, with messages people can read, and follows a newer model."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from botocore.model import Shape
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_stubs_ext import StrOrPromise

from allyport.shapes import patterns
from allyport.shapes.selling import shape

ROOT = "CreateOpportunityRequest"
_LENGTH = re.compile(r"\(\?s\)\.\{(\d+),(\d+)\}")
_INDEX = re.compile(r"\[\d+\]$")
CHOOSE = gettext_lazy("Choose…")
BAD_FORMAT = gettext_lazy("Enter a value in the format the API accepts.")


@cache
def api_shape(path: str) -> Shape:
    """The model's shape at a request path, e.g. `Project.ExpectedCustomerSpend[0].Amount`
    (a list member's shape when the part has an index)."""
    current = shape(ROOT)
    for part in path.split("."):
        current = current.members[_INDEX.sub("", part)]  # type: ignore[attr-defined]
        if _INDEX.search(part):
            current = current.member  # type: ignore[attr-defined]
    return current


def _enum(path: str) -> list[str]:
    found = api_shape(path)
    if found.type_name == "list":
        found = found.member  # type: ignore[attr-defined]
    return list(found.enum)  # type: ignore[attr-defined]


def _labels(path: str) -> list[tuple[str, StrOrPromise]]:
    values = _enum(path)
    if path.endswith("CountryCode"):
        names = dict(countries)
        return [(code, f"{names.get(code, code)} ({code})") for code in values]
    return [(value, value) for value in values]


def text(
    path: str,
    label: StrOrPromise,
    *,
    required: bool = False,
    widget: forms.Widget | type[forms.Widget] | None = None,
    message: StrOrPromise = BAD_FORMAT,
    help_text: StrOrPromise = "",
) -> forms.CharField:
    """A text field with the model's length (`(?s).{a,b}`) or pattern limits."""
    pattern = api_shape(path).metadata.get("pattern", "")
    kwargs: dict[str, Any] = {}
    length = _LENGTH.fullmatch(pattern)
    if length:
        low, high = int(length[1]), int(length[2])
        kwargs["max_length"] = high
        if low > 1:
            kwargs["min_length"] = low
    elif pattern and (regex := patterns.compiled(pattern)) is not None:
        kwargs["validators"] = [RegexValidator(regex, message)]
    return forms.CharField(
        label=label, required=required, widget=widget, help_text=help_text, **kwargs
    )


def choice(path: str, label: StrOrPromise, *, required: bool = False) -> forms.ChoiceField:
    """A select of the enum's values (an empty first option unless required)."""
    options: list[tuple[str, StrOrPromise]] = [] if required else [("", CHOOSE)]
    return forms.ChoiceField(label=label, required=required, choices=options + _labels(path))


def choices(path: str, label: StrOrPromise) -> forms.MultipleChoiceField:
    """Check boxes for a list of enum values."""
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        choices=_labels(path),
        widget=forms.CheckboxSelectMultiple,
    )


class LinesField(forms.CharField):
    """A list of strings, one per line (APN programs, marketing use cases)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text_value = super().to_python(value)
        return [line.strip() for line in str(text_value).splitlines() if line.strip()]

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

"""Checking submitted text: every problem of every field at once, named by field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from allyport.core.errors import REQUIRED, FieldError, RuleViolation


def text_fields(
    given: Mapping[str, Any], limits: Mapping[str, int], *, optional: tuple[str, ...] = ()
) -> tuple[dict[str, str], list[FieldError]]:
    """The fields trimmed, with an error for each missing required one or one too long."""
    cleaned: dict[str, str] = {}
    errors: list[FieldError] = []
    for name, limit in limits.items():
        value = given.get(name)
        value = value.strip() if isinstance(value, str) else ""
        if not value and name not in optional:
            errors.append(FieldError(name, _("This field is required."), REQUIRED))
        elif len(value) > limit:
            errors.append(FieldError(name, _("At most %(n)s characters.") % {"n": limit}))
        cleaned[name] = value
    return cleaned, errors


def url_errors(value: str, field: str) -> list[FieldError]:
    if not value:
        return []
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return [FieldError(field, _("Enter a web address starting with https://."))]
    return []


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise RuleViolation(errors)

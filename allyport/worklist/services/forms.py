"""A task's form, from its definition's `form_fields` (data): the fields the page
shows and the one check every way in uses, reporting every problem at once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from allyport.core.errors import REQUIRED, FieldError, RuleViolation

KINDS = ("text", "textarea", "url", "date", "checkbox")
MAX_TEXT = 2000


def field_problems(fields: Any) -> list[str]:
    """Problems with a definition's form_fields (the admin shows them)."""
    if not isinstance(fields, list):
        return ["form_fields is a list of objects."]
    problems, names = [], set()
    for index, field in enumerate(fields):
        if not isinstance(field, dict) or not isinstance(field.get("name"), str):
            problems.append(f"Field {index + 1} needs a name.")
            continue
        if not field["name"].isidentifier() or field["name"] in names:
            problems.append(f"Field {index + 1}: {field['name']!r} is not a unique identifier.")
        names.add(field["name"])
        if field.get("kind", "text") not in KINDS:
            problems.append(f"Field {field['name']}: kind is one of {', '.join(KINDS)}.")
        if not isinstance(field.get("label"), str) or not field["label"]:
            problems.append(f"Field {field['name']} needs a label.")
    return problems


def _clean_one(field: Mapping[str, Any], raw: Any) -> tuple[Any, str | None]:
    """(value, problem) for one field."""
    kind = field.get("kind", "text")
    if kind == "checkbox":
        value = raw in (True, "on", "true", "1", "yes")
        return value, _("Tick this box.") if field.get("required") and not value else None
    text = str(raw or "").strip()
    if not text:
        return "", _("Fill in this field.") if field.get("required") else None
    if len(text) > MAX_TEXT:
        return text, _("Use at most %(n)d characters.") % {"n": MAX_TEXT}
    if kind == "url":
        try:
            URLValidator(schemes=["https", "http"])(text)
        except ValidationError:
            return text, _("Enter an address such as https://example.com.")
    if kind == "date":
        try:
            date.fromisoformat(text)
        except ValueError:
            return text, _("Enter a date as YYYY-MM-DD.")
    return text, None


def clean_answers(fields: list[Mapping[str, Any]], given: Mapping[str, Any]) -> dict[str, Any]:
    """The answers to store, or a RuleViolation naming every field that is wrong."""
    answers, errors = {}, []
    for field in fields:
        value, problem = _clean_one(field, given.get(field["name"]))
        answers[field["name"]] = value
        if problem:
            code = REQUIRED if value in ("", False) else "INVALID_VALUE"
            errors.append(FieldError(field["name"], problem, code))
    if errors:
        raise RuleViolation(errors)
    return answers

"""Rows of a list page as plain values: the columns a page reads, JSON ones decoded
with orjson.

A page of 100 model instances, or of `values()` whose JSON columns go through the
standard decoder, cost more than the query: the decoder alone was about a tenth of a
SearchOpportunities page. JSON columns are read as text (`Cast`, the same text the
database sends for them) and decoded with orjson, several times faster and giving the
same values, with one difference: orjson reads an integer beyond 64 bits as a float.
So rows are for columns written through shape validation, which bounds integers to
64 bits (`shapes/validation.py`); scanning each text for long digit runs cost more
than the decoding saved. Text orjson refuses (NaN) goes to the standard decoder, and
text that is no JSON stays text, as Django's JSONField leaves it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

import orjson
from django.core.exceptions import FieldDoesNotExist
from django.db.models import JSONField, QuerySet, TextField
from django.db.models.functions import Cast

TEXT = "__as_text"


def decode(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


class PlainRows:
    """Which of `columns` (names of a model's fields, or annotations) hold JSON, how
    to select them all, and the rows as namespaces with those names."""

    def __init__(self, queryset: QuerySet[Any], columns: Iterable[str]) -> None:
        names = list(dict.fromkeys(columns))
        self.json = [name for name in names if _is_json(queryset, name)]
        self.plain = [name for name in names if name not in self.json]

    def select(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        texts = {name + TEXT: Cast(name, TextField()) for name in self.json}
        return queryset.values(*self.plain, **texts)

    def rows(self, items: Iterable[dict[str, Any]]) -> list[SimpleNamespace]:
        found = []
        for values in items:
            for name in self.json:
                values[name] = decode(values.pop(name + TEXT))
            found.append(SimpleNamespace(**values))
        return found


def _is_json(queryset: QuerySet[Any], name: str) -> bool:
    try:
        return isinstance(queryset.model._meta.get_field(name), JSONField)
    except FieldDoesNotExist:  # an annotation or a related lookup
        return False

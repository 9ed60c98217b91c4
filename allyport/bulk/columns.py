"""The columns of bulk files, read from the selling API's model.

A column is a leaf of the CreateOpportunity request, named by its path
(`Customer.Account.CompanyName`, `Customer.Contacts[0].Email`): what a person fills
and UpdateOpportunity replaces (`payload.UPDATABLE`), without the members only AWS
sets. Lists of values are one cell, separated by ";"; lists of structures offer
their first item. Exports add the opportunity's id and LastModifiedDate (which a
bulk update needs) and a few read-only columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from botocore.model import Shape
from django.utils.translation import gettext as _

from allyport.core.spreadsheets import FORMULA_STARTS
from allyport.pipeline.services import READ_ONLY_LIFE_CYCLE, UPDATABLE
from allyport.shapes.selling import service_model

SEPARATOR = ";"
ID = "Id"
LAST_MODIFIED = "LastModifiedDate"
# Shown in exports, ignored when read back.
INFORMATION = ("LifeCycle.ReviewStatus", "CreatedDate", "Owner")
# The order people fill them in; the same members as UPDATABLE.
TOP_ORDER = (
    "Customer",
    "Project",
    "LifeCycle",
    "OpportunityType",
    "PrimaryNeedsFromAws",
    "NationalSecurity",
    "PartnerOpportunityIdentifier",
    "Marketing",
    "SoftwareRevenue",
)
_LENGTH = re.compile(r"\(\?s\)\.\{(\d+),(\d+)\}")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True)
class Column:
    path: str
    parts: tuple[tuple[str, int | None], ...]  # ("Contacts", 0) for "Contacts[0]"
    shape: Shape  # the leaf's shape; for a list of values, the item's shape
    multi: bool

    @property
    def is_date(self) -> bool:
        return self.shape.name == "Date"

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self.shape.enum or ())

    def describe(self) -> str:
        """How to fill the cell, for the template's Fields sheet."""
        if self.is_date:
            text = _("Date, YYYY-MM-DD")
        elif self.values:
            text = _("One of the allowed values")
        else:
            match = _LENGTH.fullmatch(self.shape.metadata.get("pattern", ""))
            text = _("Text, up to %(max)s characters") % {"max": match[2]} if match else _("Text")
        if self.multi:
            text = _("%(kind)s; several separated by %(separator)s") % {
                "kind": text,
                "separator": SEPARATOR,
            }
        return text


def _parts(path: str) -> tuple[tuple[str, int | None], ...]:
    parts: list[tuple[str, int | None]] = []
    for piece in path.split("."):
        name, _bracket, index = piece.partition("[")
        parts.append((name, int(index.rstrip("]")) if index else None))
    return tuple(parts)


def _leaves(shape: Shape, path: str) -> Iterator[Column]:
    if shape.type_name == "structure":
        for name, member in shape.members.items():  # type: ignore[attr-defined]
            if path == "LifeCycle" and name in READ_ONLY_LIFE_CYCLE:
                continue
            yield from _leaves(member, f"{path}.{name}")
    elif shape.type_name == "list":
        item = shape.member  # type: ignore[attr-defined]
        if item.type_name == "structure":
            yield from _leaves(item, f"{path}[0]")
        else:
            yield Column(path, _parts(path), item, multi=True)
    else:
        yield Column(path, _parts(path), shape, multi=False)


@cache
def opportunity_columns() -> tuple[Column, ...]:
    """The template's columns, in TOP_ORDER and the model's order within each member."""
    assert set(TOP_ORDER) == set(UPDATABLE)
    members = service_model().operation_model("CreateOpportunity").input_shape.members
    return tuple(column for name in TOP_ORDER for column in _leaves(members[name], name))


@cache
def by_path() -> dict[str, Column]:
    return {column.path: column for column in opportunity_columns()}


def export_header() -> list[str]:
    return [ID, LAST_MODIFIED, *(c.path for c in opportunity_columns()), *INFORMATION]


# --- cells -> payload --------------------------------------------------------------


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def cell_text(value: Any) -> str:
    """A cell as text: numbers and dates typed in a spreadsheet become what the API
    expects; the quote that guards a formula-like value on export is taken off."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _date(text: str) -> str:
    """ISO dates as they are; the AWS template's MM/DD/YYYY turned into them."""
    match = _US_DATE.fullmatch(text)
    if match is None:
        return text
    month, day, year = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def value_of(column: Column, text: str) -> Any:
    """The request value of a non-empty cell."""
    if column.multi:
        return [item.strip() for item in text.split(SEPARATOR) if item.strip()]
    return _date(text) if column.is_date else text


def set_value(data: dict[str, Any], column: Column, value: Any) -> None:
    """Put `value` at the column's path, making the structures and list items it needs;
    None removes the leaf (empty structures are dropped later by `payload.clean`)."""
    node: Any = data
    *heads, (last, last_index) = column.parts
    for name, index in heads:
        if index is None:
            if value is None and not isinstance(node.get(name), dict):
                return
            node = node.setdefault(name, {})
            continue
        items = node.setdefault(name, [])
        if len(items) <= index:
            if value is None:
                return
            items.extend({} for _ in range(index + 1 - len(items)))
        node = items[index]
    assert last_index is None  # leaves are never list items
    if value is None:
        node.pop(last, None)
    else:
        node[last] = value


def get_value(data: Mapping[str, Any], column: Column) -> str:
    """The cell of a stored opportunity: lists of values joined by ";"."""
    node: Any = data
    for name, index in column.parts:
        node = node.get(name) if isinstance(node, Mapping) else None
        if index is not None:
            node = node[index] if isinstance(node, list) and len(node) > index else None
    if node is None:
        return ""
    if isinstance(node, list):
        return SEPARATOR.join(str(item) for item in node)
    return str(node)

"""Keyset pagination with opaque, signed NextTokens.

A token holds the sort key of the last row of its page and a fingerprint of the
query; the next page starts strictly after that key in (column, public_id)
order. Rows added meanwhile land before or after the cursor and never shift a
page, so no row repeats and none is skipped; each token names a different
position, so a paginator never sees one twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from django.core import signing
from django.db.models import F, Model, Q, QuerySet
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.utils.translation import gettext as _

from allyport.core.errors import REQUEST, refuse

M = TypeVar("M", bound=Model)
SALT = "allyport.pipeline.keyset"
ID = "public_id"


@dataclass(frozen=True)
class SortKey:
    column: str
    kind: str = "str"  # "str" | "datetime" | "date"
    nullable: bool = False


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_token: str | None


def _field(row: Any, name: str) -> Any:
    """A row's value: rows are model instances, or dicts from `values()`."""
    return row[name] if isinstance(row, dict) else getattr(row, name)


def fingerprint(query: Any) -> str:
    """The same filters and sort give the same fingerprint (a token fits only its query)."""
    text = json.dumps(query, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _dump(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _load(value: Any, kind: str) -> Any:
    if value is None or kind == "str":
        return value
    return datetime.fromisoformat(value) if kind == "datetime" else date.fromisoformat(value)


def _decode(token: str, print_: str, key: SortKey) -> tuple[Any, str]:
    try:
        data = signing.loads(token, salt=SALT)
        if data["f"] != print_:
            raise ValueError("another query")
        return _load(data["v"], key.kind), str(data["i"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise refuse(
            "NextToken", _("The NextToken is not valid for this request."), reason=REQUEST
        ) from None


def _ordered(queryset: QuerySet[M], key: SortKey, descending: bool) -> QuerySet[M]:
    if key.column == ID:
        return queryset.order_by(f"-{ID}" if descending else ID)
    if descending:
        return queryset.order_by(F(key.column).desc(nulls_first=True), f"-{ID}")
    return queryset.order_by(F(key.column).asc(nulls_last=True), ID)


def _after(key: SortKey, descending: bool, value: Any, last_id: str) -> Q:
    """Rows strictly after (value, last_id) in the page order; nulls sort last going up
    and first going down, as a B-tree index yields them on PostgreSQL."""
    id_after = Q(**{f"{ID}__lt" if descending else f"{ID}__gt": last_id})
    if key.column == ID:
        return id_after
    column_null = Q(**{f"{key.column}__isnull": True})
    if value is None:  # among the nulls: the rest of them, then (going down) every value
        among_nulls = column_null & id_after
        return among_nulls | ~column_null if descending else among_nulls
    pair = Tuple(F(key.column), F(ID))
    lookup = TupleLessThan if descending else TupleGreaterThan
    after = Q(lookup(pair, (value, last_id)))
    return after if descending or not key.nullable else after | column_null


def paginate(
    queryset: QuerySet[M],
    key: SortKey,
    *,
    descending: bool,
    size: int,
    token: str | None,
    query: Any,
) -> Page:
    """One page of `size` rows and the token of the next one (None after the last)."""
    print_ = fingerprint(query)
    queryset = _ordered(queryset, key, descending)
    if token:
        value, last_id = _decode(token, print_, key)
        queryset = queryset.filter(_after(key, descending, value, last_id))
    rows = list(queryset[: size + 1])
    if len(rows) <= size:
        return Page(rows, None)
    last = rows[size - 1]
    payload = {"f": print_, "v": _dump(_field(last, key.column)), "i": _field(last, ID)}
    return Page(rows[:size], signing.dumps(payload, salt=SALT, compress=True))

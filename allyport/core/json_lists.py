"""Whether a JSON list stored in a JSONField holds a matching element, in SQL.

Django's JSON `contains` lookup is PostgreSQL-only and has no case-insensitive
form, so the search filters ("many" fields of `filter_tree`) use this one
expression: EXISTS over the list's elements (SQLite `json_each`, PostgreSQL
`jsonb_array_elements`), comparing each element — or one member of each element,
for lists of objects such as tags — exactly or as a case-insensitive substring.
It is never NULL, so a negated filter keeps the rows without the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import BooleanField, Expression, F
from django.db.models.fields.json import compile_json_path  # type: ignore[attr-defined]

_SQLITE = (
    "EXISTS (SELECT 1 FROM json_each({column}, %s) AS e "
    "WHERE json_type({column}, %s) = 'array' AND {compare})"
)
_POSTGRES = "EXISTS (SELECT 1 FROM jsonb_array_elements({guarded}) AS e(v) WHERE {compare})"


def like_pattern(text: str) -> str:
    """`%text%` with LIKE's wildcards taken literally (escape character: backslash)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ListHas(Expression):
    """`column` is a JSONField; `path` the keys down to the list inside it (empty: the
    column itself is the list); `item` the member compared when elements are objects."""

    output_field = BooleanField()

    def __init__(
        self, column: str, path: tuple[str, ...], value: str, *, item: str = "", contains: bool
    ) -> None:
        super().__init__(output_field=BooleanField())
        self.column: Any = F(column)
        self.path, self.item, self.value, self.contains = path, item, value, contains

    def get_source_expressions(self) -> list[Any]:
        return [self.column]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.column,) = exprs

    def _needle(self) -> str:
        return like_pattern(self.value) if self.contains else self.value

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        # Unreachable: the allyport.E001 system check refuses other databases at start.
        raise NotImplementedError(f"ListHas is not written for {connection.vendor}")

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.column)
        path = compile_json_path(self.path)
        element = "json_extract(e.value, %s)" if self.item else "e.value"
        element_params = [compile_json_path([self.item])] if self.item else []
        compare = "lower(%s) LIKE lower(%%s) ESCAPE '\\'" if self.contains else "%s = %%s"
        # Only the compiled column and constants enter the text; values are parameters.
        sql = _SQLITE.format(column=column, compare=compare % element)
        return sql, [*params, path, *params, path, *element_params, self._needle()]

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.column)
        # A missing path or a non-list reads as an empty list (elements of a scalar fail).
        target = f"({column} #> %s::text[])"
        guarded = f"CASE WHEN jsonb_typeof({target}) = 'array' THEN {target} ELSE '[]'::jsonb END"
        element = "(e.v ->> %s)" if self.item else "(e.v #>> '{}')"
        element_params = [self.item] if self.item else []
        compare = "lower(%s) LIKE lower(%%s)" if self.contains else "%s = %%s"
        sql = _POSTGRES.format(guarded=guarded, compare=compare % element)
        path = list(self.path)
        return sql, [*params, path, *params, path, *element_params, self._needle()]

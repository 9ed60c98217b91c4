"""What the catalogue's entries share: the solution types and common form fields."""

from __future__ import annotations

from typing import Any

SOFTWARE, SERVICE, MSP = "software", "service", "msp"
ALL_KINDS = [SOFTWARE, SERVICE, MSP]


def date_field(label: str = "Date you finished") -> dict[str, Any]:
    return {"name": "finished_on", "label": label, "kind": "date", "required": True}


NOTES = {"name": "notes", "label": "Notes for your team", "kind": "textarea", "required": False}


def solution_task(
    key: str, stage: str, kinds: list[str], title: str, description: str, **rest: Any
) -> dict[str, Any]:
    """A solution task recommended in `stage` for offerings of `kinds` (a `rule` in
    `rest` adds conditions)."""
    rule = {"offering_stages": [stage], "offering_kinds": kinds, **rest.pop("rule", {})}
    return {"key": key, "type": "solution", "stage": stage, "title": title,
            "description": description, "rule": rule, **rest}  # fmt: skip

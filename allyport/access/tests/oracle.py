"""The oracle, read straight from the YAML file: expected decisions computed here,
independently of allyport.access.model and allyport.access.decisions."""

from __future__ import annotations

from functools import cache
from itertools import combinations
from typing import Any

import yaml

from allyport.access.actor import Actor
from allyport.access.model import DATA_FILE
from allyport.accounts.models import Company


@cache
def raw() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def role_keys() -> list[str]:
    return list(raw()["roles"])


def stages() -> list[str]:
    return list(raw()["stages_in_order"])


def paths() -> list[str]:
    return list(raw()["paths"])


def role_sets() -> list[frozenset[str]]:
    """Every single role and every pair of roles (multi-role users)."""
    keys = role_keys()
    return [frozenset({k}) for k in keys] + [frozenset(p) for p in combinations(keys, 2)]


def path_sets() -> list[frozenset[str]]:
    """Every single path and every pair (multi-path companies), and all paths at once."""
    all_paths = paths()
    pairs = [frozenset(p) for p in combinations(all_paths, 2)]
    return [frozenset({p}) for p in all_paths] + pairs + [frozenset(all_paths)]


def menu_entries() -> list[tuple[str, dict[str, Any]]]:
    return [(f"{menu}/{entry['item']}", entry) for menu, items in raw()["menus"].items()
            for entry in items]  # fmt: skip


def action_holders(action: str) -> set[str] | None:
    """Roles holding an action right; None for "all"."""
    value = raw()["actions"][action]
    return None if value == "all" else set(value)


def item_roles(entry: dict[str, Any]) -> set[str] | None:
    """Roles that see an item: its list plus holders of its `also_for` rights."""
    if entry["roles"] == "all":
        return None
    roles = set(entry["roles"])
    for action in entry.get("also_for", []):
        holders = action_holders(action)
        if holders is None:
            return None
        roles |= holders
    return roles


def menu_expectation(
    entry: dict[str, Any], roles: frozenset[str], company_paths: frozenset[str], stage: str
) -> str:
    """ "" when visible, else which rule hides it first: "role", "path" or "stage"."""
    allowed = item_roles(entry)
    if allowed is not None and not roles & allowed:
        return "role"
    if entry["paths"] != "all" and not company_paths & set(entry["paths"]):
        return "path"
    minimum = entry.get("min_stage")
    if minimum is not None and stages().index(stage) < stages().index(minimum):
        return "stage"
    return ""


def actor(roles: frozenset[str], company_paths: frozenset[str] = frozenset(),
          stage: str = "Registered") -> Actor:  # fmt: skip
    company = Company(legal_name="Oracle Inc", paths=sorted(company_paths), stage=stage)
    return Actor(kind="user", company=company, roles=roles, paths=company_paths, stage=stage)

"""The access model as data: roles, stages, paths, menus and action rights.

Loaded once from `data/access-model.yaml`, a copy of the specification's
oracle, so the rules live in one file and the project runs on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.utils.translation import gettext

DATA_FILE = Path(__file__).parent / "data" / "access-model.yaml"
# Rights the oracle does not list (event history, marketplace view): kept apart
# so the oracle file stays a verbatim copy of the specification.
EXTRA_ACTIONS_FILE = Path(__file__).parent / "data" / "portal-actions.yaml"
EVERYONE = "all"


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    limit: int | None


@dataclass(frozen=True)
class MenuItem:
    menu: str
    item: str
    roles: frozenset[str] | None  # None: every role
    paths: frozenset[str] | None  # None: every path
    min_stage: str | None
    also_for: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.menu}/{self.item}"


@dataclass(frozen=True)
class AccessModel:
    roles: dict[str, Role]
    stages: tuple[str, ...]
    paths: tuple[str, ...]
    menus: dict[str, tuple[MenuItem, ...]]
    actions: dict[str, frozenset[str] | None]  # None: every role

    def role_name(self, key: str) -> str:
        """The role's name in the active language (access/menu_strings.py)."""
        return gettext(self.roles[key].name)

    def stage_rank(self, stage: str) -> int:
        return self.stages.index(stage)

    def menu_item(self, key: str) -> MenuItem:
        menu, _, item = key.partition("/")
        for candidate in self.menus.get(menu, ()):
            if candidate.item == item:
                return candidate
        raise KeyError(key)

    def all_menu_items(self) -> list[MenuItem]:
        return [item for items in self.menus.values() for item in items]


def _role_set(value: object) -> frozenset[str] | None:
    if value == EVERYONE:
        return None
    assert isinstance(value, list)
    return frozenset(value)


def _parse(raw: dict) -> AccessModel:
    roles = {
        key: Role(key=key, name=spec["name"], limit=spec.get("limit"))
        for key, spec in raw["roles"].items()
    }
    menus = {
        menu: tuple(
            MenuItem(
                menu=menu,
                item=entry["item"],
                roles=_role_set(entry["roles"]),
                paths=_role_set(entry["paths"]),
                min_stage=entry.get("min_stage"),
                also_for=tuple(entry.get("also_for", ())),
            )
            for entry in entries
        )
        for menu, entries in raw["menus"].items()
    }
    actions = {name: _role_set(roles) for name, roles in raw["actions"].items()}
    return AccessModel(
        roles=roles,
        stages=tuple(raw["stages_in_order"]),
        paths=tuple(raw["paths"]),
        menus=menus,
        actions=actions,
    )


@cache
def access_model() -> AccessModel:
    with DATA_FILE.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    with EXTRA_ACTIONS_FILE.open(encoding="utf-8") as handle:
        extra = yaml.safe_load(handle)["actions"]
    repeated = set(extra) & set(raw["actions"])
    if repeated:
        raise ValueError(f"{EXTRA_ACTIONS_FILE.name} repeats oracle actions: {sorted(repeated)}")
    raw["actions"] = {**raw["actions"], **extra}
    return _parse(raw)

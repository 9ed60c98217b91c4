"""The AWS managed policy catalogue: read-only, versioned, loaded from data.

AWS managed policies belong to AWS, not to the account: AWS writes them,
publishes every version and alone can change them. The embedded IAM therefore
keeps them as data copied from what AWS publishes (the AWS Managed Policy
Reference and mirrors of `iam get-policy-version`), one JSON file per policy
under `data/managed_policies/`, with the source of every text recorded beside
it. They are not rows in the database: nothing in the portal may edit them, an
update is a reviewed change to a data file, and the catalogue is the same in
every installation without a migration.

`data/managed_policy_updates.json` is the update history table of the AWS
Partner Central Getting Started Guide ("AWS Partner Central updates to AWS
managed policies").
"""

from __future__ import annotations

import copy
import datetime
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
POLICIES_DIR = DATA_DIR / "managed_policies"
UPDATES_FILE = DATA_DIR / "managed_policy_updates.json"
ARN_PREFIX = "arn:aws:iam::aws:policy/"


@dataclass(frozen=True)
class ManagedPolicyVersion:
    """One version of a managed policy; `document` is None where its text was not found.

    The document is shared by every caller: read it, never change it.
    """

    version_id: str
    created: datetime.date
    document: dict[str, Any] | None = field(hash=False)


@dataclass(frozen=True)
class ManagedPolicy:
    """An AWS managed policy with the versions the catalogue knows, oldest first."""

    name: str
    arn: str
    description: str
    source: str
    default_version: str
    versions: tuple[ManagedPolicyVersion, ...]

    def version(self, version_id: str) -> ManagedPolicyVersion:
        """The version with this id; KeyError when the catalogue does not list it."""
        for version in self.versions:
            if version.version_id == version_id:
                return version
        raise KeyError(f"{self.name} has no version {version_id!r} in the catalogue")

    @property
    def default_document(self) -> dict[str, Any]:
        """A copy of the default version's document, safe to change."""
        document = self.version(self.default_version).document
        if document is None:  # _parse_policy refuses such data; kept for the type checker
            raise ValueError(f"{self.name} has no document for {self.default_version}")
        return copy.deepcopy(document)


@dataclass(frozen=True)
class PolicyUpdate:
    """One row of the guide's update history table."""

    change: str
    description: str
    date: datetime.date


def _version_number(version_id: str) -> int:
    if not version_id.startswith("v") or not version_id[1:].isdigit():
        raise ValueError(f"not a policy version id: {version_id!r}")
    return int(version_id[1:])


def _parse_policy(path: Path, raw: dict[str, Any]) -> ManagedPolicy:
    name = raw["name"]
    if path.stem != name:
        raise ValueError(f"{path.name} holds the policy {name!r}")
    arn = raw["arn"]
    if not (arn.startswith(ARN_PREFIX) and arn.rsplit("/", 1)[-1] == name):
        raise ValueError(f"{path.name}: {arn!r} is not an AWS managed policy ARN for {name}")
    versions = tuple(
        ManagedPolicyVersion(
            version_id=entry["version_id"],
            created=datetime.date.fromisoformat(entry["created"]),
            document=entry["document"],
        )
        for entry in raw["versions"]
    )
    numbers = [_version_number(version.version_id) for version in versions]
    if numbers != sorted(set(numbers)):
        raise ValueError(f"{path.name}: versions must be unique and listed oldest first")
    policy = ManagedPolicy(
        name=name,
        arn=arn,
        description=raw["description"],
        source=raw["source"],
        default_version=raw["default_version"],
        versions=versions,
    )
    if policy.version(policy.default_version).document is None:
        raise ValueError(f"{path.name}: the default version {policy.default_version} has no text")
    return policy


@cache
def _catalogue() -> tuple[dict[str, ManagedPolicy], dict[str, ManagedPolicy]]:
    by_name: dict[str, ManagedPolicy] = {}
    for path in sorted(POLICIES_DIR.glob("*.json")):
        with path.open(encoding="utf-8") as handle:
            policy = _parse_policy(path, json.load(handle))
        by_name[policy.name] = policy
    by_arn = {policy.arn: policy for policy in by_name.values()}
    return by_name, by_arn


def managed_policies() -> dict[str, ManagedPolicy]:
    """Every managed policy in the catalogue, by name, in name order."""
    by_name, _ = _catalogue()
    return dict(by_name)


def managed_policy(name_or_arn: str) -> ManagedPolicy:
    """The managed policy with this name or ARN; KeyError when the catalogue has none."""
    by_name, by_arn = _catalogue()
    index = by_arn if name_or_arn.startswith("arn:") else by_name
    try:
        return index[name_or_arn]
    except KeyError:
        raise KeyError(f"no AWS managed policy {name_or_arn!r} in the catalogue") from None


@cache
def policy_updates() -> tuple[PolicyUpdate, ...]:
    """The guide's update history, newest first (the guide's order within a day)."""
    with UPDATES_FILE.open(encoding="utf-8") as handle:
        rows = json.load(handle)
    updates = [
        PolicyUpdate(
            change=row["change"],
            description=row["description"],
            date=datetime.date.fromisoformat(row["date"]),
        )
        for row in rows
    ]
    return tuple(sorted(updates, key=lambda update: update.date, reverse=True))

"""The policies printed in the guide, kept as JSON under data/guide_policies/
(the linking prerequisites, the partner service trust policy, the minimal offer
policy): demo data and tests load them from here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GUIDE_POLICIES = Path(__file__).resolve().parent / "data" / "guide_policies"


def guide_policy(name: str) -> str:
    """The document text of `<name>.json`, e.g. "partner-account-management"."""
    return (GUIDE_POLICIES / f"{name}.json").read_text(encoding="utf-8")


def partner_trust_policy() -> dict[str, Any]:
    """The trust policy the guide prints for roles the partner service may assume."""
    document: dict[str, Any] = json.loads(guide_policy("partner-central-trust"))
    return document

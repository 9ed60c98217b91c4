"""axe-core in the browser tests: injected from node_modules (package.json pins it),
run for the WCAG 2.1 A and AA rules, its serious and critical findings listed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def axe_path() -> Path:
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci --ignore-scripts` (make install does)")
    return AXE


def violations(page: Page, where: str, context: str = "document") -> list[str]:
    """The serious and critical WCAG 2.1 A/AA violations on the page as it is now, one
    line per rule and node: "<where>: <rule> (<impact>) at <selector>: <summary>"."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_path()))
    result: dict[str, Any] = page.evaluate(
        """async ([context, tags]) => {
            const root = context === "document" ? document : document.querySelector(context);
            const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
            return await axe.run(root, options);
        }""",
        [context, WCAG_21_AA],
    )
    found = []
    for rule in result["violations"]:
        if rule["impact"] not in BLOCKING:
            continue
        for node in rule["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")[:200]
            found.append(f"{where}: {rule['id']} ({rule['impact']}) at {target}: {summary}")
    return found

"""Test-wide setup: shared fixtures and CI rules. The environment is set by the
`allyport.core.testenv` plugin (pyproject addopts), before Django loads."""

from __future__ import annotations

import os

import pytest

pytest_plugins = ["allyport.testing"]

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI a skipped test is a failure: nothing may pass by not running."""
    if os.environ.get("CI") == "true" and _skipped:
        print(f"\nCI: {len(_skipped)} tests were skipped, which CI does not allow:")
        for nodeid in _skipped[:20]:
            print("  ", nodeid)
        session.exitstatus = 1

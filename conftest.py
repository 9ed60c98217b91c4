"""Test-wide setup: environment before Django loads, shared fixtures, CI rules."""

from __future__ import annotations

import os

os.environ.setdefault("ALLYPORT_ENV", "test")
os.environ.setdefault("ALLYPORT_CAPTCHA", "off")
os.environ.setdefault("ALLYPORT_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

pytest_plugins = ["allyport.core.testing"]

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

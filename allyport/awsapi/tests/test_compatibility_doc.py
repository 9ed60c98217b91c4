"""docs/api-compatibility.md is what the model and the registry say, or this fails."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from allyport.awsapi import registry
from allyport.awsapi.compatibility import COMMAND, render

DOC = Path(__file__).resolve().parents[3] / "docs" / "api-compatibility.md"


def test_it_matches_the_committed_compatibility_doc() -> None:
    committed = DOC.read_text() if DOC.exists() else ""
    assert committed == render(), (
        f"docs/api-compatibility.md is out of date with the registry or botocore; "
        f"regenerate it with `{COMMAND}`"
    )


def test_it_prints_the_doc_from_the_command() -> None:
    out = StringIO()
    call_command("api_compatibility", stdout=out)
    assert out.getvalue() == render()


def test_it_marks_registered_operations_as_supported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_handlers", {})
    assert "| ListEngagementMembers | no | yes |" in render()
    registry.operation("partnercentral-selling", "ListEngagementMembers")(lambda ctx, params: {})
    assert "| ListEngagementMembers | yes | yes |" in render()
    assert "1 of " in render()

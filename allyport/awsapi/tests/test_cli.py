"""The AWS CLI (`awscli` from PyPI) against the endpoint, as a partner would use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import pytest

from allyport.awsapi.tests.conftest import SANDBOX_ACCESS, ApiCredentials, make_credentials

pytest.importorskip("awscli", reason="the AWS CLI is a dev dependency (awscli)")


def list_solutions(ctx: Any, params: dict) -> dict:
    ctx.authorize(catalog=params["Catalog"])
    created = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    solution = {"Catalog": params["Catalog"], "Id": "S-1", "Name": "Octank Analytics",
                "Status": "Active", "Category": "Software", "CreatedDate": created}  # fmt: skip
    return {"SolutionSummaries": [solution]}


def aws(api_url: str, creds: ApiCredentials, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "AWS_ACCESS_KEY_ID": creds.key_id,
        "AWS_SECRET_ACCESS_KEY": creds.secret,
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_MAX_ATTEMPTS": "1",
        "AWS_PAGER": "",
    }
    command = [sys.executable, "-m", "awscli", "partnercentral-selling", *args]
    command += ["--endpoint-url", api_url, "--output", "json"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def test_it_answers_the_aws_cli(api_url: str, creds: ApiCredentials, handlers: Any) -> None:
    handlers("ListSolutions", list_solutions)
    result = aws(api_url, creds, "list-solutions", "--catalog", "AWS")
    assert result.returncode == 0, result.stderr
    (solution,) = json.loads(result.stdout)["SolutionSummaries"]
    assert solution["Id"] == "S-1"
    assert solution["CreatedDate"].startswith("2025-01-02T03:04:05")


def test_it_shows_the_aws_cli_a_refusal(
    api_url: str, handlers: Any, transactional_db: None
) -> None:
    handlers("ListSolutions", list_solutions)
    result = aws(api_url, make_credentials(SANDBOX_ACCESS), "list-solutions", "--catalog", "AWS")
    assert result.returncode != 0
    assert "AccessDeniedException" in result.stderr

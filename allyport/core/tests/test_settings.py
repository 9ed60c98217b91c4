"""Production configuration refuses to start half-configured and passes check --deploy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from allyport.core.env import ConfigError, env_bool, env_int

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "ALLYPORT_ENV": "production",
    "SECRET_KEY": "k" * 20 + "Zq8!x2#Lm4$Pv6^Rt9_Wy1=Bn3+Cd5:Fg7.Hj0" + "s" * 20,
    "ALLOWED_HOSTS": "portal.example.com",
    "DATABASE_URL": "postgres://allyport@127.0.0.1:5432/allyport",
    "EMAIL_HOST": "smtp.example.com",
}


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    dropped = {*PRODUCTION, "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_passes_check_deploy_in_production() -> None:
    result = _manage(PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_it_refuses_production_without(missing: str) -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = _manage(env, "check")
    assert result.returncode != 0
    assert missing in result.stderr


def test_it_refuses_malformed_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_FLAG", "perhaps")
    with pytest.raises(ConfigError, match="SOME_FLAG"):
        env_bool("SOME_FLAG", False)
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ConfigError, match="SOME_NUMBER"):
        env_int("SOME_NUMBER", 1)
    monkeypatch.setenv("SOME_NUMBER", "-3")
    with pytest.raises(ConfigError, match="at least"):
        env_int("SOME_NUMBER", 1, minimum=0)


def test_a_database_other_than_sqlite_or_postgresql_is_refused_at_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.db import connections

    from allyport.core import checks

    assert checks.database_is_supported(None) == []
    monkeypatch.setattr(connections["default"], "vendor", "mysql")
    (error,) = checks.database_is_supported(None)
    assert error.id == "allyport.E001" and "mysql" in error.msg


def test_it_refuses_debug_in_production() -> None:
    result = _manage({**PRODUCTION, "DEBUG": "on"}, "check")
    assert result.returncode != 0
    assert "DEBUG must be off in production" in result.stderr

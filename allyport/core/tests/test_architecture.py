"""The house keeps its shape: the import contracts of pyproject (`[tool.importlinter]`,
the layers of docs/ARCHITECTURE.md) hold, and no app grows into one flat folder.

`make lint` runs `lint-imports` too; checking the contracts here as well means the
test suite alone (`make test`, `.ci/run`) refuses a change that breaks the layering.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from importlinter import configuration
from importlinter.application import use_cases

import allyport

PACKAGE = Path(allyport.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"
# An app's (or one of its packages') own files hold at most this many lines; beyond
# it, the code belongs in subpackages that name their parts.
FLAT_LINES_LIMIT = 5000
NOT_SOURCE = frozenset({"tests", "migrations"})
TEST_HELPERS = frozenset({"conftest.py", "testing.py", "testenv.py"})


def _contracts_kept(config: Path) -> bool:
    """import-linter's own check of `config`, in-process and without a cache (nothing is
    written). The use case, not the command-line entry: that one reconfigures logging
    for the whole process and extends sys.path."""
    configuration.configure()
    return use_cases.lint_imports(config_filename=str(config), cache_dir=None, no_logo=True)


def test_the_import_contracts_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    kept = _contracts_kept(PYPROJECT)
    report = capsys.readouterr().out
    assert kept, report
    assert "0 broken" in report, report


def test_a_broken_contract_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The harness is not vacuous: a contract the code breaks is reported as broken."""
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "allyport"\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "The pipeline never imports the platform (false on purpose)"\n'
        'type = "forbidden"\n'
        'source_modules = ["allyport.pipeline"]\n'
        'forbidden_modules = ["allyport.core"]\n'
    )
    kept = _contracts_kept(config)
    report = capsys.readouterr().out
    assert not kept
    assert "BROKEN" in report


def _is_source(path: Path) -> bool:
    return path.name not in TEST_HELPERS and not path.name.startswith("test_")


def _packages(folder: Path) -> list[Path]:
    return sorted(
        child
        for child in folder.iterdir()
        if child.is_dir() and child.name not in NOT_SOURCE and (child / "__init__.py").exists()
    )


def _flat_lines(folder: Path) -> int:
    """Lines of the source files directly in `folder` (its subpackages not counted)."""
    files = (path for path in folder.glob("*.py") if _is_source(path))
    return sum(len(path.read_text().splitlines()) for path in files)


def _folders_to_measure() -> list[Path]:
    """Every app (and plain package) of the project, and each of their packages."""
    apps = _packages(PACKAGE)
    return [folder for app in apps for folder in (app, *_packages(app))]


def test_no_app_keeps_more_than_5000_lines_outside_named_subpackages() -> None:
    measured = {
        str(folder.relative_to(PACKAGE)): _flat_lines(folder) for folder in _folders_to_measure()
    }
    assert "pipeline" in measured and "pipeline/opportunities" in measured
    too_flat = {name: lines for name, lines in measured.items() if lines > FLAT_LINES_LIMIT}
    assert too_flat == {}

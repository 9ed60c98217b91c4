"""A plain `pip install .` (no extras) must run the project: every third-party module
the source imports is provided by a distribution in pyproject's main `dependencies`,
and every app imports. Nothing is installed here: the check reads pyproject, the
installed distributions' metadata and the source."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from django.conf import settings

import allyport

PACKAGE = Path(allyport.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"
# Helpers only tests load (a pytest plugin and the test factories).
TEST_HELPERS = frozenset({"testenv.py", "testing.py", "conftest.py"})


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _main_dependencies() -> set[str]:
    project = tomllib.loads(PYPROJECT.read_text())["project"]
    names = (re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", spec) for spec in project["dependencies"])
    return {_normalized(match.group(0)) for match in names if match is not None}


def _is_test_code(path: Path) -> bool:
    relative = path.relative_to(PACKAGE)
    return "tests" in relative.parts or path.name.startswith("test_") or path.name in TEST_HELPERS


def _source_files() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if not _is_test_code(path))


def _imported_top_levels(path: Path) -> set[str]:
    """Top-level names of absolute imports (those under `if TYPE_CHECKING:` left out:
    they never run)."""
    tree = ast.parse(path.read_text(), str(path))
    skipped = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for statement in block.body
        for node in ast.walk(statement)
    }
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _third_party(names: set[str]) -> set[str]:
    return {
        name
        for name in names
        if name not in sys.stdlib_module_names and name != "allyport" and name != "__future__"
    }


def test_every_third_party_import_comes_from_a_main_dependency() -> None:
    declared = _main_dependencies()
    providers = packages_distributions()
    missing: dict[str, list[str]] = {}
    for path in _source_files():
        for module in _third_party(_imported_top_levels(path)):
            distributions = {_normalized(name) for name in providers.get(module, [])}
            if not distributions & declared:
                where = str(path.relative_to(PACKAGE.parent))
                missing.setdefault(f"{module} ({', '.join(sorted(distributions)) or '?'})", [])
                missing[f"{module} ({', '.join(sorted(distributions)) or '?'})"].append(where)
    assert not missing, f"imported but not in pyproject's main dependencies: {missing}"


def test_botocore_is_a_main_dependency() -> None:
    assert "botocore" in _main_dependencies()


def _apps() -> list[str]:
    return [name for name in settings.INSTALLED_APPS if name.startswith("allyport.")]


@pytest.mark.parametrize("app", _apps())
def test_every_app_imports_with_all_its_modules(app: str) -> None:
    package = importlib.import_module(app)
    for module in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
        parts = module.name.split(".")
        if "tests" in parts or parts[-1].startswith("test_") or f"{parts[-1]}.py" in TEST_HELPERS:
            continue
        importlib.import_module(module.name)

"""DESIGN.md's layer rule: only studyapp.ui imports Qt; the lower layers run without it."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT

QT_IMPORT_POINTS = {"studyapp/ui/qt.py", "studyapp/ui/qt_charts.py"}  # charts load lazily
LOWER = [
    "studyapp.content",
    "studyapp.quiz",
    "studyapp.progress",
    "studyapp.service",
    "studyapp.cli",
    "studyapp.terminal",
    "studyapp.demo",
]


@pytest.mark.parametrize("module", LOWER)
def test_lower_layers_load_no_qt(module: str) -> None:
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if 'PySide6' in m))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"


def imported_modules(path: str) -> set[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_ui_qt_imports_pyside() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "studyapp").rglob("*.py")
        if path.relative_to(ROOT).as_posix() not in QT_IMPORT_POINTS
        and any(m.startswith("PySide6") for m in imported_modules(str(path.relative_to(ROOT))))
    ]
    assert offenders == []


def test_content_imports_no_other_layer() -> None:
    for path in (ROOT / "studyapp" / "content").rglob("*.py"):
        modules = imported_modules(str(path.relative_to(ROOT)))
        assert not any(
            m.startswith(("studyapp.progress", "studyapp.ui", "studyapp.service", "sqlalchemy"))
            for m in modules
        ), path


def test_ui_never_touches_the_orm() -> None:
    for path in (ROOT / "studyapp" / "ui").rglob("*.py"):
        modules = imported_modules(str(path.relative_to(ROOT)))
        assert not any(m.startswith(("studyapp.progress", "sqlalchemy")) for m in modules), path


def test_quiz_imports_neither_progress_nor_a_database() -> None:
    for path in (ROOT / "studyapp" / "quiz").rglob("*.py"):
        modules = imported_modules(str(path.relative_to(ROOT)))
        assert not any(
            m.startswith(("studyapp.progress", "studyapp.ui", "studyapp.service", "sqlalchemy"))
            for m in modules
        ), path

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


# DESIGN.md's table: what each layer never imports. The ui also reads the quiz package's
# question model (`Question`, `TRUE`, `QUESTION_TYPES`): importing them through the service
# would load SQLAlchemy before the first frame (see the closing note of issue #12).
NEVER = {
    "studyapp/content": ("studyapp.quiz", "studyapp.progress", "studyapp.service",
                         "studyapp.session", "studyapp.ui", "sqlalchemy"),
    "studyapp/quiz": ("studyapp.progress", "studyapp.service", "studyapp.session",
                      "studyapp.ui", "sqlalchemy"),
    "studyapp/progress": ("studyapp.quiz", "studyapp.service", "studyapp.session",
                          "studyapp.ui"),
    "studyapp/service.py": ("studyapp.ui",),
    "studyapp/session.py": ("studyapp.ui", "studyapp.progress", "sqlalchemy"),
    "studyapp/ui": ("studyapp.progress", "sqlalchemy", "studyapp.cli", "studyapp.terminal"),
    "studyapp/cli.py": ("studyapp.progress",),  # through the service, as the ui does
    "studyapp/terminal.py": ("studyapp.progress", "studyapp.ui"),
}  # fmt: skip


@pytest.mark.parametrize("layer", sorted(NEVER))
def test_each_layer_keeps_to_the_design_table(layer: str) -> None:
    where = ROOT / layer
    paths = [where] if where.suffix == ".py" else sorted(where.rglob("*.py"))
    assert paths
    for path in paths:
        modules = imported_modules(str(path.relative_to(ROOT)))
        wrong = sorted(m for m in modules if m.startswith(NEVER[layer]))
        assert not wrong, (path.relative_to(ROOT), wrong)

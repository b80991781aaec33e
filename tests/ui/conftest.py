"""A main window on a real database and a throw-away settings file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyapp.service import StudyService
from studyapp.ui import lessons_page
from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import QApplication, QSettings
from tests.conftest import CONTENT

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(
    qtbot: QtBot, db_path: Path, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MakeWindow]:
    monkeypatch.setattr(lessons_page, "MIN_SITTING_SECONDS", 0.0)
    services: list[StudyService] = []
    font = QApplication.font()

    def make(content: Path = CONTENT) -> MainWindow:
        service = StudyService.open(content, str(db_path))
        services.append(service)
        window = MainWindow(service, QSettings(str(settings_path), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # keyboard focus needs an active window
            window.show()
            window.activateWindow()
        return window

    yield make
    for service in services:
        service.close()
    QApplication.setFont(font)


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()

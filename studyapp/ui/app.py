"""Start the GUI: the application object, the service, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from studyapp import __version__
from studyapp.progress import StoreError
from studyapp.service import StudyService
from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import QApplication, QMessageBox, QSettings


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("StudyApp")
    app.setOrganizationName("StudyApp")
    app.setApplicationVersion(__version__)
    return app


def run(content: Path, db: str | None) -> int:
    app = make_app()
    try:
        service = StudyService.open(content, db)
    except (StoreError, OSError) as error:
        QMessageBox.critical(None, "StudyApp cannot start", str(error))
        print(f"studyapp: {error}", file=sys.stderr)
        return 2
    window = MainWindow(service, QSettings())
    window.show()
    code = app.exec()
    service.close()
    return code

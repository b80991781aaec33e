"""Start the GUI: the application object, the service, and the main window."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

from studyapp import __version__
from studyapp.progress import StoreError
from studyapp.service import StudyService
from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import QApplication, QLibraryInfo, QMessageBox, QSettings


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("StudyApp")
    app.setOrganizationName("StudyApp")
    app.setApplicationVersion(__version__)
    return app


def xcb_problem(plugin: Path | None = None) -> str | None:
    """Why Qt's X11 plugin cannot load, or None when it can (or X11 is not in use).

    A missing system library makes Qt abort the process with a long dump; loading the
    plugin ourselves first turns that into one clear line naming the library.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform not in ("", "xcb") or not sys.platform.startswith("linux"):
        return None
    if plugin is None:
        if os.environ.get("WAYLAND_DISPLAY") and not platform:
            return None
        plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
        plugin = Path(plugins) / "platforms" / "libqxcb.so"
        if not plugin.exists():
            return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        missing = str(error).split(":")[0]
        return (
            f"Qt cannot open a window on this X11 display: {missing} is missing. "
            "Install Qt's X11 libraries (on Debian or Ubuntu: sudo apt install "
            "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0)."
        )
    return None


def run(content: Path, db: str | None) -> int:
    problem = xcb_problem()
    if problem is not None:
        print(f"studyapp: {problem}", file=sys.stderr)
        return 2
    app = make_app()
    try:
        service = StudyService.open(content, db)
    except (StoreError, OSError) as error:
        QMessageBox.critical(None, "StudyApp cannot start", str(error))
        print(f"studyapp: {error}", file=sys.stderr)
        return 2
    window = MainWindow(service, QSettings())
    window.show()
    if service.notice:
        QMessageBox.warning(window, "Your progress database", service.notice)
    code = app.exec()
    service.close()
    return code

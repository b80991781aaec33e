"""Start the GUI: the application object, the service, and the main window."""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from studyapp import __version__
from studyapp.ui import messages
from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import (
    PYSIDE_VERSION,
    QApplication,
    QEvent,
    QLibraryInfo,
    QObject,
    QSettings,
    QTimer,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from studyapp.content import Course
    from studyapp.service import StudyService

# "paint", "lessons" (a lesson on screen) or "ready" (the learner's progress too): for
# benchmarks/run.py, which times the start to each.
QUIT_AFTER_PAINT = "STUDYAPP_QUIT_AFTER"
LESSON_FIRST_S = 2.0  # the longest the database waits for the lesson to be drawn


class FirstPaint(QObject):
    """Runs `then` once a window has painted its first frame; for the start-up benchmark
    it can instead say so on stdout and quit."""

    def __init__(self, window: QWidget, *, then: Callable[[], None], quit_after: bool) -> None:
        super().__init__(window)
        self.then = then
        self.quit_after = quit_after
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            if self.quit_after:
                print("first-paint", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            else:
                QTimer.singleShot(0, self.then)  # after this frame is on screen
        return False


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fusion draws the theme's palettes on every desktop. Asked for by name, not through
    # QStyleFactory: a QStyle in Python costs PySide 6 ms of enums before the first frame.
    app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "fusion"])
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
        import ctypes  # only here: X11's check, not every start

        ctypes.CDLL(str(plugin))
    except OSError as error:
        missing = str(error).split(":")[0]
        return (
            f"Qt cannot open a window on this X11 display: {missing} is missing. "
            "Install Qt's X11 libraries (on Debian or Ubuntu: sudo apt install "
            "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0)."
        )
    return None


class Opener(QObject):
    """Opens the service on a worker thread: checking a large database (PRAGMA quick_check)
    takes about a second per 250 MB, and the window must stay alive meanwhile."""

    courses_read = Signal(object)  # the courses, before the progress database opens
    opened = Signal(object)  # the StudyService
    failed = Signal(str)
    damaged = Signal(str)  # what the week's check of a large database found

    def __init__(self) -> None:
        super().__init__()
        self.worker: threading.Thread | None = None
        # Set once the lesson read last is on screen (or none will be): the database's
        # code (SQLAlchemy, a third of a second of Python) loads after it, not against it.
        self.lesson_shown = threading.Event()

    def start(self, content: Path, db: str | None, last_course: str | None = None) -> None:
        """Open the courses and the database; `last_course`, the course the learner had
        open, is read first from the cache, so that its lesson shows before the library."""
        self.worker = threading.Thread(
            target=self._open, args=(content, db, last_course), daemon=True
        )
        self.worker.start()

    def finish(self) -> None:
        """Let an open under way end before the app does: a database is never left half
        created or half upgraded by a quit."""
        if self.worker is not None:
            self.worker.join()

    def _open(self, content: Path, db: str | None, last_course: str | None) -> None:
        from studyapp.content import cached_course, load_catalogue  # courses first: no SQL

        first = cached_course(content, last_course) if last_course else None
        catalogue = None if first is not None else load_catalogue(content)
        self.courses_read.emit(catalogue.courses if catalogue is not None else (first,))
        # The library (when the course read last came alone) and the database's code wait
        # until that lesson is drawn: loading them would slow it.
        self.lesson_shown.wait(timeout=LESSON_FIRST_S)
        catalogue = catalogue or load_catalogue(content)
        from studyapp.service import StoreError, StudyService

        try:
            service = StudyService.open(content, db, catalogue=catalogue)
        except (StoreError, OSError, ValueError) as error:
            self.failed.emit(str(error))
            return
        except Exception as error:  # never leave the window waiting on "Opening…"
            self.failed.emit(f"an unexpected error while opening your lessons: {error!r}")
            return
        self.opened.emit(service)  # delivered on the GUI thread (queued connection)

    def check(self, service: StudyService) -> None:
        """The week's full check of a large database, off the screen's thread."""

        def run() -> None:
            found = service.check_database()
            if found:
                self.damaged.emit(found)

        threading.Thread(target=run, daemon=True).start()


def report_uncaught(window: QWidget) -> Callable[..., None]:
    """An excepthook: a failure in a click or a timer (Qt prints and goes on) is told in a
    dialog too. A database that cannot be written is a message, not a crash."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        from studyapp.service import StoreError

        if isinstance(error, StoreError):
            print(f"studyapp: {error}", file=sys.stderr)
            messages.tell(window, "Your progress", str(error), messages.Icon.Warning)
            return
        sys.__excepthook__(kind, error, trace)
        text = f"Something went wrong: {error!r}. Your answers so far are saved."
        messages.tell(window, "StudyApp", text, messages.Icon.Critical)

    return hook


# PySide6 releases the app cannot run on, and why (as qutebrowser's `check_qt_version`).
BROKEN_QT = {
    "6.12.0": "it frees a QPainter still in use and crashes the app when it closes",
}
OLDEST_QT = (6, 6)


def qt_problem(version: str) -> str | None:
    """Why this PySide6 cannot run the app, or None."""
    try:
        major, minor = (int(part) for part in version.split(".")[:2])
    except ValueError:
        return None  # a development build: let it try
    if (major, minor) < OLDEST_QT:
        oldest = ".".join(map(str, OLDEST_QT))
        return f"PySide6 {version} is too old: StudyApp needs {oldest} or newer"
    if version in BROKEN_QT:
        return f"PySide6 {version} cannot run StudyApp: {BROKEN_QT[version]}; install 6.11"
    return None


def run(content: Path, db: str | None) -> int:
    """Paint the window first, then open the courses and the progress database."""
    problem = qt_problem(PYSIDE_VERSION) or xcb_problem()
    if problem is not None:
        print(f"studyapp: {problem}", file=sys.stderr)
        return 2
    # What the start makes (modules, classes, the screens) lives as long as the app: the
    # collector would walk it again and again for nothing (a tenth of a second before the
    # progress shows). It runs again once the window is usable, past all of that.
    gc.disable()
    app = make_app()
    window = MainWindow(None, QSettings())
    sys.excepthook = report_uncaught(window)
    opened: list[StudyService] = []
    benchmark = os.environ.get(QUIT_AFTER_PAINT, "")
    opener = Opener()

    shown: list[str] = []

    def lessons_shown() -> None:
        if benchmark == "lessons" and not shown:
            shown.append("lessons")
            print("lessons", flush=True)
            QTimer.singleShot(0, app.quit)

    def preview(courses: tuple[Course, ...]) -> None:
        shown = window.preview(courses)

        def after_lesson_drawn() -> None:
            if shown:
                lessons_shown()
            opener.lesson_shown.set()
            window.build()  # the menus and the rest: they wait for the progress anyway

        QTimer.singleShot(0, window, after_lesson_drawn)  # once this frame is drawn

    def attach(service: StudyService) -> None:
        opened.append(service)
        window.attach(service)
        collect_again()
        lessons_shown()  # on a first run the lessons come with the progress
        if benchmark == "ready":
            print("ready", flush=True)
            QTimer.singleShot(0, app.quit)
        elif service.notice:
            messages.tell(window, "Your progress database", service.notice, messages.Icon.Warning)
        if not benchmark:
            opener.check(service)  # after the first screen, never before it

    def collect_again() -> None:
        gc.freeze()  # the start's objects: never garbage, never walked again
        gc.enable()

    def fail(message: str) -> None:
        collect_again()
        print(f"studyapp: {message}", file=sys.stderr)
        if not benchmark:
            messages.tell(window, "StudyApp cannot start", message, messages.Icon.Critical)
        app.exit(2)

    opener.courses_read.connect(preview)
    opener.opened.connect(attach)
    opener.failed.connect(fail)
    opener.damaged.connect(
        lambda found: messages.tell(window, "Your progress database", found, messages.Icon.Warning)
    )

    def after_first_frame() -> None:
        opener.start(content, db, window.saved.last_course)  # while the screen is built
        window.build_lessons()

    FirstPaint(window, then=after_first_frame, quit_after=benchmark == "paint")
    window.show()
    code = app.exec()
    gc.enable()  # a quit before the window was usable
    opener.finish()
    sys.excepthook = sys.__excepthook__  # let go of the window before Qt shuts down
    for service in opened:
        service.close()
    return code

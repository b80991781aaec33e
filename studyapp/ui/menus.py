"""The menu bar (File, View, Go, Help) with its shortcuts, built for the main window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from studyapp.ui.main_window import SECTIONS
from studyapp.ui.qt import QAction, QActionGroup, QKeySequence, QMenu, QWidget
from studyapp.ui.theme import THEME_CHOICES

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow

THEME_LABELS = {"system": "Follow the &system", "light": "&Light", "dark": "&Dark"}


def action(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    made = QAction(text, parent)
    if shortcut is not None:
        made.setShortcut(QKeySequence(shortcut))
    if tip:
        made.setStatusTip(tip)
        made.setToolTip(tip)
    made.triggered.connect(slot)
    return made


@dataclass
class Menus:
    """The actions the window changes after it is built."""

    profile: QMenu
    themes: QActionGroup
    previous_lesson: QAction
    next_lesson: QAction
    backups: QAction
    class_view: QAction  # shown to a class server's teacher only


def build_menus(window: MainWindow) -> Menus:
    keys = QKeySequence.StandardKey
    bar = window.menuBar()

    def add(
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        made = action(window, text, slot, shortcut, tip)
        menu.addAction(made)
        return made

    file_menu = bar.addMenu("&File")
    add(file_menu, "&New quiz…", partial(window.go, 1), "Ctrl+N", "Choose a new quiz")
    add(file_menu, "Start &review", window.start_review, "Ctrl+R", "Review the due items")
    file_menu.addSeparator()
    add(
        file_menu, "&Import article…", window.files.import_article, "Ctrl+I",
        "Make a course of an article: plain text, Markdown, a web page or a PDF",
    )  # fmt: skip
    add(
        file_menu, "&Edit course…", lambda: window.files.edit_course(), "Ctrl+E",
        "Check, correct or delete the items of the course on screen",
    )  # fmt: skip
    add(
        file_menu, "Export course to &Anki…", window.files.export_anki, None,
        "Write the course as an Anki deck (.apkg)",
    )  # fmt: skip
    add(
        file_menu, "Export answers as &CSV…", window.files.export_answers, None,
        "Write every recorded answer to a spreadsheet file",
    )  # fmt: skip
    backups = add(
        file_menu, "&Backups…", window.show_backups, None,
        "See the backups of your progress, make one now or restore one",
    )  # fmt: skip
    file_menu.addSeparator()
    profile = file_menu.addMenu("&Profile")
    profile.aboutToShow.connect(window.profiles.fill_menu)
    settings = add(
        file_menu, "&Settings…", partial(_open_settings, window), "Ctrl+,",
        "Preferences",
    )  # fmt: skip
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)
    file_menu.addSeparator()
    quit_action = add(file_menu, "&Quit", window.close, "Ctrl+Q", "Quit StudyApp")
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    view = bar.addMenu("&View")
    for index, name in enumerate(SECTIONS):
        add(view, f"&{name}", partial(window.go, index), f"Ctrl+{index + 1}")
    class_view = add(
        view, "C&lass…", window.show_class, f"Ctrl+{len(SECTIONS) + 1}",
        "Every learner of the class on this course, its lessons and its hardest questions",
    )  # fmt: skip
    class_view.setVisible(False)
    view.addSeparator()
    theme_menu = view.addMenu("&Theme")
    themes = QActionGroup(window)
    for choice in THEME_CHOICES:
        made = add(theme_menu, THEME_LABELS[choice], partial(window.appearance.set_theme, choice))
        made.setCheckable(True)
        made.setData(choice)
        themes.addAction(made)
    view.addSeparator()
    larger = add(view, "&Larger text", lambda: window.appearance.change_text_size(+1))
    larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(keys.ZoomIn)])
    add(view, "&Smaller text", lambda: window.appearance.change_text_size(-1), "Ctrl+-")
    add(view, "&Default text size", window.appearance.reset_text_size, "Ctrl+0")

    go = bar.addMenu("&Go")
    previous_lesson = add(
        go, "&Previous lesson", window.previous_lesson, "Alt+Left", "Open the previous lesson"
    )
    next_lesson = add(go, "&Next lesson", window.next_lesson, "Alt+Right", "Open the next lesson")
    go.addSeparator()
    add(go, "&Find in lesson…", window.find_in_lesson, keys.Find)

    help_menu = bar.addMenu("&Help")
    add(help_menu, "StudyApp &Help", partial(_help, window, about=False), keys.HelpContents)
    about = add(help_menu, "&About StudyApp", partial(_help, window, about=True))
    about.setMenuRole(QAction.MenuRole.AboutRole)
    return Menus(profile, themes, previous_lesson, next_lesson, backups, class_view)


# The dialogs' code loads when one is opened, not with the window.
def _open_settings(window: MainWindow) -> None:
    from studyapp.ui import settings_dialog

    settings_dialog.open_settings(window)


def _help(window: MainWindow, *, about: bool) -> None:
    from studyapp.ui import help as help_box

    (help_box.show_about if about else help_box.show_help)(window)

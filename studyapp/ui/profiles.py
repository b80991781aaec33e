"""Learners sharing one database: File → Profile lists them, adds one or renames one."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from studyapp.ui import messages
from studyapp.ui.menus import action
from studyapp.ui.qt import QActionGroup, QInputDialog, QLabel, QMenu, QObject, Qt, Signal

if TYPE_CHECKING:
    from studyapp.service import StudyService
    from studyapp.ui.main_window import MainWindow


class Profiles(QObject):
    """The learner in the side panel and the Profile menu."""

    switched = Signal()  # another learner's progress is on screen now

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.label.setObjectName("muted")
        self.label.setWordWrap(True)

    @property
    def service(self) -> StudyService:
        return self.window.service

    def show_learner(self) -> None:
        self.label.setText(f"   Learner: {self.service.profile}")
        self.label.setToolTip("Switch or rename learners in File → Profile")

    def fill_menu(self) -> None:
        menu: QMenu = self.window.menus.profile
        menu.clear()
        group = QActionGroup(menu)
        for name in self.service.profiles():
            made = menu.addAction(name)
            made.setCheckable(True)
            made.setChecked(name == self.service.profile)
            made.triggered.connect(partial(self.switch, name))
            group.addAction(made)
        menu.addSeparator()
        menu.addAction(action(menu, "&New profile…", self.new))
        menu.addAction(action(menu, "&Rename profile…", self.rename))

    def switch(self, name: str) -> None:
        from studyapp.service import profile_name

        try:
            name = profile_name(name)
        except ValueError as error:
            messages.tell(self.window, "Profile", str(error), messages.Icon.Warning)
            return
        self.window.lessons.finish_sitting()
        self.window.quiz_page.leave()  # its answers belong to the learner who gave them
        self.service.switch_profile(name)
        self.window.saved.profile = name
        self.show_learner()
        self.switched.emit()

    def new(self) -> None:
        from studyapp.service import profile_name

        name, ok = QInputDialog.getText(self.window, "New profile", "Name of the new learner:")
        if not ok:
            return
        try:
            name = profile_name(name)
        except ValueError as error:
            messages.tell(self.window, "New profile", str(error), messages.Icon.Warning)
            return
        if name in self.service.profiles():
            messages.tell(self.window, "New profile", f"There is already a learner called {name}.")
            return
        self.switch(name)

    def rename(self) -> None:
        name, ok = QInputDialog.getText(
            self.window, "Rename profile", "New name:", text=self.service.profile
        )
        if ok:
            try:
                self.service.rename_profile(name)
            except ValueError as error:
                messages.tell(self.window, "Rename profile", str(error), messages.Icon.Warning)
                return
            self.window.saved.profile = self.service.profile
            self.show_learner()

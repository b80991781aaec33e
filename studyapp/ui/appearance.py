"""Theme and text size: applied to the whole app at once, remembered between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.ui import theme
from studyapp.ui.preferences import MAX_TEXT_SIZE, MIN_TEXT_SIZE, SavedSettings
from studyapp.ui.qt import QApplication, QFont, QObject, Signal

if TYPE_CHECKING:
    from studyapp.ui.qt import Qt


class Appearance(QObject):
    colors_changed = Signal(object)  # theme.Colors: for what paints its own colours
    font_changed = Signal(QFont)  # for what lays out its own text (the reader)

    def __init__(self, settings: SavedSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.choice = ""
        self.default_text_size = QApplication.font().pointSize()
        self.colors: theme.Colors  # set by `start`

    def start(self) -> None:
        """Apply what was saved; follow the desktop's light or dark from now on."""
        self._apply_text_size(self.settings.text_size(self.default_text_size))
        self.apply_theme(self.settings.theme)
        QApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    def set_theme(self, choice: str) -> None:
        self.settings.theme = choice
        self.apply_theme(choice)

    def apply_theme(self, choice: str) -> None:
        self.choice = choice
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.colors = theme.apply(app, choice, QApplication.font().pointSizeF())
        self.colors_changed.emit(self.colors)

    def _on_system_scheme(self, scheme: Qt.ColorScheme) -> None:
        from studyapp.ui.qt import Qt  # not before the first frame: see theme.system_is_dark

        theme.desktop_changed(scheme == Qt.ColorScheme.Dark)
        if self.choice == "system":
            self.apply_theme("system")

    @property
    def text_size(self) -> int:
        return QApplication.font().pointSize()

    def change_text_size(self, step: int) -> None:
        self.set_text_size(self.text_size + step)

    def reset_text_size(self) -> None:
        self.set_text_size(self.default_text_size)

    def set_text_size(self, size: int) -> None:
        self.settings.set_text_size(self._apply_text_size(size))

    def _apply_text_size(self, size: int) -> int:
        size = max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, size))
        font = QApplication.font()
        font.setPointSize(size)
        QApplication.setFont(font)
        if self.choice:
            self.apply_theme(self.choice)  # the sheet sizes headings from the text size
        self.font_changed.emit(font)
        return size

"""Backups while the app runs: one in the background every few hours of use, one on quit,
and File → Backups… to see, make or restore them."""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

from studyapp.ui.qt import QObject, QTimer, Signal

if TYPE_CHECKING:
    from studyapp.service import StudyService
    from studyapp.ui.backups_dialog import BackupsDialog
    from studyapp.ui.qt import QWidget

CHECK_MS = 60 * 60 * 1000  # the backup itself comes only every few hours of use


class Backups(QObject):
    restored = Signal()  # the history on screen was just replaced

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.service: StudyService | None = None
        self.timer = QTimer(self)  # a long sitting is backed up every hour or so
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.in_background)

    def start(self, service: StudyService) -> None:
        self.service = service
        self.in_background()
        self.timer.start()

    def in_background(self) -> None:
        """A backup when one is due; never in the learner's way."""
        service = self.service
        if service is None:
            return

        def work() -> None:
            self._quietly(service)

        threading.Thread(target=work, name="automatic backup", daemon=True).start()

    def on_quit(self) -> None:
        if self.service is not None:
            self._quietly(self.service)

    @staticmethod
    def _quietly(service: StudyService) -> None:
        from studyapp.service import StoreError

        try:
            service.automatic_backup()
        except StoreError as error:
            print(f"studyapp: {error}", file=sys.stderr)

    def show_dialog(self) -> BackupsDialog:
        from studyapp.ui.backups_dialog import BackupsDialog

        assert self.service is not None
        dialog = BackupsDialog(self.service, self.window)
        dialog.restored.connect(self.restored)
        dialog.open()
        return dialog

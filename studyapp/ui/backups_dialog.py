"""File → Backups…: the automatic and manual backups of the progress database, a backup
made on request, and a restore after a confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.ui import messages
from studyapp.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from studyapp.service import Backup, StudyService


def describe(backup: Backup) -> str:
    answers = "unreadable" if backup.answers is None else f"{backup.answers} answers"
    return f"{backup.made:%A %d %B %Y, %H:%M}  ·  {answers}"


class BackupsDialog(QDialog):
    restored = Signal()  # the progress database now holds a backup's history

    def __init__(self, service: StudyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle("Backups")
        self.setMinimumSize(520, 360)
        intro = QLabel(
            "StudyApp backs your progress up by itself every few hours of study and when "
            "you quit, and keeps a backup of each of the last 7 days and 4 weeks."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Backups, newest first")
        self.list.setSpacing(2)
        self.where = QLabel()
        self.where.setObjectName("muted")
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.back_up = QPushButton("Back up now")
        self.back_up.setToolTip("Make a backup of your progress as it is now")
        self.restore = QPushButton("Restore…")
        self.restore.setToolTip(
            "Put the chosen backup in place of your progress (what is there now is backed up first)"
        )
        buttons.addButton(self.back_up, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.back_up.clicked.connect(self.make_backup)
        self.restore.clicked.connect(self.restore_chosen)
        self.list.currentRowChanged.connect(self._on_choice)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        from studyapp.service import StoreError

        self.list.clear()
        try:
            found = self.service.backups()
        except StoreError as error:
            self.where.setText(str(error))
            self.back_up.setEnabled(False)
            self.restore.setEnabled(False)
            return
        for backup in found:
            item = QListWidgetItem(describe(backup))
            item.setData(Qt.ItemDataRole.UserRole, backup)
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        if not found:
            self.where.setText("No backups yet. The first one is made after your first answers.")
        self.list.setCurrentRow(0 if found else -1)
        self._on_choice()

    def chosen(self) -> Backup | None:
        item = self.list.currentItem()
        if item is None:
            return None
        backup: Backup = item.data(Qt.ItemDataRole.UserRole)
        return backup

    def _on_choice(self) -> None:
        backup = self.chosen()
        self.restore.setEnabled(backup is not None)
        if backup is not None:
            self.where.setText(f"File: {backup.path}")

    def make_backup(self) -> None:
        from studyapp.service import StoreError

        try:
            made = self.service.backup_now()
        except StoreError as error:
            messages.tell(self, "Back up now", str(error), messages.Icon.Warning)
            return
        self.refresh()
        self.where.setText(f"Backed up to {made}")

    def restore_chosen(self) -> None:
        from studyapp.service import StoreError

        backup = self.chosen()
        if backup is None:
            return
        question = (
            f"Restore your progress as it was on {describe(backup)}?\n\n"
            "Answers given since then are taken out of view; your progress as it is now "
            "is backed up first, so this can be undone by restoring that backup."
        )
        if not messages.confirm(self, "Restore a backup", question, "Restore"):
            return
        try:
            safety = self.service.restore_backup(backup.path)
        except StoreError as error:
            messages.tell(self, "Restore a backup", str(error), messages.Icon.Warning)
            return
        self.refresh()
        self.restored.emit()
        kept = f" Your progress as it was is kept in {safety}." if safety else ""
        messages.tell(self, "Restore a backup", f"Restored the backup of {describe(backup)}.{kept}")

"""The Class screen: on a PostgreSQL server, the teacher's view of every learner of a
course, its lessons across the class, and the questions the class found hardest.

Opened from View → Class, which only the teacher's login sees.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from typing import TYPE_CHECKING

from studyapp.content import Course
from studyapp.service import percent
from studyapp.ui.progress_page import (
    Axis,
    PercentRows,
    attach,
    card,
    chart_view,
    new_chart,
    percent_axis,
)
from studyapp.ui.qt import (
    QAbstractItemView,
    QColor,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QObject,
    QScrollArea,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    SignalInstance,
)
from studyapp.ui.qt_charts import (
    QBarCategoryAxis,
    QBarSet,
    QChartView,
    QHorizontalBarSeries,
)
from studyapp.ui.theme import Colors
from studyapp.ui.widgets import label

if TYPE_CHECKING:
    from studyapp.service import ClassReport, StudyService

COLUMNS = ("Learner", "Answers", "Right", "Mastery", "Due", "Last active")


class Cell(QTableWidgetItem):
    """A table cell sorted by its value (numbers as numbers), not by the text shown."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        return bool(mine < theirs)


class ReportReader(QObject):
    """Reads the class's report off the screen's thread: one pass of statistics per
    learner, over a network, must not freeze the window."""

    read = Signal(object)  # the ClassReport
    failed = Signal(str)

    def start(self, service: StudyService, course_id: str) -> None:
        def work() -> None:
            from studyapp.service import StoreError

            try:
                report = service.class_report(course_id)
            except StoreError as error:
                self._tell(self.failed, str(error))
                return
            self._tell(self.read, report)

        threading.Thread(target=work, daemon=True).start()

    @staticmethod
    def _tell(signal: SignalInstance, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
            signal.emit(value)


class ClassDialog(QDialog):
    """The class's progress on one course, read when opened and on Refresh."""

    shown = Signal()  # a report is on screen

    def __init__(
        self, service: StudyService, course: Course, colors: Colors, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.service, self.course, self.colors = service, course, colors
        self.report: ClassReport | None = None
        self.setWindowTitle(f"Class — {course.title}")
        self.resize(900, 760)
        layout = QVBoxLayout(self)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.area, 1)
        waiting = label("Reading the class's answers from the server…", "muted")
        waiting.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        waiting.setContentsMargins(20, 40, 20, 20)
        self.area.setWidget(waiting)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = buttons.addButton("&Refresh", QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.setToolTip("Read the class's answers again from the server")
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reader = ReportReader(self)
        self.reader.read.connect(self._on_read)
        self.reader.failed.connect(self._on_failed)
        self.refresh()

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.reader.start(self.service, self.course.id)

    def _on_read(self, report: ClassReport) -> None:
        self.refresh_button.setEnabled(True)
        self.show_report(report)
        self.shown.emit()

    def _on_failed(self, problem: str) -> None:
        """Told in one message; the last report stays (or, if none came, the screen goes)."""
        from studyapp.ui import messages

        self.refresh_button.setEnabled(True)
        messages.tell(self, "Class", problem, messages.Icon.Warning)
        if self.report is None:
            self.reject()

    def show_report(self, report: ClassReport) -> None:
        self.report = report
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(14)
        column.addWidget(label("Class", "title"))
        learners = len(report.learners)
        column.addWidget(
            label(
                f"{self.course.title} · {learners} learner{'s' if learners != 1 else ''}", "muted"
            )
        )
        self.table = self._learners_table(report)
        column.addWidget(card("Learners", self.table, "Click a column's title to sort by it"))
        if report.learners:
            column.addWidget(
                card(
                    "Mastery of each learner", self._mastery_chart(report), "Recall a week from now"
                )
            )
        rows: list[tuple[str, float | None, str]] = [
            (
                f"{self.course.lesson(lesson.id).number}. {lesson.title}",
                lesson.mastery,
                f"{lesson.answered} answers, {percent(lesson.accuracy)} right",
            )
            for lesson in report.lessons
        ]
        column.addWidget(
            card("Lessons across the class", PercentRows(rows), "Mean mastery of the class")
        )
        column.addWidget(card("Hardest questions", self._hardest(report), "Right at the first try"))
        column.addStretch(1)
        self.area.setWidget(page)

    def _learners_table(self, report: ClassReport) -> QTableWidget:
        table = QTableWidget(len(report.learners), len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAccessibleName("Learners of the class")
        for row, each in enumerate(report.learners):
            moment = each.last_active  # stored in UTC, shown in the teacher's time zone
            local = moment.replace(tzinfo=dt.UTC).astimezone(self.service.tz) if moment else None
            active = f"{local:%Y-%m-%d %H:%M}" if local else "never"
            cells = (
                (each.profile, each.profile),
                (str(each.answers), each.answers),
                (percent(each.accuracy), -1.0 if each.accuracy is None else each.accuracy),
                (percent(each.mastery), each.mastery),
                (str(each.due), each.due),
                (active, moment.replace(tzinfo=dt.UTC).timestamp() if moment else 0.0),
            )
            for col, (shown, key) in enumerate(cells):
                cell = Cell(shown)
                cell.setData(Qt.ItemDataRole.UserRole, key)
                if col:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, col, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        table.setSortingEnabled(True)
        table.sortItems(0, Qt.SortOrder.AscendingOrder)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(min(len(report.learners), 12)))
        table.setMinimumHeight(max(height, 80))
        return table

    def _mastery_chart(self, report: ClassReport) -> QChartView:
        bars = QBarSet("Mastery")
        bars.setColor(QColor(self.colors.accent))
        names = [each.profile for each in reversed(report.learners)]  # the first on top
        for each in reversed(report.learners):
            bars.append(round(100 * each.mastery))
        series = QHorizontalBarSeries()
        series.append(bars)
        learners_axis = QBarCategoryAxis()
        learners_axis.append(names)
        chart = new_chart(self.colors)
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        axes: list[tuple[Axis, Qt.AlignmentFlag]] = [
            (learners_axis, left),
            (percent_axis(), bottom),
        ]
        attach(chart, series, axes, self.colors, self.font())
        return chart_view(chart, min(80 + 28 * len(names), 420))

    def _hardest(self, report: ClassReport) -> QWidget:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        if not report.hardest:
            column.addWidget(label("No answers yet."))
        for question in report.hardest:
            kind = question.question_type.replace("_", " ").capitalize()
            line = label(
                f"{percent(question.accuracy)} of {question.learners} right first time — "
                f"{kind}: {'; '.join(question.item_labels)} ({question.lesson_title})"
            )
            line.setToolTip(question.question_id)
            column.addWidget(line)
        return body

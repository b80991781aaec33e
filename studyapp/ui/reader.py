"""The reader: a lesson's text with its key terms explained on hover, and find in it."""

from __future__ import annotations

from html import escape

from studyapp.content import Course, Lesson, TermIndex, TermMatch
from studyapp.ui.lesson_list import plural
from studyapp.ui.qt import (
    QColor,
    QEvent,
    QFont,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QResizeEvent,
    Qt,
    QTextBlockFormat,
    QTextBrowser,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextEdit,
    QTextFormat,
    QTimer,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
)
from studyapp.ui.theme import Colors

READER_COLUMN_CHARS = 72  # a comfortable line length for reading


class ReaderText(QTextBrowser):
    """Lesson text in a centred column of readable width; term tooltips on hover."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName("Lesson text")
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(  # Tab walks the key terms, Enter shows the meaning
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.anchorClicked.connect(lambda _url: self.show_term_meaning())
        # The viewport tracks the mouse already (QTextBrowser's own doing): term tooltips.
        self.pinned: list[QTextEdit.ExtraSelection] = []  # the sentence "Show in lesson" marks

    def show_selections(self, found: list[QTextEdit.ExtraSelection]) -> None:
        self.setExtraSelections([*self.pinned, *found])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_column()

    def fit_column(self) -> None:
        column = self.fontMetrics().averageCharWidth() * READER_COLUMN_CHARS
        # The viewport's width, worked out: asking for the viewport itself costs PySide
        # 11 ms of type lookups before the first lesson is drawn.
        bar = self.verticalScrollBar()
        width = self.maximumViewportSize().width() - (bar.width() if bar.isVisibleTo(self) else 0)
        side = max(24, (width - column) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if frame.leftMargin() != side:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            frame.setTopMargin(28)
            frame.setBottomMargin(40)
            root.setFrameFormat(frame)

    def show_term_meaning(self) -> str:
        """The meaning of the key term at the cursor (Tab moves onto one), shown beside it
        as hovering shows it; returns what was shown."""
        cursor = self.textCursor()
        probe = QTextCursor(cursor)
        probe.setPosition(max(cursor.selectionStart(), cursor.selectionEnd() - 1) + 1)
        tip = probe.charFormat().toolTip()
        if tip:
            place = self.cursorRect(cursor).bottomLeft()
            QToolTip.showText(self.viewport().mapToGlobal(place), tip, self.viewport())
        return tip

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self.cursorForPosition(event.pos()).charFormat().toolTip()  # type: ignore[attr-defined]
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class FindBar(QFrame):
    """Find in the current lesson: every match highlighted, Enter for the next one."""

    closed = Signal()

    def __init__(self, text: ReaderText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.text = text
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.colors: Colors | None = None
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in lesson")
        self.field.setAccessibleName("Find in lesson")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("muted")
        previous = QToolButton()
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+Enter)")
        following = QToolButton()
        following.setText("▼")
        following.setToolTip("Next match (Enter)")
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for button in (previous, following, close):
            layout.addWidget(button)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next_match)
        self.field.installEventFilter(self)
        previous.clicked.connect(self.previous_match)
        following.clicked.connect(self.next_match)
        close.clicked.connect(self.close_bar)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
                self.previous_match()
                return True
        return super().eventFilter(watched, event)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.text.show_selections([])
        self.closed.emit()

    def search(self, needle: str) -> None:
        self.matches = []
        document = self.text.document()
        cursor = QTextCursor(document)
        while needle:
            cursor = document.find(needle, cursor)
            if cursor.isNull():
                break
            self.matches.append(QTextCursor(cursor))
        self.current = 0 if self.matches else -1
        self._show()

    def next_match(self) -> None:
        if self.matches:
            self.current = (self.current + 1) % len(self.matches)
            self._show()

    def previous_match(self) -> None:
        if self.matches:
            self.current = (self.current - 1) % len(self.matches)
            self._show()

    def _show(self) -> None:
        needle = self.field.text()
        if not needle:
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        selections = []
        for index, cursor in enumerate(self.matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            if self.colors is not None:
                current = index == self.current
                fmt.setBackground(QColor(self.colors.accent if current else self.colors.find))
                fmt.setForeground(QColor(self.colors.accent_text if current else self.colors.text))
            selection.format = fmt
            selections.append(selection)
        self.text.show_selections(selections)
        if self.current >= 0:
            shown = QTextCursor(self.matches[self.current])
            shown.clearSelection()
            self.text.setTextCursor(shown)
            self.text.ensureCursorVisible()


class LessonReader(QWidget):
    """One lesson: title, text with highlighted terms, find bar, previous and next."""

    previous_requested = Signal()
    next_requested = Signal()
    reached_end = Signal()
    quiz_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.course: Course | None = None
        self.lesson: Lesson | None = None
        self.read: bool | None = False
        self.colors: Colors | None = None
        self._was_narrow = False
        self._terms: tuple[Course, TermIndex] | None = None
        self.text = ReaderText()
        self.find_bar = FindBar(self.text)
        self.find_bar.hide()
        self.find_bar.closed.connect(self.text.setFocus)
        self.previous_button = QPushButton("← Previous")
        self.previous_button.setToolTip("Previous lesson (Alt+Left)")
        self.previous_button.setAccessibleName("Previous lesson")
        self.next_button = QPushButton("Next →")
        self.next_button.setToolTip("Next lesson (Alt+Right)")
        self.next_button.setAccessibleName("Next lesson")
        self.quiz_button = QPushButton("Quiz me on this lesson")
        self.quiz_button.setToolTip("A quiz on this lesson's events, views and key terms")
        self.position = QLabel()
        self.position.setObjectName("muted")
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        footer = QHBoxLayout()
        footer.setContentsMargins(12, 8, 12, 10)
        footer.addWidget(self.previous_button)
        footer.addWidget(self.position, 1)
        footer.addWidget(self.quiz_button)
        footer.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.find_bar)
        layout.addLayout(footer)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.quiz_button.clicked.connect(self.quiz_requested)
        bar = self.text.verticalScrollBar()
        bar.valueChanged.connect(self._check_end)
        bar.rangeChanged.connect(lambda *_: self._check_end())

    def resizeEvent(self, event: QResizeEvent) -> None:
        was = self._was_narrow
        super().resizeEvent(event)
        self.fit_footer()
        if self.narrow() != was:
            self.rebuild()

    def narrow(self) -> bool:
        self._was_narrow = self.width() < self.fontMetrics().averageCharWidth() * 45
        return self._was_narrow

    def fit_footer(self) -> None:
        """In a narrow reader (a small window, large text) the footer sheds words, never
        overlapping: first the position (the heading says it too), then the long labels."""
        metrics = self.fontMetrics()
        room = self.width() - 24 - 3 * 12  # margins and spacing
        wanted = sum(
            metrics.horizontalAdvance(text) + 32
            for text in ("← Previous", "Quiz me on this lesson", "Next →")
        )
        position = metrics.horizontalAdvance(self.position.text()) + 16
        self.position.setVisible(room >= wanted + position)
        roomy = room >= wanted
        self.previous_button.setText("← Previous" if roomy else "←")
        self.next_button.setText("Next →" if roomy else "→")
        self.quiz_button.setText("Quiz me on this lesson" if roomy else "Quiz me")

    def show_lesson(self, course: Course, lesson: Lesson, *, read: bool | None) -> None:
        """Show a lesson; `read` is None while the learner's progress is still opening."""
        self.course, self.lesson, self.read = course, lesson, read
        self.text.pinned = []  # a highlight belongs to one lesson and one sentence
        self.text.show_selections([])
        self.rebuild()
        self.text.verticalScrollBar().setValue(0)
        total = len(course.lessons)
        self.position.setText(f"Lesson {lesson.number} of {total}")
        self.fit_footer()
        known = read is not None  # moving on waits for the learner's progress
        self.previous_button.setEnabled(known and lesson.number > 1)
        self.next_button.setEnabled(known and lesson.number < total)
        self.quiz_button.setEnabled(known)
        QTimer.singleShot(0, self._check_end)

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        self.find_bar.colors = colors
        self.rebuild()

    def set_read(self, read: bool) -> None:
        if read != self.read:
            self.read = read
            self.rebuild()

    def rebuild(self) -> None:
        """Build the lesson document from plain text: nothing in a course becomes markup."""
        if self.course is None or self.lesson is None:
            return
        scroll = self.text.verticalScrollBar().value()
        base = QFont(self.font())
        base.setPointSizeF(base.pointSizeF() * 1.2)
        document = QTextDocument(self.text)
        document.setDefaultFont(base)
        cursor = QTextCursor(document)
        colors = self.colors
        em = base.pointSizeF() * 96 / 72  # pixels per em at 96 dpi

        title = QTextCharFormat()  # smaller in a narrow column, where long words would break
        title.setFontPointSize(base.pointSizeF() * (1.25 if self.narrow() else 1.6))
        title.setFontWeight(QFont.Weight.Bold)
        heading = QTextBlockFormat()
        heading.setBottomMargin(em * 0.3)
        cursor.setBlockFormat(heading)
        cursor.insertText(self.lesson.title, title)

        meta = QTextCharFormat()
        if colors is not None:
            meta.setForeground(QColor(colors.muted))
        count = plural(len(self.course.items_in(self.lesson.id)), "key item")
        parts = [self.course.title, f"Lesson {self.lesson.number}", count]
        if self.read is not None:  # not known while the learner's progress opens
            parts.append("✓ Read" if self.read else "Not read yet")
        details = QTextBlockFormat()
        details.setBottomMargin(em * 1.1)
        cursor.insertBlock(details)
        cursor.insertText(" · ".join(parts), meta)

        body = QTextBlockFormat()
        body.setLineHeight(155, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        body.setBottomMargin(em * 0.9)
        plain = QTextCharFormat()
        terms = self._term_index(self.course)
        for paragraph in self.lesson.paragraphs:
            cursor.insertBlock(body)
            at = 0
            for match in terms.find(paragraph):
                cursor.insertText(paragraph[at : match.start], plain)
                cursor.insertText(paragraph[match.start : match.end], self._term_format(match))
                at = match.end
            cursor.insertText(paragraph[at:], plain)
        self.text.setDocument(document)
        self.text.fit_column()
        self.text.verticalScrollBar().setValue(scroll)
        if self.find_bar.isVisible():  # matches pointed into the old document
            self.find_bar.search(self.find_bar.field.text())

    def _term_index(self, course: Course) -> TermIndex:
        """The course's key terms, indexed once per course (a course may hold thousands).
        Terms of other lessons are explained too; a term with no definition is not marked."""
        if self._terms is None or self._terms[0] is not course:
            self._terms = (course, TermIndex(c for c in course.concepts if c.definition))
        return self._terms[1]

    def _term_format(self, match: TermMatch) -> QTextCharFormat:
        concept = match.concept
        fmt = QTextCharFormat()
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        if self.colors is not None:
            fmt.setForeground(QColor(self.colors.term))
            fmt.setUnderlineColor(QColor(self.colors.term))
        fmt.setToolTip(f"<b>{escape(concept.term)}</b><br>{escape(concept.definition)}")
        fmt.setProperty(QTextFormat.Property.UserProperty, concept.id)
        fmt.setAnchor(True)  # a stop for Tab, and Enter or a click shows the meaning
        fmt.setAnchorHref(f"term:{concept.id}")
        return fmt

    def highlight(self, sentence: str) -> bool:
        """Mark a sentence of the lesson and scroll it into view; False if it is not there."""
        found = self.text.document().find(sentence, 0, QTextDocument.FindFlag.FindCaseSensitively)
        if found.isNull():
            return False
        selection = QTextEdit.ExtraSelection()
        selection.cursor = found
        fmt = QTextCharFormat()
        if self.colors is not None:
            fmt.setBackground(QColor(self.colors.find))
            fmt.setForeground(QColor(self.colors.text))
        selection.format = fmt
        self.text.pinned = [selection]
        self.text.show_selections([])
        self.text.fit_column()
        bar = self.text.verticalScrollBar()
        start = QTextCursor(found)
        start.setPosition(found.selectionStart())
        top = self.text.cursorRect(start).top() + bar.value()
        bar.setValue(max(0, top - self.text.viewport().height() // 4))
        return True

    def highlighted(self) -> str:
        return self.text.pinned[0].cursor.selectedText() if self.text.pinned else ""

    def key_terms_shown(self) -> list[tuple[str, str]]:
        """(text, concept id) of every highlighted term, in reading order."""
        found = []
        block = self.text.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                concept_id = fragment.charFormat().property(QTextFormat.Property.UserProperty)
                if concept_id:
                    found.append((fragment.text(), str(concept_id)))
                it += 1
            block = block.next()
        return found

    def _check_end(self) -> None:
        bar = self.text.verticalScrollBar()
        if self.lesson is not None and bar.value() >= bar.maximum():
            self.reached_end.emit()

"""How a learner answers each kind of question, by mouse and by keyboard alone.

Every widget emits `answered` with the response the quiz service grades, then shows the
result: colour and a word, never colour alone.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from studyapp.quiz import as_option
from studyapp.quiz.question import FALSE, TRUE, Question
from studyapp.ui.flow import FlowLayout
from studyapp.ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMouseEvent,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from studyapp.quiz import AnswerFormat, Grade, Response

LETTERS = string.ascii_lowercase
TINTS = {True: QColor(46, 160, 67, 56), False: QColor(218, 54, 51, 56)}  # read on light and dark


def set_state(widget: QWidget, state: str) -> None:
    """Set the `state` style property and re-polish, so the style sheet colours it."""
    widget.setProperty("state", state)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class OptionCard(QFrame):
    """A clickable, focusable option: a key badge, wrapped text and, after answering, a word."""

    clicked = Signal()

    def __init__(self, key: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.text = text
        self.badge = QLabel(key)
        self.badge.setObjectName("badge")
        self.badge.setFixedWidth(self.badge.fontMetrics().horizontalAdvance("MM"))
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)  # "✗ red line (not deterrence)" wraps in a narrow card
        self.status.setMaximumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.status.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(f"Option {key}: {text}")
        self.setToolTip(f"Choose this answer (key {key.upper()})")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.clicked.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def mark(self, state: str, word: str) -> None:
        set_state(self, state)
        self.status.setText(word)
        # as wide as the words need, up to its maximum, where it wraps
        wanted = self.status.fontMetrics().horizontalAdvance(word) + 4
        self.status.setMinimumWidth(min(wanted, self.status.maximumWidth()))
        set_state(self.status, state)
        self.status.setVisible(bool(word))


class AnswerWidget(QWidget):
    """The part of a question the learner acts on."""

    answered = Signal(object)

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.locked = False

    def _submit(self, response: Response) -> None:
        if not self.locked:
            self.locked = True
            self.answered.emit(response)

    def _shortcut(self, key: str, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def show_result(self, grade: Grade, response: Response) -> None:
        raise NotImplementedError

    def focus_first(self) -> None:
        self.setFocus()


class ChoiceAnswer(AnswerWidget):
    """Multiple choice and true/false: click an option, or press its number (or T / F)."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        assert question.options is not None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.cards: list[OptionCard] = []
        true_false = question.format == "true_false"
        for number, option in enumerate(question.options, 1):
            key = option[0] if true_false else str(number)
            card = OptionCard(key, as_option(option))
            card.clicked.connect(lambda o=option: self._submit(o))
            layout.addWidget(card)
            self.cards.append(card)
            self._shortcut(str(number), lambda o=option: self._submit(o))
        if true_false:
            self._shortcut("T", lambda: self._submit(TRUE))
            self._shortcut("F", lambda: self._submit(FALSE))

    def focus_first(self) -> None:
        self.cards[0].setFocus()

    def show_result(self, grade: Grade, response: Response) -> None:
        for card in self.cards:
            card.setEnabled(False)
            if card.text == self.question.answer:
                card.mark("right", "✓ Right answer" if not grade.correct else "✓ Your answer")
            elif card.text == response:
                card.mark("wrong", "✗ Your answer")


class TypedAnswer(AnswerWidget):
    """Cloze: type the missing words and press Enter."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Type the missing words, then press Enter")
        self.field.setAccessibleName("Your answer")
        self.check = QPushButton("Check")
        self.check.setObjectName("primary")
        self.check.setToolTip("Check your answer (Enter)")
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        self.field.returnPressed.connect(self._check)
        self.check.clicked.connect(self._check)

    def _check(self) -> None:
        if self.field.text().strip():
            self._submit(self.field.text())

    def focus_first(self) -> None:
        self.field.setFocus()

    def show_result(self, grade: Grade, response: Response) -> None:
        self.field.setReadOnly(True)
        self.check.setEnabled(False)
        set_state(self.field, "right" if grade.correct else "wrong")  # the box below says why


class OrderList(QListWidget):
    """A list to reorder by drag and drop, or by Alt+Up / Alt+Down; Enter checks."""

    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit.emit()
            return
        super().keyPressEvent(event)

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)

    def order(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]


class OrderAnswer(AnswerWidget):
    """Ordering: drag the events, or move the selected one with Alt+Up / Alt+Down."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        assert question.options is not None
        self.list = OrderList()
        self.list.setObjectName("orderList")
        self.list.setAccessibleName("Events to put in order, earliest first")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        for option in question.options:
            self.list.addItem(QListWidgetItem(option))
        self.list.setCurrentRow(0)
        self.up = QPushButton("Move up")
        self.up.setToolTip("Move the selected event earlier (Alt+Up)")
        self.down = QPushButton("Move down")
        self.down.setToolTip("Move the selected event later (Alt+Down)")
        self.check = QPushButton("Check order")
        self.check.setObjectName("primary")
        self.check.setToolTip("Check the order (Enter)")
        hint = QLabel("Earliest at the top. Drag the events, or select one and press Alt+Up/Down.")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        buttons.addWidget(self.check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.setMinimumHeight(self.list.sizeHintForRow(0) * len(question.options) + 24)
        self.up.clicked.connect(lambda: self.list.move_current(-1))
        self.down.clicked.connect(lambda: self.list.move_current(1))
        self.check.clicked.connect(self._check)
        self.list.submit.connect(self._check)

    def _check(self) -> None:
        self._submit(self.list.order())

    def focus_first(self) -> None:
        self.list.setFocus()

    def show_result(self, grade: Grade, response: Response) -> None:
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        for button in (self.up, self.down, self.check):
            button.setEnabled(False)
        answer = list(self.question.answer)
        for row in range(self.list.count()):
            item = self.list.item(row)
            place = answer.index(item.text()) + 1
            right = place == row + 1
            item.setText(
                f"✓ {item.text()}" if right else f"✗ {item.text()}  (comes {ordinal(place)})"
            )
            item.setBackground(QBrush(TINTS[right]))  # as the option cards: green right, red not
        self.list.clearSelection()  # the marks speak now, not the row last moved
        self.list.setCurrentRow(-1)


def ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


class MatchAnswer(AnswerWidget):
    """Matching: pick a term (click or its number), then its definition (click or letter)."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        assert question.options is not None
        self.pairs: dict[str, str] = {}
        self.current: str | None = None
        self.term_buttons: list[QPushButton] = []
        self.cards: list[OptionCard] = []
        terms = FlowLayout()  # the terms in a row that wraps, the definitions under them
        for number, term in enumerate(question.terms, 1):
            button = QPushButton(f"{number}  {term}")
            button.setObjectName("termButton")
            button.setCheckable(True)
            button.setToolTip(f"Pick this term (key {number}), then its definition")
            button.clicked.connect(lambda _=False, t=term: self.pick_term(t))
            terms.addWidget(button)
            self.term_buttons.append(button)
            self._shortcut(str(number), lambda t=term: self.pick_term(t))
        cards = QVBoxLayout()
        cards.setSpacing(8)
        for index, definition in enumerate(question.options):
            letter = LETTERS[index]
            card = OptionCard(letter, definition)
            card.setToolTip(f"Pair the picked term with this definition (key {letter.upper()})")
            card.clicked.connect(lambda d=definition: self.pick_definition(d))
            cards.addWidget(card)
            self.cards.append(card)
            self._shortcut(letter.upper(), lambda d=definition: self.pick_definition(d))
        self.hint = QLabel("Pick a term, then the definition that matches it.")
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.check = QPushButton("Check pairs")
        self.check.setObjectName("primary")
        self.check.setToolTip("Check the pairs (Enter, once every term has a definition)")
        self.check.setEnabled(False)
        self.check.clicked.connect(self._check)
        self._shortcut("Return", self._check)
        self._shortcut("Enter", self._check)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(terms)
        layout.addSpacing(4)
        layout.addLayout(cards)
        layout.addLayout(bottom)

    def focus_first(self) -> None:
        self.term_buttons[0].setFocus()

    def pick_term(self, term: str) -> None:
        if self.locked:
            return
        self.current = term
        for button, name in zip(self.term_buttons, self.question.terms, strict=True):
            button.setChecked(name == term)
        self.hint.setText(f"Now pick the definition of “{term}”.")

    def pick_definition(self, definition: str) -> None:
        if self.locked or self.current is None:
            return
        for term, chosen in list(self.pairs.items()):
            if chosen == definition:
                del self.pairs[term]  # one definition per term
        self.pairs[self.current] = definition
        self.current = None
        self._relabel()

    def _relabel(self) -> None:
        assert self.question.options is not None
        letters = {d: LETTERS[i] for i, d in enumerate(self.question.options)}
        for number, (button, term) in enumerate(
            zip(self.term_buttons, self.question.terms, strict=True), 1
        ):
            button.setChecked(False)
            paired = self.pairs.get(term)
            button.setText(f"{number}  {term}" + (f"  →  {letters[paired]}" if paired else ""))
        done = len(self.pairs) == len(self.question.terms)
        self.check.setEnabled(done)
        left = len(self.question.terms) - len(self.pairs)
        self.hint.setText(
            "Every term has a definition: check the pairs (Enter)."
            if done
            else f"{left} term{'s' if left != 1 else ''} left to pair."
        )

    def _check(self) -> None:
        if len(self.pairs) == len(self.question.terms):
            self._submit([(term, self.pairs[term]) for term in self.question.terms])

    def show_result(self, grade: Grade, response: Response) -> None:
        """Each definition names its term, right or not: no letter codes to decode."""
        self.check.hide()
        self.hint.hide()  # the feedback below says what to do next
        chosen_for = {str(pair[1]): str(pair[0]) for pair in response}  # as it was graded
        for button, term in zip(self.term_buttons, self.question.terms, strict=True):
            button.setEnabled(False)
            right = term not in grade.wrong
            button.setText(f"{'✓' if right else '✗'}  {term}")
            set_state(button, "right" if right else "wrong")
        meaning_of = {definition: term for term, definition in self.question.pairs}
        for card in self.cards:
            card.setEnabled(False)
            term, chosen = meaning_of[card.text], chosen_for.get(card.text)
            if chosen == term:
                card.mark("right", f"✓ {term}")
            else:
                card.mark("wrong", f"✗ {term}" + (f" (not {chosen})" if chosen else ""))


WIDGETS: dict[AnswerFormat, type[AnswerWidget]] = {
    "choice": ChoiceAnswer,
    "true_false": ChoiceAnswer,
    "typed": TypedAnswer,
    "order": OrderAnswer,
    "match": MatchAnswer,
}


def answer_widget(question: Question) -> AnswerWidget:
    return WIDGETS[question.format](question)

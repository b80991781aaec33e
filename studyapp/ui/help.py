"""Help (F1) and About: what a learner reads about the app itself."""

from __future__ import annotations

from studyapp import __version__
from studyapp.ui.qt import QMessageBox, Qt, QWidget

HELP_TEXT = """
<h3>Reading</h3>
<p>Pick a lesson on the left. Underlined words are key terms: rest the mouse on one to see
its definition. A lesson counts as read once you have reached its end.</p>
<h3>Quizzes and reviews</h3>
<p>Answer with the mouse or the keyboard: number keys pick an option, T and F answer true or
false, Enter checks a typed answer, Alt+Up/Down moves an event when ordering, and numbers then
letters pair terms with definitions. Enter or Space goes on. Every answer is saved at once;
items come back in Review when they are about to fade.</p>
<h3>Keyboard</h3>
<table cellpadding="3">
<tr><td><b>Ctrl+1 … Ctrl+4</b></td><td>Lessons, Quiz, Review, Progress</td></tr>
<tr><td><b>Alt+Right</b> / <b>Alt+Left</b></td><td>next / previous lesson</td></tr>
<tr><td><b>Ctrl+F</b></td><td>find in the lesson (Enter: next match, Esc: close)</td></tr>
<tr><td><b>Ctrl+=</b> / <b>Ctrl+-</b> / <b>Ctrl+0</b></td>
    <td>larger / smaller / default text</td></tr>
<tr><td><b>Ctrl+E</b></td><td>edit the course: j/k, a accept, e edit, d delete</td></tr>
<tr><td><b>Ctrl+,</b></td><td>settings</td></tr>
<tr><td><b>F1</b></td><td>this help</td></tr>
<tr><td><b>Ctrl+Q</b></td><td>quit</td></tr>
</table>
<h3>From the terminal</h3>
<p><code>python main.py --help</code> lists the terminal commands: check, quiz, stats, read.</p>
"""


def show_help(parent: QWidget) -> None:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "StudyApp Help", HELP_TEXT)
    box.setParent(parent, box.windowFlags())
    box.setTextFormat(Qt.TextFormat.RichText)
    box.exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About StudyApp",
        f"<h3>StudyApp {__version__}</h3>"
        "<p>Read an article as lessons, take quizzes on it and watch your mastery grow.</p>"
        "<p>Spaced repetition by FSRS. Built with PySide6 (Qt), SQLAlchemy and PyYAML.</p>",
    )

"""Light and dark themes: a Fusion palette and a small style sheet, chosen or from the system."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from studyapp.ui.qt import QApplication, QColor, QGuiApplication, QPalette

ThemeChoice = Literal["system", "light", "dark"]
THEME_CHOICES: tuple[ThemeChoice, ...] = ("system", "light", "dark")


@dataclass(frozen=True)
class Colors:
    name: Literal["light", "dark"]
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    sidebar: str
    term: str
    good: str
    good_bg: str
    bad: str
    bad_bg: str
    partial: str
    partial_bg: str
    warning_bg: str
    warning_text: str
    find: str


LIGHT = Colors(
    name="light",
    window="#f4f5f7",
    base="#ffffff",
    alternate="#f0f2f5",
    text="#1c2230",
    muted="#5b6475",
    accent="#2563c9",
    accent_text="#ffffff",
    border="#d5d9e0",
    sidebar="#e9ecf1",
    term="#1d4fa3",
    good="#1f7a3d",
    good_bg="#e4f5ea",
    bad="#b42318",
    bad_bg="#fdeceb",
    partial="#8a5a00",
    partial_bg="#fff3d9",
    warning_bg="#fff4d6",
    warning_text="#5c4300",
    find="#ffe27a",
)

DARK = Colors(
    name="dark",
    window="#1d2027",
    base="#24282f",
    alternate="#2a2f37",
    text="#e4e7ed",
    muted="#a3abb9",
    accent="#6fa0ff",
    accent_text="#0d1422",
    border="#3a404b",
    sidebar="#191b21",
    term="#9cc0ff",
    good="#6fd08c",
    good_bg="#173322",
    bad="#ff8f85",
    bad_bg="#3d1f1d",
    partial="#ffcf70",
    partial_bg="#3b3016",
    warning_bg="#45391a",
    warning_text="#ffe3a3",
    find="#7a6520",
)


_desktop: dict[str, bool] = {}  # "dark": whether the desktop is dark, once known


def system_is_dark() -> bool:
    """Whether the desktop is dark, read from its palette before ours replaces it.

    Not from QStyleHints.colorScheme(): the enum it returns makes PySide build every enum
    of Qt's namespace, a tenth of the first frame. `desktop_changed` keeps it current.
    """
    if "dark" not in _desktop:
        palette = QGuiApplication.palette()
        window = palette.color(QPalette.ColorRole.Window).lightness()
        _desktop["dark"] = palette.color(QPalette.ColorRole.WindowText).lightness() > window
    return _desktop["dark"]


def desktop_changed(dark: bool) -> None:
    _desktop["dark"] = dark


def resolve(choice: str) -> Colors:
    """The colours for a setting: `light`, `dark`, or `system` (anything else)."""
    if choice == "light":
        return LIGHT
    if choice == "dark":
        return DARK
    return DARK if system_is_dark() else LIGHT


def _palette(c: Colors) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.alternate,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.alternate,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.accent_text,
        QPalette.ColorRole.Link: c.term,
        QPalette.ColorRole.BrightText: c.accent_text,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted))
    return palette


TEXT_SIZES = {  # label name: size relative to the text size setting (all bold)
    "title": 1.4,
    "prompt": 1.2,
    "verdict": 1.15,
    "bigNumber": 2.4,
    "figure": 1.8,
}


def _sized_labels(text_size: float) -> str:
    """Headings and figures, sized from the text size: the sheet is rebuilt when it changes
    (a size set on the widget itself would be undone by the sheet on every re-polish)."""
    return "\n".join(
        f"QLabel#{name} {{ font-size: {text_size * factor:.1f}pt; font-weight: bold; }}"
        for name, factor in TEXT_SIZES.items()
    )


def _style_sheet(c: Colors, text_size: float) -> str:
    # Other sizes stay out of the sheet, so that text follows the text size setting.
    return (
        _sized_labels(text_size)
        + f"""
    QListWidget#sidebar {{
        background: {c.sidebar}; border: 2px solid transparent; padding: 6px 0;
    }}
    QListWidget#sidebar::item {{ padding: 8px 14px; border-radius: 6px; margin: 1px 6px; }}
    QListWidget#sidebar::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QListWidget#lessonList {{ border: 2px solid transparent; background: {c.window}; }}
    QListWidget#lessonList::item {{ padding: 6px 8px; border-radius: 6px; margin: 1px 4px; }}
    QListWidget#lessonList::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QTextBrowser#reader {{ border: 2px solid transparent; background: {c.base}; }}
    QLabel#muted {{ color: {c.muted}; }}
    QLabel#opening {{ color: {c.muted}; qproperty-alignment: AlignCenter; }}
    QLabel#heading {{ font-weight: bold; }}
    QFrame#banner {{ background: {c.warning_bg}; border-radius: 6px; }}
    QFrame#banner QLabel {{ color: {c.warning_text}; }}
    QLabel#banner {{
        background: {c.warning_bg}; color: {c.warning_text};
        border-radius: 6px; padding: 8px 10px;
    }}
    QFrame#findBar {{ border-top: 1px solid {c.border}; background: {c.window}; }}
    QFrame#optionCard {{
        border: 1px solid {c.border}; border-radius: 8px; background: {c.base};
    }}
    QFrame#optionCard:hover {{ border: 1px solid {c.accent}; }}
    QFrame#optionCard:focus {{ border: 2px solid {c.accent}; }}
    QFrame#optionCard[state="chosen"] {{ border: 2px solid {c.accent}; }}
    QFrame#optionCard[state="right"] {{ border: 2px solid {c.good}; background: {c.good_bg}; }}
    QFrame#optionCard[state="wrong"] {{ border: 2px solid {c.bad}; background: {c.bad_bg}; }}
    QLabel#badge {{ color: {c.muted}; font-weight: bold; }}
    QLabel#status[state="right"] {{ color: {c.good}; font-weight: bold; }}
    QLabel#status[state="wrong"] {{ color: {c.bad}; font-weight: bold; }}
    QFrame#feedback {{ border-radius: 8px; padding: 4px; }}
    QFrame#feedback[state="right"] {{ background: {c.good_bg}; border: 1px solid {c.good}; }}
    QFrame#feedback[state="wrong"] {{ background: {c.bad_bg}; border: 1px solid {c.bad}; }}
    QFrame#feedback[state="partial"] {{
        background: {c.partial_bg}; border: 1px solid {c.partial};
    }}
    QLineEdit[state="right"] {{ border: 2px solid {c.good}; background: {c.good_bg}; }}
    QLineEdit[state="wrong"] {{ border: 2px solid {c.bad}; background: {c.bad_bg}; }}
    QLabel#verdict[state="right"] {{ color: {c.good}; }}
    QLabel#verdict[state="wrong"] {{ color: {c.bad}; }}
    QLabel#verdict[state="partial"] {{ color: {c.partial}; }}
    QLabel#bigNumber, QLabel#figure {{ color: {c.accent}; }}
    QFrame#goal {{ border: 1px solid {c.border}; border-radius: 8px; background: {c.base}; }}
    QFrame#goal[state="right"] {{ border: 1px solid {c.good}; background: {c.good_bg}; }}
    QLabel#celebration {{ color: {c.good}; font-weight: bold; }}
    QFrame#card {{ border: 1px solid {c.border}; border-radius: 8px; background: {c.base}; }}
    QListWidget#checkList::item {{ padding: 5px 4px; }}
    QListWidget#missedList::item {{ padding: 8px 6px; border-bottom: 1px solid {c.border}; }}
    QListWidget#missedList::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QListWidget#orderList::item {{ padding: 8px; border: 1px solid {c.border}; border-radius: 6px;
        margin: 2px; background: {c.base}; }}
    QListWidget#orderList::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QPushButton {{
        background: {c.base}; color: {c.text}; border: 1px solid {c.border};
        border-radius: 5px; padding: 5px 12px;
    }}
    QPushButton:hover {{ border: 1px solid {c.accent}; }}
    QPushButton:pressed {{ background: {c.border}; }}
    QPushButton:focus {{ border: 2px solid {c.accent}; padding: 4px 11px; }}
    QPushButton:disabled {{ color: {c.muted}; }}
    QPushButton#termButton {{ text-align: left; padding: 8px; }}
    QPushButton#termButton:checked {{ background: {c.accent}; color: {c.accent_text}; }}
    QPushButton#termButton[state="right"] {{ background: {c.good_bg}; color: {c.text};
        border: 2px solid {c.good}; }}
    QPushButton#termButton[state="wrong"] {{ background: {c.bad_bg}; color: {c.text};
        border: 2px solid {c.bad}; }}
    QToolTip {{ color: {c.text}; background: {c.base}; border: 1px solid {c.border}; }}
    QPushButton#primary {{
        background: {c.accent}; color: {c.accent_text}; font-weight: bold;
        border: 2px solid {c.accent}; border-radius: 5px; padding: 5px 14px;
    }}
    QPushButton#primary:focus {{ border: 2px solid {c.text}; padding: 5px 14px; }}
    QPushButton#primary:disabled {{
        background: {c.border}; color: {c.muted}; border: 2px solid {c.border};
    }}
    QListWidget#lessonList:focus, QListWidget#sidebar:focus, QTextBrowser#reader:focus {{
        border: 2px solid {c.accent};
    }}
    """
    )


def apply(app: QApplication, choice: str, text_size: float) -> Colors:
    """Apply a theme choice to the whole application and return the colours used.

    The palettes are drawn for Qt's Fusion style, which `app.make_app` asks for.
    """
    colors = resolve(choice)
    app.setPalette(_palette(colors))
    app.setStyleSheet(_style_sheet(colors, text_size))
    return colors

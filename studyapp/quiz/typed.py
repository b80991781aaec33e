"""Typed answers, judged as a fair teacher would: forgiving of typing, strict with facts.

Forgiven: case, accents, punctuation, "the" or "in" before the answer, spaces and hyphens
inside a word ("flash point", "back-channel"), dots of an abbreviation ("N.A.T.O.",
"Art. 5"), a Roman numeral for a number ("Article V"), a plural or possessive for the
singular, a month's short name, a more precise date that agrees ("24 February 2022" for
"February 2022"), and a slip of the fingers: a letter missing, doubled, swapped with its
neighbour or hit on the next key ("deterence", "sanctoins").

Not forgiven: another real word ("deference", "Russian", "reinsurance": a word-frequency
list tells a typo from a word), another number or date, a less precise date.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from studyapp.content.model import MONTH_NAMES

FILLERS = frozenset({"the", "a", "an", "in", "on", "at", "of"})
REAL_WORD_ZIPF = 2.5  # wordfreq's scale: 3 is once per million words; typos score 0
MONTHS = {name.casefold(): n for n, name in enumerate(MONTH_NAMES, 1)}
MONTHS |= {name[:3].casefold(): n for n, name in enumerate(MONTH_NAMES, 1)}
MONTHS["sept"] = 9
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
ROMAN |= {"x": 10, "xi": 11, "xii": 12}
KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NOT_A_SLIP = 3  # the cost of changing a letter for one far from it on the keyboard


@dataclass(frozen=True)
class Verdict:
    """A typed answer taken as right, and what was forgiven (empty when nothing was)."""

    forgiven: str = ""


@dataclass(frozen=True)
class Words:
    words: tuple[str, ...]
    abbreviated: frozenset[int]  # positions of words typed with a closing dot ("Art.")


def words(text: str) -> Words:
    """The words of an answer: folded, without accents, punctuation or leading fillers."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = re.sub(r"\b(\w)\.(?=\w\.)", r"\1", plain)  # n.a.t.o. → nato.
    plain = re.sub(r"['\u2019]s\b", " ", plain)  # possessive: russia's → russia
    found: list[str] = []
    abbreviated: set[int] = set()
    for match in re.finditer(r"(\w+)(\.)?", plain):
        if match.group(2) and len(match.group(1)) >= 2 and not match.group(1).isdigit():
            abbreviated.add(len(found))
        found.append(match.group(1))
    while found and found[0] in FILLERS and len(found) > 1:
        found.pop(0)
        abbreviated = {i - 1 for i in abbreviated if i > 0}
    return Words(tuple(found), frozenset(abbreviated))


def judge(typed: str, wanted: str) -> Verdict | None:
    """A Verdict when `typed` says what `wanted` says, else None."""
    got, want = words(typed), words(wanted)
    if not got.words:
        return None
    if got.words == want.words or "".join(got.words) == "".join(want.words):
        return Verdict()
    wanted_date, typed_date = as_date(want.words), as_date(got.words)
    if wanted_date is not None:
        return _judge_date(typed_date, wanted_date, wanted)
    if len(got.words) != len(want.words):
        return None
    notes = set()
    for position, (g, w) in enumerate(zip(got.words, want.words, strict=True)):
        note = _judge_word(g, w, position in got.abbreviated)
        if note is None:
            return None
        notes.add(note)
    return Verdict(_forgiven(notes - {""}, wanted))


def _judge_word(got: str, want: str, abbreviated: bool) -> str | None:
    """ "" for the same word, a note for a forgiven difference, None for another word."""
    if got == want:
        return ""
    if want.isdigit():
        return "" if ROMAN.get(got) == int(want) else None
    if got.isdigit():
        return None
    if got in (f"{want}s", f"{want}es") or want in (f"{got}s", f"{got}es"):
        return "plural"
    if abbreviated and len(got) >= 3 and want.startswith(got):
        return ""
    if got[0] == want[0] and typo_distance(got, want) <= allowed_typos(want):
        return "spelling" if not is_real_word(got) else None
    return None


def _forgiven(notes: set[str], wanted: str) -> str:
    if "spelling" in notes:
        return f"it is spelled “{wanted}”"
    if "plural" in notes:
        return f"you wrote a plural; the lesson's word is “{wanted}”"
    return ""


def allowed_typos(word: str) -> int:
    """Slips a typed word may hold: none in short words, more in long ones."""
    return 0 if len(word) <= 4 else 1 if len(word) <= 11 else 2


def is_real_word(word: str) -> bool:
    """Whether a word is common enough to be meant, not mistyped (wordfreq's list)."""
    from wordfreq import zipf_frequency  # its data loads on the first typed near-miss

    return bool(zipf_frequency(word, "en") >= REAL_WORD_ZIPF)


@functools.cache
def _neighbours() -> dict[str, set[str]]:
    """Keys that touch on a QWERTY keyboard: beside, and on the staggered rows above
    (same column and one right) and below (same column and one left)."""
    near: dict[str, set[str]] = {}
    for row, keys in enumerate(KEYBOARD):
        for column, key in enumerate(keys):
            touching = [(row, column - 1), (row, column + 1)]
            touching += [(row - 1, column), (row - 1, column + 1)]
            touching += [(row + 1, column - 1), (row + 1, column)]
            for other_row, other_column in touching:
                if 0 <= other_row < len(KEYBOARD) and 0 <= other_column < len(KEYBOARD[other_row]):
                    near.setdefault(key, set()).add(KEYBOARD[other_row][other_column])
    return near


def typo_distance(got: str, want: str) -> int:
    """Edits from `want` to `got` where each edit is a slip of the fingers: a letter left
    out or doubled, two neighbours swapped, or the key next door hit. Any other change of
    a letter costs more than any word forgives: "detergence" is no typo of "deterrence".

    An optimal-string-alignment distance with a cost per key pair, which no library
    offers (rapidfuzz weighs every substitution alike).
    """
    near = _neighbours()
    previous2: list[int] = []
    previous = list(range(len(got) + 1))
    for i, a in enumerate(want, 1):
        current = [i] + [0] * len(got)
        for j, b in enumerate(got, 1):
            change = 0 if a == b else 1 if b in near.get(a, ()) else NOT_A_SLIP
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + change)
            if i > 1 and j > 1 and a == got[j - 2] and want[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def as_date(tokens: tuple[str, ...]) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of "2014", "February 2022", "Feb 2022", "24 February 2022" or
    "February 24 2022"; None when the words are not a date."""
    numbers = [int(t) for t in tokens if t.isdigit()]
    months = [MONTHS[t] for t in tokens if t in MONTHS]
    if len(numbers) + len(months) != len(tokens) or len(months) > 1:
        return None
    years = [n for n in numbers if n >= 100]
    days = [n for n in numbers if 1 <= n <= 31]
    if len(years) != 1 or len(numbers) - 1 != len(days) or len(days) > 1:
        return None
    if days and not months:
        return None
    return years[0], months[0] if months else None, days[0] if days else None


def _judge_date(
    typed: tuple[int, int | None, int | None] | None,
    wanted: tuple[int, int | None, int | None],
    shown: str,
) -> Verdict | None:
    """Right when the typed date agrees with the wanted one at the wanted precision and is
    at least as precise ("24 February 2022" for "February 2022", never "2022")."""
    if typed is None:
        return None
    for got, want in zip(typed, wanted, strict=True):
        if want is not None and got != want:
            return None
    more_precise = any(w is None and g is not None for g, w in zip(typed, wanted, strict=True))
    return Verdict(f"the lesson gives “{shown}”" if more_precise else "")

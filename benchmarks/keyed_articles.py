"""Precision and recall of the importer on articles with a hand key (tests/data/articles/):
a history in plain text, a science explainer in Markdown (front matter, a table, a
footnote) and a web page in HTML. Each `NAME.key.yaml` lists the events (date and words
of the sentence), the key terms and the views (holder names and words) a careful reader
would curate. The keys were written with the articles, before the importer was run on them.

- an imported event is right when a key event has its date and all the key's words stand
  in its title or sentence;
- an imported term is right when it is one of the key's terms (singular and plural alike);
- an imported view is right when its holder is one of the key's names and the key's words
  stand in its statement or sentence.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studyapp.content import Course  # noqa: E402
from studyapp.content.finders import term_key  # noqa: E402
from studyapp.content.importer import import_article  # noqa: E402

ARTICLES = ROOT / "tests" / "data" / "articles"  # fresh/: articles the importer never saw
SUFFIXES = (".txt", ".md", ".html")


@dataclass(frozen=True)
class Score:
    found: int  # items the importer made
    right: int  # of those, the ones the key holds
    keyed: int  # items in the key
    recalled: int  # of those, the ones the importer found

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.keyed if self.keyed else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self.counts, other.counts, strict=True)))

    @property
    def counts(self) -> tuple[int, int, int, int]:
        return (self.found, self.right, self.keyed, self.recalled)


def _has(words: list[str], *texts: str) -> bool:
    joined = " ".join(texts).casefold()
    return all(word.casefold() in joined for word in words)


def _pairs(found: list[Any], keyed: list[Any], fits: Any) -> Score:
    """One-to-one: each key item matched by at most one imported item."""
    used: set[int] = set()
    right = 0
    for item in found:
        match = next((i for i, k in enumerate(keyed) if i not in used and fits(item, k)), None)
        if match is not None:
            used.add(match)
            right += 1
    return Score(len(found), right, len(keyed), len(used))


def score(course: Course, key: dict[str, Any]) -> dict[str, Score]:
    def event_fits(event: Any, k: dict[str, Any]) -> bool:
        date = event.date.iso() if event.date else ""
        return date == str(k["date"]) and _has(k["words"], event.title, event.quote)

    def view_fits(claim: Any, k: dict[str, Any]) -> bool:
        holder = claim.actor.casefold()
        named = any(n.casefold() in holder or holder in n.casefold() for n in k["actor"])
        return named and _has(k["words"], claim.statement, claim.quote)

    terms = {term_key(t) for t in key["terms"]}
    found_terms = list(dict.fromkeys(term_key(c.term) for c in course.concepts))
    right_terms = [t for t in found_terms if t in terms]
    return {
        "events": _pairs(list(course.events), key["events"], event_fits),
        "terms": Score(len(found_terms), len(right_terms), len(terms), len(right_terms)),
        "views": _pairs(list(course.claims), key["views"], view_fits),
    }


def run(folder: Path = ARTICLES) -> dict[str, dict[str, Score]]:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for article in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
            key = yaml.safe_load((folder / f"{article.stem}.key.yaml").read_text("utf-8"))
            course = import_article(article, Path(tmp), course_id=article.stem)
            results[article.name] = score(course, key)
    return results


def main() -> int:
    results = run()
    later = run(ARTICLES / "fresh")  # keys written before their first import (see README)
    print(f"{'article':<18} {'kind':<7} {'precision':>14} {'recall':>14}")
    total: dict[str, Score] = {}
    for name, kinds in results.items():
        for kind, s in kinds.items():
            total[kind] = total[kind] + s if kind in total else s
            print(
                f"{name:<18} {kind:<7} {s.right:>3}/{s.found:<3} {s.precision:>5.0%}"
                f"  {s.recalled:>3}/{s.keyed:<3} {s.recall:>5.0%}"
            )
    for kind, s in total.items():
        print(
            f"{'all three':<18} {kind:<7} {s.right:>3}/{s.found:<3} {s.precision:>5.0%}"
            f"  {s.recalled:>3}/{s.keyed:<3} {s.recall:>5.0%}"
        )
    for name, kinds in later.items():
        for kind, s in kinds.items():
            print(
                f"{'later: ' + name:<18} {kind:<7} {s.right:>3}/{s.found:<3} {s.precision:>5.0%}"
                f"  {s.recalled:>3}/{s.keyed:<3} {s.recall:>5.0%}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How much of the curated NATO-Russia course the article importer recovers on its own.

    python benchmarks/import_recovery.py [--json]

Imports tests/data/nato-russia-article.txt into a temporary folder and compares it with
content/nato-russia/, lesson by lesson (lessons are matched by their place in the article):

- events: a curated event is recovered when an imported event stands in the same sentence of
  the same lesson, with the same date where the curated event has one;
- concepts: a curated concept is found when an imported term or alias is one of its names
  (singular and plural alike);
- claims: of the imported claims whose sentence carries a curated claim, the share that name
  the same actor (by its name or one of the curated aliases: "Moscow" is Russia).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studyapp.content import Course, load_course  # noqa: E402
from studyapp.content.finders import term_key  # noqa: E402
from studyapp.content.importer import import_article  # noqa: E402

ARTICLE = ROOT / "tests" / "data" / "nato-russia-article.txt"
CURATED = ROOT / "content" / "nato-russia"


def _lesson_number(course: Course, lesson_id: str) -> int:
    return course.lesson(lesson_id).number


def _names_of(course: Course, actor: str) -> set[str]:
    """An actor's name and the aliases the curated course gives it ("Moscow" is Russia)."""
    found = next((a for a in course.actors if a.name == actor), None)
    return {n.casefold() for n in (actor, *(found.aliases if found else ()))}


def recovery(curated: Course, imported: Course) -> dict[str, object]:
    used: set[str] = set()
    recovered = []
    for event in curated.events:
        for candidate in imported.events:
            same_place = _lesson_number(imported, candidate.lesson_id) == _lesson_number(
                curated, event.lesson_id
            )
            same_sentence = event.quote in candidate.quote or candidate.quote in event.quote
            same_date = event.date is None or candidate.date == event.date
            if candidate.id not in used and same_place and same_sentence and same_date:
                used.add(candidate.id)
                recovered.append(event.id)
                break
    names = {term_key(name) for c in imported.concepts for name in c.names}
    found = [c.id for c in curated.concepts if any(term_key(n) in names for n in c.names)]
    checked = right = 0
    for claim in imported.claims:
        same = [
            c
            for c in curated.claims
            if _lesson_number(curated, c.lesson_id) == _lesson_number(imported, claim.lesson_id)
            and (c.quote in claim.quote or claim.quote in c.quote)
        ]
        if same:
            checked += 1
            right += any(claim.actor.casefold() in _names_of(curated, c.actor) for c in same)
    grounded = all(i.quote in imported.lesson(i.lesson_id).text for i in imported.items)
    return {
        "events_recovered": len(recovered),
        "events_curated": len(curated.events),
        "events_share": round(len(recovered) / len(curated.events), 3),
        "events_missed": [e.id for e in curated.events if e.id not in recovered],
        "concepts_found": len(found),
        "concepts_curated": len(curated.concepts),
        "concepts_share": round(len(found) / len(curated.concepts), 3),
        "concepts_missed": [c.id for c in curated.concepts if c.id not in found],
        "claims_imported": len(imported.claims),
        "claims_checked": checked,
        "claims_right_actor": right,
        "claims_share": round(right / checked, 3) if checked else None,
        "every_quote_in_text": grounded,
        "imported": imported.summary(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        imported = import_article(ARTICLE, Path(tmp), course_id="imported")
        figures = recovery(load_course(CURATED), imported)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"Imported: {figures['imported']}")
    print(f"{'figure':<44} {'value':>8}  target")
    print(
        f"{'curated events recovered (date and lesson)':<44} "
        f"{figures['events_recovered']}/{figures['events_curated']} = "
        f"{figures['events_share']:.0%}  >= 30% (spaCy events; was 80% for the in-sample patterns)"
    )
    print(
        f"{'curated concepts found':<44} {figures['concepts_found']}/{figures['concepts_curated']}"
        f" = {figures['concepts_share']:.0%}  >= 60%"
    )
    share = figures["claims_share"]
    print(
        f"{'claims attributed to the right actor':<44} {figures['claims_right_actor']}/"
        f"{figures['claims_checked']} = {share:.0%}  (of {figures['claims_imported']} found;"
        " the rest have no curated claim to check against)"
    )
    print(f"{'every item quote stands in its lesson':<44} {figures['every_quote_in_text']}")
    print("\nThe articles written with hand keys (benchmarks/keyed_articles.py):")
    import keyed_articles  # beside this script

    keyed_articles.main()
    if figures["events_missed"] or figures["concepts_missed"]:
        print(f"missed events: {', '.join(figures['events_missed']) or 'none'}")  # type: ignore[arg-type]
        print(f"missed concepts: {', '.join(figures['concepts_missed']) or 'none'}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())

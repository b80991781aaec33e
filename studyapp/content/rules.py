"""Rules across a course's items: one name per concept, and an order that dates agree with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from studyapp.content.chronology import date_key, out_of_order
from studyapp.content.model import Claim, Concept, Event
from studyapp.content.yamlfile import YamlMap

Sources = dict[str, tuple[Path, YamlMap]]  # item id: the file and entry that give it
Report = Callable[[int, str, Path], None]  # line, message, file


def check_terms(concepts: tuple[Concept, ...], sources: Sources, report: Report) -> None:
    """No two concepts may share a term or alias: a cloze answer must be unambiguous."""
    owner: dict[str, str] = {}
    for concept in concepts:
        for name in concept.names:
            key = name.casefold()
            if key in owner and owner[key] != concept.id:
                path, data = sources[concept.id]
                message = f"'{name}' of {concept.id} is already a term of {owner[key]}"
                report(data.line_of("term"), message, path)
            owner.setdefault(key, concept.id)


def ordered(
    events: tuple[Event, ...], entries: list[tuple[Path, YamlMap, int]], report: Report
) -> tuple[Event, ...]:
    """Give every event its place in the order: as written, or else from its date.

    A course gives every event a `sequence` or none. Without them, dated events are
    ordered by date and undated ones have no known place (None): questions about order
    then leave them out rather than guess.
    """
    given = [(p, d) for p, d, _ in entries if "sequence" in d]
    if given and len(given) != len(entries):
        for path, data, _ in entries:
            if "sequence" not in data:
                report(data.line, "give every event a 'sequence', or none of them", path)
        return events
    if given:
        return events
    keys = sorted({date_key(e.date) for e in events if e.date is not None})
    place = {key: number for number, key in enumerate(keys, 1)}
    return tuple(replace(e, sequence=place[date_key(e.date)]) if e.date else e for e in events)


def check_chronology(events: tuple[Event, ...], sources: Sources, report: Report) -> None:
    """A later date must have a later sequence: the order questions depend on it."""
    for a, b in out_of_order(events):
        path, data = sources[b.id]
        report(
            data.line_of("sequence"),
            f"{b.id} ({b.date}) comes after {a.id} ({a.date}) "
            f"but its sequence {b.sequence} is not greater than {a.sequence}",
            path,
        )


def check_about(
    claims: tuple[Claim, ...], concepts: tuple[Concept, ...], sources: Sources, report: Report
) -> None:
    """A claim's `about` names concepts of the course."""
    known = {concept.id for concept in concepts}
    for claim in claims:
        for concept_id in claim.about:
            if concept_id not in known:
                path, data = sources[claim.id]
                report(data.line_of("about"), f"'about' names unknown concept '{concept_id}'", path)

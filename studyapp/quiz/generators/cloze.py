"""Type the term, actor or date blanked out of an item's grounding sentence."""

from __future__ import annotations

import re

from studyapp.content import Claim, Concept, Event, Item, Topic
from studyapp.quiz.generators.base import (
    Taken,
    about_one_item,
    echoes,
    points_back,
    the_lesson_says,
)
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import STOP_WORDS, find_word, normalize, quoted

TYPE: QuestionType = "cloze"
TOPICS: tuple[Topic, ...] = ("concept", "event", "perspective")
MULTI = False
BLANK = "_____"
# An actor is blanked only where the sentence says what it thinks ("Russia views ..."),
# not where it is merely named ("countries bordering Russia").
_VIEW_WORDS = re.compile(
    r"\b(views?|viewpoint|sees?|argues?|feels?|perceives?|cites?|believes?|claims?|says?|"
    r"insists?|warns?|points?|considers?|aims?)\b",
    re.IGNORECASE,
)
VIEW_WINDOW = 30  # characters either side of the actor's name
MIN_CONTEXT_WORDS = 8  # a shorter sentence does not say what its blank must be
LEANING = {"This", "That", "It", "They", "These", "Those"}  # words that lean on the last sentence
MIN_LEANING_CONTEXT = 12  # such a sentence must say more itself


def _names(item: Item, pools: Pools) -> tuple[str, ...]:
    """What may be blanked for an item, longest first."""
    if isinstance(item, Concept):
        names: tuple[str, ...] = item.names
    elif isinstance(item, Claim):
        actor = next((a for a in pools.course.actors if a.name == item.actor), None)
        names = (item.actor, *(actor.aliases if actor else ()))
    else:
        assert isinstance(item, Event)
        names = (str(item.date),) if item.date is not None else ()
    return tuple(sorted(names, key=len, reverse=True))


def _blank(item: Item, pools: Pools) -> tuple[int, int] | None:
    """Where the one mention of the item's name stands in its sentence, if exactly one."""
    source = pools.source(item)
    spans: list[tuple[int, int]] = []
    for name in _names(item, pools):
        if normalize(name) in STOP_WORDS:
            continue
        for start in find_word(source, name):
            end = start + len(name)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
    if len(spans) != 1:
        return None
    start, end = spans[0]
    if isinstance(item, Claim):
        around = source[max(0, start - VIEW_WINDOW) : end + VIEW_WINDOW]
        if not _VIEW_WORDS.search(around):
            return None
    return start, end


MIN_ACTORS_TO_BLANK = 4  # with two or three sides, an actor's blank is a coin toss


def eligible(item: Item, pools: Pools) -> bool:
    # Cheap on purpose: whether the sentence has exactly one blank is settled by `make`,
    # only for the items a quiz actually picks.
    if isinstance(item, Claim) and len(pools.actors) < MIN_ACTORS_TO_BLANK:
        return False
    if isinstance(item, Claim) and (item.actor[:1].islower() or points_back(item)):
        return False  # "_____ argue that …" takes "historians"; "… their independence" tells
    return bool(_names(item, pools))


def make(item: Item, pools: Pools, taken: Taken) -> Question | None:
    span = _blank(item, pools)
    if span is None:
        return None
    source = pools.source(item)
    start, end = span
    answer = source[start:end]
    accepted = tuple(n for n in _names(item, pools) if normalize(n) != normalize(answer))
    if isinstance(item, Concept):
        why = f"{quoted(item.term)} means: {item.definition}" if item.definition else ""
    elif isinstance(item, Claim):
        why = f"This is the view of {item.actor}."
    else:
        on = "on" if answer[:1].isdigit() and not answer.isdigit() else "in"  # "on 4 May 1904"
        why = f"{quoted(item.label)} happened {on} {answer}."
    context = len(source.split()) - len(answer.split())
    if context < MIN_CONTEXT_WORDS:
        return None  # "The potential for _____ is a real concern" could take anything
    if echoes(answer, source[:start] + " " + source[end:]):
        return None  # "a _____ in its near abroad ... a challenge to that influence"
    if source.split()[0] in LEANING and context < MIN_LEANING_CONTEXT:
        return None  # "This creates a feeling of _____": what "this" is, the sentence omits
    return about_one_item(
        pools,
        kind=TYPE,
        item=item,
        prompt=f"Fill in the blank ({hint(answer)}): {source[:start]}{BLANK}{source[end:]}",
        options=None,
        answer=answer,
        accepted=accepted,
        explanation=" ".join(p for p in (missing(answer), why, the_lesson_says(pools, item)) if p),
        note=why,
    )


def hint(answer: str) -> str:
    """What pins the blank down when the sentence alone would take several answers: each
    word's first letter and length, hyphens kept ("n······-a···· p·····"), numbers hidden."""
    pattern = re.sub(r"\w+", _masked, answer)
    words = len(answer.split())
    return f"{'one word' if words == 1 else f'{words} words'}: {pattern}"


def _masked(word: re.Match[str]) -> str:
    """A word's first letter and a dot for each other one; a number only as dots ("Article
    5" hinted "A······ 5" gave the number away)."""
    text = word.group()
    return "·" * len(text) if text.isdigit() else text[0] + "·" * (len(text) - 1)


def missing(answer: str) -> str:
    noun = "word is" if len(answer.split()) == 1 else "words are"
    return f"The missing {noun} {quoted(answer)}."

"""Assemble a quiz: a balanced, deterministic mix of question types, topics and lessons."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from studyapp.content import Claim, Concept, Course, Event, Item
from studyapp.quiz.generators import FAMILIES, Family
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import QUESTION_TYPES, TRUE, Question
from studyapp.quiz.text import STOP_WORDS, mentions, normalize


class QuizRequestError(ValueError):
    """A quiz asked for a lesson or type that does not exist; the message lists valid ones."""


def check_request(
    course: Course, lessons: Iterable[str] | None, types: Iterable[str] | None
) -> tuple[list[str], list[str]]:
    """The lesson ids and question types asked for, in course order; raise if unknown."""
    known = [lesson.id for lesson in course.lessons]
    wanted = list(lessons) if lessons else known
    unknown = [lid for lid in wanted if lid not in known]
    if unknown:
        raise QuizRequestError(
            f"unknown lesson {', '.join(repr(u) for u in unknown)} in course '{course.id}' "
            f"(lessons: {', '.join(known)})"
        )
    chosen_types = list(types) if types else list(QUESTION_TYPES)
    bad = [t for t in chosen_types if t not in QUESTION_TYPES]
    if bad:
        raise QuizRequestError(
            f"unknown question type {', '.join(repr(b) for b in bad)} "
            f"(types: {', '.join(QUESTION_TYPES)})"
        )
    return [lid for lid in known if lid in wanted], [t for t in QUESTION_TYPES if t in chosen_types]


# Each item is tested once, from a sentence no earlier question showed, and nothing an
# earlier question showed answers a later one. Asking an item again in the same quiz was
# tried: read by a strict teacher, nearly every such question was answered by an earlier
# one or by elimination. A shorter quiz, which says why, is better than that.
TRIES_PER_TURN = 40  # candidates a turn may try before the family sits the turn out
MULTI_TRIES = 3  # an ordering or matching picks partners at random: a few tries each


@dataclass
class _Shown:
    """What the quiz has asked and shown so far, to keep each question fresh."""

    used: set[str] = field(default_factory=set)  # usage keys: an item tested one way
    tested: set[str] = field(default_factory=set)  # item ids; the pools read it as `seen`
    sources: set[str] = field(default_factory=set)  # normalised grounding sentences
    cloze_sources: set[str] = field(default_factory=set)  # the sentences clozes blanked
    texts: list[str] = field(default_factory=list)  # each question's prompt, explanation, answer
    folded: list[str] = field(default_factory=list)  # the same, normalised
    stems: list[set[str]] = field(default_factory=list)  # the same, as word stems
    wrong_options: set[str] = field(default_factory=set)  # normalised, shown as not right
    misses: Counter[tuple[str, str]] = field(default_factory=Counter)  # failed tries
    holders_named: dict[str, list[Concept]] | None = None  # see _defined_by_holder

    def add(self, question: Question) -> None:
        self.used.update(_usage_keys(question))
        self.tested.update(question.item_ids)
        if question.type != "true_false":
            right = {normalize(a) for a in _answers(question)}
            self.wrong_options.update(
                normalize(o) for o in question.options or () if normalize(o) not in right
            )
        source = normalize(question.source)
        self.sources.add(source)
        if question.type == "cloze":
            self.cloze_sources.add(source)
        # The feedback shows the right answer as well: what it states is shown too.
        shown = question.answer if isinstance(question.answer, str) else "\n".join(question.answer)
        text = f"{question.prompt}\n{question.explanation}\n{shown}"
        self.texts.append(text)
        self.folded.append(normalize(text))
        self.stems.append(_stems(text, all_words=True))

    def fits(self, question: Question, course: Course, focus: AbstractSet[str]) -> bool:
        if any(key in self.used for key in _usage_keys(question)):
            return False
        source = normalize(question.source)
        # A cloze never shares its sentence with another question: one would
        # fill the other's blank.
        if source in self.cloze_sources:
            return False
        if question.type == "cloze" and self._shows(source):
            return False
        # Nor is its answer in sight: a blank for "collective defense" right after a
        # question that printed it is copying.
        if question.type == "cloze" and any(
            mentions(text, name)
            for name in (str(question.answer), *question.accepted)
            for text in self.texts
        ):
            return False
        # A focus item (due for review) may come from a sentence already shown: it is the
        # reason for the quiz.
        due_here = [i for i in question.item_ids if i in focus]
        shown_before = self._shows(source) and not due_here
        # An ordering that asks a due event may set it among events already asked.
        must_be_new = due_here or question.item_ids
        fresh = not any(i in self.tested for i in must_be_new) and not shown_before
        if not fresh or any(i in self.tested for i in _linked(question, course)):
            return False
        # "Which of these views is Russia's?" showed "NATO's exercises are routine training"
        # as not Russia's: a statement to judge must not be one of those.
        if question.type == "true_false" and any(
            option in normalize(question.prompt) for option in self.wrong_options
        ):
            return False
        # A matching or ordering of items already asked is mostly elimination, unless it
        # is the way to ask an item due for review.
        due = any(i in focus and i not in self.tested for i in question.item_ids)
        retested = any(i in self.tested for i in question.item_ids)
        if len(question.item_ids) > 1 and retested and not due:
            return False
        return not self._gives_away(question, course)

    def _shows(self, source: str) -> bool:
        """Whether an earlier question is grounded on, or quotes, this sentence."""
        return source in self.sources or any(source in text for text in self.folded)

    def _gives_away(self, question: Question, course: Course) -> bool:
        """True if an earlier prompt or explanation states this question's answer together
        with what the question asks about (the date with the event, the term with its
        definition, the actor with the view)."""
        if question.type == "true_false" and len(question.item_ids) == 2:
            # "X came before Y", after an ordering whose feedback listed both in order
            titles = [course.item(i).label for i in question.item_ids]
            return any(all(mentions(text, t) for t in titles) for text in self.texts)
        if not isinstance(question.answer, str) or len(question.item_ids) != 1:
            return False
        item = course.item(question.item_id)
        if isinstance(item, Claim) and self._names_the_holder(item, course):
            return True
        if isinstance(item, Claim) and any(
            _restates(_stems(item.statement), said) for said in self.stems
        ):
            return True  # "an attack on one is an attack on all", after Article 5's meaning
        if question.type == "true_false":  # the fact it judges, stated before
            halves = _fact(course.item(question.item_id))
            return bool(halves) and any(
                all(mentions(text, half.rstrip(".")) for half in halves) for text in self.texts
            )
        # Without a closing full stop: a stem quotes a definition without it.
        answer = question.answer.rstrip(".")
        cues = [cue.rstrip(".") for cue in _cues(course.item(question.item_id), answer)]
        return any(
            mentions(text, answer) and any(mentions(text, cue) for cue in cues)
            for text in self.texts
        )

    def _names_the_holder(self, claim: Claim, course: Course) -> bool:
        """Whether an earlier question showed the definition of a term of the view that
        names its holder: once "eastern flank" was defined as "the NATO members on
        Russia's borders", "the troops we sent to our eastern flank" asks nothing."""
        telling = [
            concept.definition.rstrip(".")
            for concept in self._defined_by_holder(course).get(claim.actor, ())
            if any(mentions(claim.statement, name) for name in concept.names)
        ]
        return any(mentions(text, shown) for shown in telling for text in self.texts)

    def _defined_by_holder(self, course: Course) -> dict[str, list[Concept]]:
        """Per actor, the concepts whose definition names it: found once per quiz, not
        once per view (a course may hold thousands of concepts)."""
        if self.holders_named is None:
            self.holders_named = {}
            for actor in course.actors:
                names = (actor.name, *actor.aliases)
                self.holders_named[actor.name] = [
                    concept
                    for concept in course.concepts
                    if concept.definition
                    and any(mentions(concept.definition, name) for name in names)
                ]
        return self.holders_named


RESTATED_SHARE = 0.5  # of a view's words, found in one earlier text, that say it again
RESTATED_WORDS = 2


def _stems(text: str, *, all_words: bool = False) -> set[str]:
    """A text's words by their first five letters, so that "member" meets "members"."""
    words = re.findall(r"[a-z]{4,}", text.casefold())
    return {w[:5] for w in words if all_words or w not in STOP_WORDS}


def _restates(statement: set[str], said: set[str]) -> bool:
    """Whether an earlier text (its stems) says much the same as a view: most of its
    words stand in it."""
    shared = statement & said
    return len(shared) >= RESTATED_WORDS and len(shared) >= RESTATED_SHARE * len(statement)


def _fact(item: Item) -> tuple[str, ...]:
    """The two halves that state an item's fact together: a term and its definition, an
    event and its date, a view and its holder."""
    if isinstance(item, Concept):
        return (item.term, item.definition) if item.definition else ()
    if isinstance(item, Event):
        return (item.title, str(item.date)) if item.date is not None else ()
    return (item.actor, item.statement)


def _cues(item: Item, answer: str) -> tuple[str, ...]:
    """What names the fact a question asks for, besides its answer."""
    if isinstance(item, Concept):
        if not item.definition or answer == item.definition.rstrip("."):
            return item.names
        return (item.definition,)
    if isinstance(item, Event):
        if item.date is not None and answer == str(item.date):
            return (item.title,)
        return (str(item.date),) if item.date is not None else ()
    if isinstance(item, Claim) and answer == item.actor:
        return (item.statement, item.quote)
    if isinstance(item, Claim) and answer == item.statement.rstrip("."):
        return (item.actor,)  # "which of these views does Russia hold?"
    return ()


def build_quiz(
    course: Course,
    *,
    lessons: Iterable[str] | None = None,
    count: int,
    types: Iterable[str] | None = None,
    rng: random.Random,
    focus: Sequence[str] | None = None,
) -> list[Question]:
    """Up to `count` questions, each fresh: an item is tested once while others are left,
    no two questions come from one sentence, and no question is answered by an earlier one.

    Types take turns so none floods the quiz; each turn goes to the lesson asked least for
    its number of items (lessons holding `focus` items first) and, within it, to a focus
    item if one is left, else to an item of the least-asked topic. The same `rng` seed
    gives the same quiz.
    """
    lesson_ids, type_names = check_request(course, lessons, types)
    pools = Pools.of(course, rng, frozenset(lesson_ids))
    focus_set = frozenset(focus or ())
    items = [item for item in course.items if pools.in_scope(item)]
    sizes = Counter(item.lesson_id for item in items)
    candidates: dict[str, dict[str, list[Item]]] = {}
    for name in type_names:
        family = FAMILIES[name]
        by_lesson: dict[str, list[Item]] = {}
        for item in items:
            if item.topic in family.TOPICS and family.eligible(item, pools):
                by_lesson.setdefault(item.lesson_id, []).append(item)
        if by_lesson:
            candidates[name] = by_lesson

    shown = _Shown(tested=pools.seen)  # one set: what the quiz tested, distractors last
    turns = _Turns(sizes)
    # Untested items each type could ask, kept up to date as questions test items.
    fresh = Counter({name: sum(map(len, lessons.values())) for name, lessons in candidates.items()})
    asked_by: dict[str, list[str]] = {}
    for name, by_lesson in candidates.items():
        for pool in by_lesson.values():
            for item in pool:
                asked_by.setdefault(item.id, []).append(name)
    pending = set(focus_set)  # focus items no question has tested yet
    questions: list[Question] = []
    order = list(candidates)
    rng.shuffle(order)
    turn = 0
    while len(questions) < count and candidates:
        names = [name for name in order if name in candidates]
        start = turn % len(names)
        rotation = names[start:] + names[:start]
        # While focus items wait, a type that can ask about one goes first; then the type
        # asked least, so that one that has to sit out a turn catches up later.
        # Among equals, the type with the fewest fresh items goes first, before others use
        # them up.
        rotation.sort(
            key=lambda n: (
                not _holds(candidates[n], pending),
                turns.types[n],
                fresh[n],
            )
        )
        turn += 1
        before = _progress(candidates, shown)
        question = None
        for name in rotation:
            question = _ask(FAMILIES[name], candidates, pools, shown, turns, pending)
            if question is not None:
                break
        if question is None:
            if _progress(candidates, shown) == before:
                break  # nothing fresh is left
            continue
        questions.append(question)
        for item_id in question.item_ids:
            if item_id not in shown.tested:
                fresh.subtract(asked_by.get(item_id, []))
        shown.add(question)
        pools.shown_options.update(normalize(option) for option in question.options or ())
        if question.type == "true_false":
            pools.verdicts[question.answer == TRUE] += 1
        pending.difference_update(question.item_ids)
        turns.add(question)
    return questions


@dataclass
class _Turns:
    """How often each lesson and topic has been asked, and each lesson's share of items."""

    sizes: Counter[str]
    lessons: Counter[str] = field(default_factory=Counter)
    topics: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)

    def add(self, question: Question) -> None:
        self.types[question.type] += 1
        self.lessons[question.lesson_id] += 1
        self.topics[question.topic] += 1

    def lesson_load(self, lesson_id: str) -> float:
        """Questions per item once this lesson is asked again (Sainte-Laguë's divisor):
        each lesson is asked in proportion to its number of items."""
        return (self.lessons[lesson_id] + 0.5) / max(self.sizes[lesson_id], 1)


def _holds(by_lesson: dict[str, list[Item]], wanted: set[str]) -> bool:
    return bool(wanted) and any(item.id in wanted for pool in by_lesson.values() for item in pool)


def _progress(candidates: dict[str, dict[str, list[Item]]], shown: _Shown) -> tuple[int, int]:
    """What a turn that asks nothing may still change: candidates set aside, tries spent."""
    left = sum(len(pool) for by_lesson in candidates.values() for pool in by_lesson.values())
    return left, sum(shown.misses.values())


def _linked(question: Question, course: Course) -> set[str]:
    """Items that state the same fact as the question's: a view and the concepts it is
    `about`, either way round."""
    linked: set[str] = set()
    for item_id in question.item_ids:
        item = course.item(item_id)
        if isinstance(item, Claim):
            linked.update(item.about)
        elif isinstance(item, Concept):
            linked.update(c.id for c in course.claims if item_id in c.about)
    return linked


def _answers(question: Question) -> list[str]:
    if isinstance(question.answer, str):
        return [question.answer]
    return [str(part) for part in question.answer]


def _usage_keys(question: Question) -> list[str]:
    if question.type == "event_date":  # asking when, and asking which, are two ways
        return [question.id]
    return [f"{question.type}:{item_id}" for item_id in question.item_ids]


def _ask(
    family: Family,
    candidates: dict[str, dict[str, list[Item]]],
    pools: Pools,
    shown: _Shown,
    turns: _Turns,
    focus: set[str],
) -> Question | None:
    """One question of a family that fits the quiz, or None."""
    by_lesson = candidates.get(family.TYPE)
    if not by_lesson:
        return None
    for item in _preferred_items(family.TYPE, by_lesson, pools, shown, turns, focus):
        if family.MULTI and f"{family.TYPE}:{item.id}" in shown.used:
            continue  # already paired or ordered in an earlier question
        question = family.make(item, pools, shown.used.__contains__)
        if question is None:
            _drop(candidates, family.TYPE, item)  # it cannot be asked this way any more
            continue
        if shown.fits(question, pools.course, focus):
            _drop(candidates, family.TYPE, item)  # once per family: never both date directions
            return question
        # What a quiz has shown only grows: a question that does not fit now never will.
        # Setting it aside keeps long quizzes linear.
        shown.misses[(family.TYPE, item.id)] += 1
        if family.MULTI and shown.misses[(family.TYPE, item.id)] < MULTI_TRIES:
            continue  # another try picks other partners
        _drop(candidates, family.TYPE, item)
    return None


def _preferred_items(
    kind: str,
    by_lesson: dict[str, list[Item]],
    pools: Pools,
    shown: _Shown,
    turns: _Turns,
    focus: set[str],
) -> list[Item]:
    """A few untested items to try, best first: focus items, then the lesson asked least
    for its size and the topic asked least."""
    lessons = sorted(
        by_lesson,
        key=lambda lid: (
            not (focus and any(i.id in focus for i in by_lesson[lid])),
            turns.lesson_load(lid),
            pools.rng.random(),
        ),
    )
    tried: list[Item] = []
    for lesson_id in lessons:
        pool = [i for i in by_lesson[lesson_id] if i.id not in shown.tested]
        if not pool:
            continue
        ranked = sorted(
            pool,
            key=lambda i: (
                i.id not in focus,
                turns.topics[i.topic],
                pools.rng.random(),
            ),
        )
        tried.extend(ranked[: TRIES_PER_TURN - len(tried)])
        if len(tried) >= TRIES_PER_TURN:
            break
    return tried


def _drop(candidates: dict[str, dict[str, list[Item]]], kind: str, item: Item) -> None:
    by_lesson = candidates[kind]
    pool = by_lesson.get(item.lesson_id, [])
    if item in pool:
        pool.remove(item)
    if not pool:
        by_lesson.pop(item.lesson_id, None)
    if not by_lesson:
        del candidates[kind]

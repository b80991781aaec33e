"""What every question family shares: the family shape and multiple-choice assembly."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Protocol

from studyapp.content import Claim, Item, Topic
from studyapp.content.model import MONTH_NAMES
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import Question, QuestionType
from studyapp.quiz.text import STOP_WORDS, mentions, normalize, quoted

MIN_OPTIONS, MAX_OPTIONS = 3, 5
MONTHS = ["", *MONTH_NAMES]  # by number: MONTHS[3] is March
Taken = Callable[[str], bool]  # is this item already tested this way in the quiz?


class Family(Protocol):
    """A question family: which items it can ask about, and how it asks."""

    TYPE: QuestionType
    TOPICS: tuple[Topic, ...]
    MULTI: bool  # whether one question tests several items

    def eligible(self, item: Item, pools: Pools) -> bool: ...

    def make(self, item: Item, pools: Pools, taken: Taken) -> Question | None: ...


def group_id(kind: str, item_ids: Sequence[str]) -> str:
    digest = hashlib.sha1("|".join(sorted(item_ids)).encode()).hexdigest()[:10]
    return f"{kind}:{digest}"


def the_lesson_says(pools: Pools, item: Item) -> str:
    return f"The lesson says: {quoted(pools.source(item))}"


def gives_away(prompt: str, answers: Sequence[str]) -> bool:
    """True if the stem contains the answer, or one of its other names, as a whole word."""
    return any(mentions(prompt, answer) for answer in answers if answer.strip())


def order_key(option: str) -> tuple[int, int, int]:
    """Sort key of a date as the learner reads it: "2014", "February 2022", "24 February 2022"."""
    parts = option.split()
    year = int(parts[-1])
    month = MONTHS.index(parts[-2]) if len(parts) >= 2 else 0
    day = int(parts[0]) if len(parts) == 3 else 0
    return year, month, day


ECHO_STEM = 5  # letters of a term's word that, found in its definition, give it away


@functools.lru_cache(maxsize=65536)  # asked of every pair a matching weighs, quiz after quiz
def echoes(term: str, definition: str) -> bool:
    """Whether a definition repeats a word of its own term ("military posturing": "shows
    of military strength"; "information war": "disinformation"), which gives it away."""
    words = re.findall(r"\w+", definition.casefold())
    for part in re.findall(r"\w+", term.casefold()):
        if len(part) >= 4 and part not in STOP_WORDS:
            stem = part[:ECHO_STEM]
            if any(stem in word for word in words):
                return True
    return False


# Words that point back at whoever holds a view: "the Mark threatened their zone" leaves
# only the side with a zone.
POINTING_BACK = frozenset(
    "they them their theirs themselves he him his himself she her hers herself we us our".split()
)


def points_back(claim: Claim) -> bool:
    """Whether a view found in an article names its holder by a pronoun: then "who holds
    it?" answers itself. A written course words its views to be asked."""
    return claim.generated and bool(POINTING_BACK & set(normalize(claim.statement).split()))


def possessive(name: str) -> str:
    """ "Russia's", "NATO's", and "Eastern European states'" (not "states's")."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def bare(sentence: str) -> str:
    """A sentence without its closing full stop, to sit inside a question."""
    return sentence.rstrip().removesuffix(".")


def choice(
    pools: Pools,
    *,
    kind: QuestionType,
    item: Item,
    variant: str = "",
    prompt: str,
    answer: str,
    distractors: Sequence[str],
    explanation: str,
    answer_names: Sequence[str] = (),
    in_order: bool = False,
    min_options: int = MIN_OPTIONS,
) -> Question | None:
    """A multiple-choice question, or None when it cannot be made fairly."""
    wanted = MAX_OPTIONS - 1 if len(distractors) >= MAX_OPTIONS - 1 else len(distractors)
    chosen = list(distractors[: min(wanted, 3)])  # four options read best
    options = [answer, *chosen]
    if len(options) < min_options or len({normalize(o) for o in options}) != len(options):
        return None
    if gives_away(prompt, [answer, *answer_names]):
        return None
    if in_order:  # dates read best in time order
        options.sort(key=lambda option: order_key(option))
    else:  # the right option at each place equally often
        pools.rng.shuffle(chosen)
        options = chosen[:]
        options.insert(pools.rng.randrange(len(options) + 1), answer)
    return about_one_item(
        pools,
        kind=kind,
        item=item,
        variant=variant,
        prompt=prompt,
        options=tuple(options),
        answer=answer,
        explanation=explanation,
    )


def about_one_item(
    pools: Pools,
    *,
    kind: QuestionType,
    item: Item,
    prompt: str,
    options: tuple[str, ...] | None,
    answer: str,
    explanation: str,
    variant: str = "",
    accepted: tuple[str, ...] = (),
    note: str = "",
) -> Question:
    """A question on a single item: its id, lesson and grounding sentence come from it."""
    suffix = f":{variant}" if variant else ""
    return Question(
        id=f"{kind}:{item.id}{suffix}",
        type=kind,
        topic=item.topic,
        item_ids=(item.id,),
        lesson_id=item.lesson_id,
        prompt=prompt,
        options=options,
        answer=answer,
        explanation=explanation,
        source=pools.source(item),
        accepted=accepted,
        note=note,
    )

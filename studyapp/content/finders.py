"""Find key concepts in a lesson's text, and what a sentence says a term means. Plain rules,
each one a pattern a reader would also use; everything found is marked `generated` for a
person to curate. Events and views are read by the language pipeline (`nlp.py`,
`views.py`)."""

from __future__ import annotations

import functools
import re
from collections import Counter

from studyapp.content.model import MONTH_NAMES
from studyapp.content.prose import sentence_texts

_QUOTED = re.compile(
    "(?<![\\w])['\u2018\"\u201c]([A-Za-z][A-Za-z -]{2,40}?)['\u2019\"\u201d](?![\\w])"
)
_DEFINITIONAL = re.compile(
    r"\b(?:[Tt]he (?:concept|idea|notion|principle|doctrine|policy) of|principles of|known as|"
    r"(?:so-)?called|termed)\s+(?!(?:the|a|an|it|them|this|that)\b)([a-z][\w -]*?)"
    r"(?= is | was | are |[,.;]|$)"
)
_DEFINES = re.compile(  # "An isthmus is a narrow strip of …", "Enlargement is the process by …"
    r"^(?:(?:An?|The) )?((?:[A-Z][a-z]+|[a-z]+)(?: [a-z]+){0,2}) (?:is|are|refers to|means) "
    r"(?:an? |the (?:[\w-]+ ){1,3}(?:of|that|which|who|by|in|for|to|with|on|a|an|the) )"
)
_APPOSITION = re.compile(  # "the immune system, a network of cells …"
    r"\bthe ([a-z]+(?: [a-z]+)?), (?:a|an) [a-z]+ (?:of|that|which|for|in|with) "
)
_SUBJECT_IS = re.compile(r"^The ([a-z][\w-]+ [a-z][\w-]+) (?:is|are|refers to|means)\b")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĹĽŁŃŇŐŒŔŘŚŞŠŢŤŰŹŻŽ"  # "Visegrád", "Wałęsa" are names too
_NAME = rf"[{_UPPER}][^\W\d_]+(?:-[{_UPPER}][^\W\d_]+)*"  # "Hay-Bunau-Varilla"
_CAPITALISED = re.compile(
    rf"(?<!^)(?<![.!?] )(?<![\w-])((?:{_NAME}|[A-Z]{{2,}})"
    rf"(?: (?:{_NAME}|\d+)|['\u2019]s {_NAME})+)\b"  # "St Mary's Hospital" whole
)
_HYPHENATED = re.compile(r"\b([a-z]+-[a-z]+ [a-z]{4,}s?)\b")
_ABSTRACT = re.compile(
    r"\b(?:of|and|for|genuine|potential|feeling of|the) "
    r"((?:de-)?[a-z]{4,}(?:ence|ance|ability|ment|ation|ations))\b"
)
_COMMON_ABSTRACT = frozenset(  # everyday abstract nouns that are rarely a text's key terms
    "situation information development developments government environment attention "
    "confrontation presence relationship importance violence performance statement "
    "statements moment management assessment investment involvement implications "
    "intelligence expectations organisations organizations operations consequences "
    "conversations reverberations appearance experience difference evidence".split()
)
_FUNCTION_WORDS = frozenset(
    "both each many more most some very also often though would could should need where "
    "when while which what who how why than then there here just only even still about "
    "into over under".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand million billion dozen".split()
)
# Titles before a name make it a person's: "Monsieur Dacier" is someone, not a term.
_HONORIFICS = frozenset(
    "Mr Mrs Ms Dr Sir Dame Lord Lady Monsieur Madame Herr Frau King Queen Prince Princess "
    "President General Senator Pope".split()
)
_NOT_TERMS = frozenset("this that these those it its there here what which who one each".split())
_HEDGES = frozenset({"so-called", "well-known", "so-so", "self-styled"})
MIN_ABSTRACT_LENGTH = 10  # long abstract nouns ("deterrence", "encirclement") are term-like
_STOP = frozenset(
    "a an and are as at be but by for from has have in is it its of on or that the their "
    "they this to was were will with our we you your these those other another such "
    "had been being did does do done came come went go got get made make up out off said "
    "would could should may might can not".split()
)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def term_key(term: str) -> str:
    """A term folded so that its singular and plural meet."""
    return " ".join(_singular(w) for w in term.casefold().split())


def _content_word(word: str) -> bool:
    return (
        word.islower()
        and word not in _STOP
        and word not in _FUNCTION_WORDS
        and "'" not in word
        and "\u2019" not in word
        and not word.endswith("ly")
    )


@functools.lru_cache(maxsize=4096)  # an article that repeats itself is read once
def _bigrams(text: str) -> tuple[str, ...]:
    """Two-word phrases and "X of Y" phrases of content words (no "of the", no "s actions")."""
    words = re.findall(r"[A-Za-z][\w'\u2019-]*|[,.;:!?()\u2013\u2014]", text)
    grams = []
    padded = [*words, ""]
    for a, b, after in zip(padded, padded[1:], padded[2:], strict=False):
        verb_like = a.endswith(("ing", "ed"))
        if _content_word(a) and _content_word(b) and not verb_like and not _content_word(after):
            grams.append(f"{a} {b}")  # "security concerns", not "own security" of a longer one
    for a, of, b, after in zip(padded, padded[1:], padded[2:], padded[3:], strict=False):
        if of == "of" and _content_word(a) and _content_word(b) and not _content_word(after):
            grams.append(f"{a} of {b}")  # "sphere of influence", not "risk of direct"
    return tuple(grams)


def _named_part(phrase: str, trigrams: Counter[str]) -> str:
    """The words a definitional pattern names: three if the text uses them again, else at
    most two ("so-called movable type let a printer ..." names "movable type")."""
    words = phrase.split()
    if len(words) >= 3 and trigrams[" ".join(words[:3]).casefold()] >= 2:
        return " ".join(words[:3])
    return " ".join(words[:2])


def phrase_counts(texts: list[str]) -> Counter[str]:
    """How often each phrase recurs in a whole article (singular and plural together)."""
    return Counter(term_key(g) for text in texts for s in sentence_texts(text) for g in _bigrams(s))


def trigram_counts(texts: list[str]) -> Counter[str]:
    """How often each run of three words stands in a whole article (counted once, up front,
    so that looking one up costs nothing however long the article)."""
    counts: Counter[str] = Counter()
    for text in texts:
        words = re.findall(r"[\w-]+", text.casefold())
        counts.update(" ".join(words[i : i + 3]) for i in range(len(words) - 2))
    return counts


def find_concepts(
    texts: list[str],
    actors: set[str],
    counts: Counter[str],
    trigrams: Counter[str] | None = None,
) -> list[tuple[str, str]]:
    """(term, sentence where it is first used or defined) for the key terms of a text.

    Terms are phrases the text puts in quotes or introduces ("the concept of X", "known as
    X", "The X is ..."), capitalised names of several words, phrases that recur, and
    abstract nouns it builds its argument on.
    """
    sentences = [s for text in texts for s in sentence_texts(text)]
    written = "\n".join(texts)
    trigrams = trigram_counts(texts) if trigrams is None else trigrams
    chosen: dict[str, tuple[str, str]] = {}  # key: (term, sentence)

    def add(term: str, sentence: str) -> None:
        term = term.strip(" -")
        key = term_key(term)
        words = term.split()
        if not words or len(words) > 4 or key in chosen or term.casefold() in actors:
            return
        if all(w.casefold() in _STOP for w in words) or len(term) < 4:
            return
        if words[0].casefold() in _NUMBER_WORDS or words[0] in _HONORIFICS:
            return  # "thousand years", "Monsieur Dacier"
        chosen[key] = (term, sentence)

    for sentence in dict.fromkeys(sentences):  # a repeated sentence has nothing new to add
        for match in _QUOTED.finditer(sentence):
            add(match.group(1), sentence)
        for match in _DEFINITIONAL.finditer(sentence):
            for part in match.group(1).split(" and "):
                add(_named_part(part, trigrams), sentence)
        defines = _DEFINES.match(sentence)
        if defines and defines.group(1).split()[0].casefold() not in _NOT_TERMS:
            add(_midway(defines.group(1), written), sentence)
        for match in _APPOSITION.finditer(sentence):
            add(match.group(1), sentence)
        subject = _SUBJECT_IS.match(sentence)
        if subject and subject.group(1).split()[0] not in ("current", "same", "other", "main"):
            add(subject.group(1), sentence)
        for match in _CAPITALISED.finditer(sentence):
            name = match.group(1)
            after = sentence[match.end() :].split(" ", 2)
            group = after[1].strip(",.;:") if len(after) > 1 else ""
            if name.casefold() in actors or group in ("nations", "states", "countries"):
                continue  # an actor, not a concept
            if any(len(n) > 3 and n in name.casefold() for n in actors):
                continue  # "Polish President Lech Wałęsa": a person, not a term
            introduced = re.search(
                r"\b(?:called|named|known as)\b[^.,;]{0,25}$", sentence[: match.start()]
            )  # "called this day the …"
            if not any(month in name for month in MONTH_NAMES) and (
                introduced or not _everyday_name(name)
            ):
                add(name, sentence)
        for match in _HYPHENATED.finditer(sentence):
            first, last = match.group(1).split()
            number = first.split("-")[0] in _NUMBER_WORDS  # "ninety-five percent"
            if last not in _FUNCTION_WORDS and first not in _HEDGES and not number:
                add(match.group(1), sentence)
        for match in _ABSTRACT.finditer(sentence):
            noun = match.group(1)
            if noun not in _COMMON_ABSTRACT and len(noun) >= MIN_ABSTRACT_LENGTH:
                add(noun, sentence)
        for gram in _bigrams(sentence):
            if counts[term_key(gram)] >= 2:
                add(gram, sentence)
    return list(chosen.values())


EVERYDAY_ZIPF = 4.0  # a word met at least once in every 10,000 words of English


def _everyday_name(name: str) -> bool:
    """A name made of everyday words ("Second World War", "Royal Air Force") is known
    without the article: a blank for it asks general knowledge, not what was read."""
    from wordfreq import zipf_frequency  # loaded on the first capitalised name

    if any(c.isdigit() for c in name):
        return False  # "Article 5" is one clause of one treaty
    parts = re.findall(r"[^\W\d_]+", name.replace("'s", "").replace("\u2019s", ""))
    return bool(parts) and all(zipf_frequency(p.lower(), "en") >= EVERYDAY_ZIPF for p in parts)


def _midway(term: str, text: str) -> str:
    """A term that opens a sentence, as the text writes it mid-way: "Herd immunity is …"
    gives "herd immunity" when "herd" is written in lower case elsewhere; one word is
    lowered ("Enlargement is …"); "European Union is …" stays."""
    first = term.split()[0]
    lower = first[:1].lower() + first[1:]
    if term.istitle() and " " not in term:  # "Enlargement is the process …"
        return lower
    if first != lower and re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text):
        return term[:1].lower() + term[1:]
    return term


_ARTICLE = r"(?:a|an|the)\s"


def definition_in(sentence: str, term: str) -> str | None:
    """What the sentence says the term is, when it defines it: "X is a …", "X, the …,",
    "X refers to …", "X means …"; None for a sentence that only uses the term."""
    name = rf"(?<![\w-]){re.escape(term)}(?![\w-])"
    patterns = (
        rf"{name}(?:\s*\([^)]*\))?\s+(?:is|are|was|were)\s+(?P<d>{_ARTICLE}[^.;:]+)",
        rf"{name},\s+(?P<d>{_ARTICLE}[^,.;:]+),",
        rf"{name}\s+(?:refers to|means|describes|denotes)\s+(?P<d>[^.;:]+)",
    )
    for pattern in patterns:
        found = re.search(pattern, sentence, flags=re.IGNORECASE)
        if found is None:
            continue
        meaning = " ".join(found.group("d").split()).rstrip(",")
        if len(meaning.split()) < 3 or re.search(name, meaning, flags=re.IGNORECASE):
            continue  # "is a thing", or a definition that repeats the term
        return meaning[:1].upper() + meaning[1:] + "."
    return None

"""Import of PETRARCH/TABARI verb dictionaries (``*.verbs.txt``) into a :class:`Lexicon`.

The format (PETRARCH-1, inherited from TABARI/KEDS)::

    &SYNSET                     a word class; its members follow as ``+word`` lines
    +MILITARY
    +ECONOMIC_AID               ``_`` (or a space) joins the words of a phrase

    --- ABANDON  [345] ---      a verb block and its default code
    ABANDON {ABANDONS}          verb forms: the first is the lemma; ``{...}`` irregular forms
    DOWNPLAY [014]              another verb of the block, with its own code
    +BREAK_DOWN                 a phrasal verb: ``+`` marks the verb word
    - * DIPLOMATIC TIES [901]   a pattern: ``*`` is the verb, words before it precede the
    - * &TIETYPES TIES [902]    verb, words after it follow; ``+`` target, ``$`` source,
    - * WITH % [031]            ``%`` compound actor, ``^`` skip a phrase, ``&NAME`` a synset

Codes are ``[043]``; ``[---]`` means "no event"; ``[031:031]`` codes an event and its reverse.

What maps onto the lexicon's patterns (``newsevents.coding.lexicon.Pattern``) is imported:

* a verb's default code -> a bare pattern (``abandon`` -> 345);
* ``* [PARTICLE ...] [WORD ... HEAD] [PREP] [+|%]`` -> particles, one object phrase (modifiers
  then head) and the preposition that introduces the target (``express +concern``,
  ``back down >from``); ``%`` or a ``[X:X]`` code makes the pattern reciprocal; the same words
  also become a ``words`` sequence, a weaker fallback ("fired two artillery shells" for
  ``* ARTILLERY``);
* other words after the verb (``* ON RESOLUTION``, ``* NEW_ECONOMIC_AID``) -> ``words``: groups
  in order, the words of a ``_`` phrase or a synset member adjacent, each word matched by its
  form or its lemma;
* words before the verb (``WILL NOT *``, ``% HAVE *``, ``INDICATED WOULD *``) -> ``before``
  groups, matched against the verb's auxiliaries, negators and adverbs and the words of a verb
  it complements (``newsevents.coding.verb_context``); contractions are spelled out
  (``WO N'T`` = ``will not``);
* a verb block whose word is an inflected form of another block's verb (``LEFT`` beside
  ``LEAVE``, ``MET`` beside ``MEET``) -> patterns with ``form``: PETRARCH codes "left" and
  "leave" differently;
* synsets are expanded into one pattern per member.

The rest is skipped and counted by reason in :attr:`VerbImport.skipped`: a target or gap
before the verb (``+ WAS_ * ...``), gaps and actor markers after it (``* EID AT ^ WITH +``),
codes that are not 2-4 digits (``[174K]``, ``[+++]``) and ``[---]`` codes (the lexicon has no
"no event" pattern). ``[X:Y]`` with ``X != Y`` becomes ``Pattern(code=X, reverse_code=Y)``: the
source does X to the target and the target does Y to the source (``LEFT [032:033]``).

Words are reduced to lemmas by ``lemmatize`` (word, "VERB", "NOUN" or "ADJ") -> lemma,
because the lexicon is indexed by lemma. Pass :func:`spacy_lemmatizer` built from the loaded
spaCy pipeline; the default is a small suffix-rule lemmatizer that only handles regular forms.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from newsevents.coding.lexicon import Group, Lexicon, Pattern, Word, word_key
from newsevents.coding.petrarch_verbfile import (
    JOIN,
    Block,
    joined,
    pattern_tokens,
    read_verb_file,
    split_words,
)
from newsevents.errors import DictionaryError

if TYPE_CHECKING:
    from spacy.language import Language

Lemmatize = Callable[[str, str], str]
"""(lower-case word, "VERB", "NOUN" or "ADJ" (object modifiers)) -> lemma."""

_SNIFF = re.compile(r"^---\s+[^\[\n]+\[[^\]\n]*\]", re.MULTILINE)

PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "aside", "apart", "forward"})
PREPOSITIONS = frozenset(
    [
        "to",
        "with",
        "against",
        "on",
        "upon",
        "in",
        "into",
        "at",
        "for",
        "from",
        "of",
        "by",
        "over",
        "about",
        "toward",
        "towards",
        "near",
        "between",
        "among",
        "onto",
        "through",
        "across",
        "under",
        "within",
        "without",
        "after",
        "before",
        "during",
        "despite",
        "like",
    ]
)
DETERMINERS = frozenset({"the", "a", "an"})
FUNCTION_WORDS = frozenset(
    [
        "not",
        "no",
        "never",
        "n't",
        "neither",
        "nor",
        "will",
        "wo",
        "would",
        "should",
        "must",
        "may",
        "might",
        "can",
        "ca",
        "could",
        "was",
        "were",
        "be",
        "is",
        "are",
        "am",
        "been",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "if",
        "so",
        "now",
        "only",
        "ever",
        "when",
        "while",
        "as",
        "than",
    ]
)
_MARKERS = frozenset({"+", "$", "%", "^"})
_Verb = tuple[str, str | None, tuple[str, ...]]  # lemma, form, words after it (+CORDON_OFF)


@dataclass(frozen=True, slots=True)
class _Shape:
    """What one pattern line (one synset variant) says, in the terms of :class:`Pattern`."""

    particles: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    prep: str | None = None
    compound: bool = False
    before: tuple[Group, ...] = ()
    words: tuple[Group, ...] = ()


@dataclass(frozen=True, slots=True)
class VerbImport:
    """The lexicon imported from one verb file, with what could not be represented."""

    lexicon: Lexicon
    imported: int
    skipped: Mapping[str, int] = field(default_factory=dict)  # reason -> count

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


def is_petrarch_verbs(path: Path) -> bool:
    """True when ``path`` looks like a PETRARCH/TABARI verb dictionary (has ``--- V [c] ---``)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    return _SNIFF.search(head) is not None


def load_petrarch_verbs(path: Path, *, lemmatize: Lemmatize | None = None) -> Lexicon:
    """The verb patterns of a PETRARCH verb dictionary as a :class:`Lexicon`.

    Raises :class:`DictionaryError` naming ``file:line`` when the file is malformed.
    """
    return import_petrarch_verbs(path, lemmatize=lemmatize).lexicon


def import_petrarch_verbs(path: Path, *, lemmatize: Lemmatize | None = None) -> VerbImport:
    """Like :func:`load_petrarch_verbs`, also reporting what was skipped and why."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read the verb dictionary ({exc})") from exc
    return parse_petrarch_verbs(text, origin=str(path), lemmatize=lemmatize or simple_lemma)


def parse_petrarch_verbs(text: str, *, origin: str, lemmatize: Lemmatize) -> VerbImport:
    """Parse the text of a verb dictionary; ``origin`` names it in messages."""
    synsets, blocks = read_verb_file(text, origin=origin)
    skipped: Counter[str] = Counter()
    patterns: list[Pattern] = []
    bases = _base_forms(blocks, lemmatize)
    for block in blocks:
        patterns.extend(_convert_block(block, synsets, origin, lemmatize, skipped, bases))
    lexicon = Lexicon.from_patterns(patterns)
    return VerbImport(
        lexicon=lexicon, imported=len(patterns), skipped=MappingProxyType(dict(skipped))
    )


def spacy_lemmatizer(nlp: Language) -> Lemmatize:
    """A :data:`Lemmatize` that uses the rule lemmatizer of a loaded spaCy pipeline."""
    from spacy.tokens import Doc

    pipe = nlp.get_pipe("lemmatizer")
    rule = getattr(pipe, "rule_lemmatize", None)
    if rule is None:
        return simple_lemma

    def lemmatize(word: str, pos: str) -> str:
        if not word.isalpha():
            return word
        lemmas = rule(Doc(nlp.vocab, words=[word], pos=[pos])[0])
        return str(lemmas[0]).lower() if lemmas else word

    return lemmatize


def simple_lemma(word: str, pos: str) -> str:
    """Suffix rules for regular English forms; irregular forms are returned unchanged."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if pos == "ADJ":
        return word
    if pos == "NOUN":
        if word.endswith("ies"):
            return word[:-3] + "y" if len(word) > 4 else word[:-1]  # parties, ties
        if word.endswith(("sses", "shes", "ches", "xes")):
            return word[:-2]
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + repl
            if repl == "" and len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # stopped -> stop
            return stem
    return word


def _base_forms(blocks: list[Block], lemmatize: Lemmatize) -> frozenset[str]:
    """Verb words of the file that are their own lemma ("leave", "meet")."""
    words = (
        split_words(phrase)
        for block in blocks
        for phrase, _, _ in block.forms or [(block.name, None, 0)]
    )
    singles = (w[0].lstrip("+").lower() for w in words if len(w) == 1)
    return frozenset(w for w in singles if lemmatize(w, "VERB") == w)


# --- conversion ------------------------------------------------------------------------------


def _convert_block(
    block: Block,
    synsets: Mapping[str, list[list[str]]],
    origin: str,
    lemmatize: Lemmatize,
    skipped: Counter[str],
    bases: frozenset[str],
) -> Iterator[Pattern]:
    """Patterns of one block; each skipped line (not each verb or synset member) counts once.

    A verb written in an inflected form whose lemma is also a verb of its own in the file
    ("LEFT" beside "LEAVE", "MET" beside "MEET") is matched in that form only, as in PETRARCH.
    The block's patterns apply to each of its verbs, a phrasal verb's words (``+CORDON_OFF``)
    coming right after the ``*``.
    """
    forms = block.forms or [(block.name, None, block.line)]
    verbs: list[_Verb] = []
    for phrase, own_code, number in forms:
        words = split_words(phrase)
        if next((i for i, w in enumerate(words) if w.startswith("+")), 0) > 0:
            skipped["verb form with words before the verb"] += 1
            continue
        word = words[0].lstrip("+").lower()
        lemma = lemmatize(word, "VERB")
        form = word if word != lemma and lemma in bases else None
        verbs.append((lemma, form, tuple(joined(words[1:]))))
        code = own_code if own_code is not None else block.code
        where = f"{origin}:{number}"
        yield from _patterns([["*"]], code, verbs[-1:], where, lemmatize, skipped)
    for body, code, number in block.patterns:
        where = f"{origin}:{number}"
        variants = list(_expand(pattern_tokens(body), synsets, where))
        yield from _patterns(variants, code, verbs, where, lemmatize, skipped)


def _expand(
    tokens: list[str], synsets: Mapping[str, list[list[str]]], where: str, depth: int = 0
) -> Iterator[list[str]]:
    """Every token list with each ``&SYNSET`` replaced by one of its members."""
    if depth > 8:
        raise DictionaryError(
            f"{where}: synsets nest more than 8 deep (a synset includes itself?)."
        )
    choices: list[list[list[str]]] = []
    for token in tokens:
        if token.startswith("&"):
            name = token.rstrip("_").upper()
            if name not in synsets:
                raise DictionaryError(f"{where}: synset {name} is used but never defined.")
            choices.append([joined(member) for member in synsets[name]])
        else:
            choices.append([[token]])
    for combo in itertools.product(*choices):
        flat = [w for part in combo for w in part]
        if any(w.startswith("&") for w in flat):
            yield from _expand(flat, synsets, where, depth + 1)
        else:
            yield flat


def _patterns(
    variants: list[list[str]],
    raw_code: str,
    verbs: list[_Verb],
    where: str,
    lemmatize: Lemmatize,
    skipped: Counter[str],
) -> Iterator[Pattern]:
    """The patterns of one dictionary line (its synset variants, for each verb)."""
    code, reverse, reason = _code(raw_code)
    if reason:
        skipped[reason] += 1
    if code is None:
        return
    reasons: set[str] = set()
    seen: set[tuple[_Shape, str, str | None]] = set()
    for tokens, (lemma, form, tail) in itertools.product(variants, verbs):
        at = tokens.index("*") + 1 if "*" in tokens else 0
        shapes = _shape([*tokens[:at], *tail, *tokens[at:]], lemmatize)
        if isinstance(shapes, str):
            reasons.add(shapes)
            continue
        for shape in shapes:
            if (shape, lemma, form) in seen:
                continue  # "WO N'T" and "WILL NOT" give the same words
            seen.add((shape, lemma, form))
            yield Pattern(
                code=code,
                lemma=lemma,
                particles=shape.particles,
                objects=shape.objects,
                prep=shape.prep,
                reciprocal=reverse == code or shape.compound,
                origin=where,
                reverse_code=reverse if reverse != code else None,
                form=form,
                before=shape.before,
                words=shape.words,
                literal=True,
            )
    skipped.update(reasons)


def _code(raw: str) -> tuple[str | None, str | None, str | None]:
    """(code, reverse code, reason to count) for a bracketed code ``[X]`` or ``[X:Y]``."""
    if raw.strip("-") == "":
        return None, None, "code [---] (no event)"
    first, _, second = (part.strip() for part in raw.partition(":"))
    if not _is_code(first):
        return None, None, "code is not 2-4 digits"
    if not second:
        return first, None, None
    if not _is_code(second):
        return first, None, "code [X:Y]: reverse Y is not 2-4 digits"
    return first, second, None


def _is_code(code: str) -> bool:
    return code.isdigit() and 2 <= len(code) <= 4


def _shape(tokens: list[str], lemmatize: Lemmatize) -> list[_Shape] | str:
    """What a pattern's tokens say, or the reason it is skipped.

    Words before the verb become ``before`` groups. Words after it become particles, one object
    phrase and a target preposition where they fit that shape (then also, as a fallback, the
    same words in sequence: "fired two artillery shells" for ``* ARTILLERY``), else only a
    ``words`` sequence (``* ON RESOLUTION``, ``* OVER EFFORTS``, ``* NEW_ECONOMIC_RELATIONS``).
    """
    if tokens.count("*") != 1:
        return "pattern without exactly one '*'"
    at = tokens.index("*")
    pre, post = tokens[:at], tokens[at + 1 :]
    compound = "%" in pre
    if any(t in ("+", "^") for t in pre):
        return "target or gap before the verb"
    before = tuple(_groups(pre, lambda w: (word_key(w),)))
    while post and post[-1] in ("+", "%", JOIN):
        compound = compound or post[-1] == "%"
        post = post[:-1]
    if any(t in _MARKERS for t in post):
        return "actor or gap markers inside the phrase"
    post = [t.lower() for t in post]
    prep = post.pop() if post and post[-1] in PREPOSITIONS else None
    post = [w for w in post if w not in DETERMINERS]
    while post and post[-1] == JOIN:
        post.pop()
    sequence = tuple(_groups(post, lambda w: _spellings(w, lemmatize)))
    shape = _Shape((), (), prep, compound, before, sequence)
    particles: list[str] = []
    while post and post[0] in PARTICLES | {JOIN}:
        word = post.pop(0)
        if word != JOIN:
            particles.append(word)
    words = [w for w in post if w != JOIN]
    if JOIN in post or any(
        w in PREPOSITIONS or w in FUNCTION_WORDS or not w[0].isalpha() for w in words
    ):
        return [shape]
    objects = tuple(lemmatize(w, "ADJ") for w in words[:-1]) + tuple(
        lemmatize(w, "NOUN") for w in words[-1:]
    )
    structured = _Shape(tuple(particles), objects, prep, compound, before)
    return [structured, shape] if sequence else [structured]


def _groups(tokens: list[str], spell: Callable[[str], Word]) -> Iterator[Group]:
    """Groups of adjacent words (joined by :data:`JOIN`); ``$`` and ``%`` are dropped."""
    group: list[Word] = []
    joined = False
    for token in tokens:
        if token == JOIN:
            joined = True
            continue
        if token in ("$", "%"):
            continue
        if group and not joined:
            yield tuple(group)
            group = []
        group.extend(spell(w) for w in _split_contraction(token.lower()))
        joined = False
    if group:
        yield tuple(group)


def _split_contraction(word: str) -> list[str]:
    """ "DON'T" is two words, as a tokenizer splits it: "do", "n't"."""
    if word.endswith("n't") and word != "n't":
        return [word[:-3], "n't"]
    return [word]


def _spellings(word: str, lemmatize: Lemmatize) -> Word:
    """The spellings a word after the verb may have in a sentence: as written and its lemma."""
    key = word_key(word)
    lemma = lemmatize(key, "NOUN")
    return (key,) if lemma == key else (key, lemma)

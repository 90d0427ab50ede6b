"""The event lexicon: phrase patterns that map verbs and event nouns to CAMEO codes.

Vocabulary lives in data files (``newsevents/data/lexicon/verbs.txt`` and ``nouns.txt``);
this module only parses them and picks the most specific pattern for a predicate.

File format, one pattern per line (``#`` starts a comment)::

    CODE  LEMMA [particle ...] [+object] [>prep] [<>] [<<]

* ``LEMMA``: the verb lemma (``verbs.txt``) or event noun lemma (``nouns.txt``), lower case.
* bare words after the lemma are particles (``cordon off``, ``carry out``).
* ``+word`` is the head lemma of the direct object (for nouns: of an ``of``-phrase or
  compound); ``+tear_gas`` is a compound object, matched as modifier words before the head.
  Several ``+`` words are alternatives joined into one pattern only when written on separate lines.
* ``>prep`` names the preposition that introduces the target (``express +gratitude >to``).
* ``<>`` marks a reciprocal event: conjoined actors ("Kim and Shoigu discussed") act on each
  other.
* ``&NAME = word, word_word`` defines a word class; ``+&NAME`` stands for each member.
* ``<<`` marks a converse verb: the object of ``>prep`` is the one who acts
  (``receive +weapon >from <<``: "Ukraine received weapons from the US" is USA → UKR).
* ``CODE:CODE`` gives the code the target does back, as PETRARCH's ``[046:046]``:
  ``046:046  hold +talk >with <>`` makes "X held talks with Y" both X → Y and Y → X.

The most specific pattern wins: particles, objects and a matched preposition each add to the
score, so ``fire +tear_gas >at`` (175) beats ``fire >at`` (190).

A user lexicon file in this format, passed with ``--dictionary``, adds to the built-in one; a
line ``[nouns]`` starts its event nouns.

Imported PETRARCH dictionaries (``newsevents.coding.petrarch_verbs``) can say more than this
line format: a surface ``form`` of the verb (``LEFT`` is not ``LEAVE``), words ``before`` the
verb (``WILL NOT *``, ``% HAVE *``) and a sequence of ``words`` after it (``* ON RESOLUTION``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from newsevents.errors import DictionaryError

Word = tuple[str, ...]
"""The spellings a pattern word is matched by (its form, its lemma): ``("euros", "euro")``."""
Group = tuple[Word, ...]
"""Pattern words that must be adjacent in the sentence."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """One phrase of the lexicon."""

    code: str
    lemma: str
    particles: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()  # words of one object phrase, head last: ("tear", "gas")
    prep: str | None = None
    reciprocal: bool = False
    origin: str = ""  # "file:line", for messages and --show-misses
    reverse_code: str | None = None  # PETRARCH "[032:033]": the target does 033 to the source
    form: str | None = None  # the verb only in this surface form, lower case ("left", "met")
    # Words before the verb and words after it in its own phrase: groups in order, gaps allowed
    # between groups, the words of a group adjacent (PETRARCH "MOST_CERTAINLY_WO_N'T EVER *").
    before: tuple[Group, ...] = ()
    words: tuple[Group, ...] = ()
    # "receive +weapon >from <<": the object of >prep is the one who acts (converse verbs)
    converse: bool = False
    # an imported dictionary's code is kept as written: no recoding for "will" (intent)
    literal: bool = False
    # how much the pattern names: the most specific fitting pattern wins (set from the above)
    specificity: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "specificity",
            4 * len(self.objects)
            + 3 * len(self.particles)
            + (2 if self.prep else 0)
            + 2 * sum(len(group) for group in self.words)
            + 2 * sum(len(group) for group in self.before)
            + (1 if self.form else 0),
        )

    @property
    def absorbs_negation(self) -> bool:
        """The pattern names a negator before the verb (``WILL NOT *``): its code already says
        what the negated verb means, so the event it codes is not itself negated."""
        return bool(self.before) and any(
            s in NEGATORS for group in self.before for word in group for s in word
        )


@dataclass(frozen=True, slots=True)
class Predicate:
    """What the grammar found around a trigger word, in the terms patterns are written in."""

    lemma: str
    particles: frozenset[str] = frozenset()
    objects: tuple[tuple[str, ...], ...] = ()  # each object: its modifier lemmas then its head
    preps: frozenset[str] = frozenset()
    form: str = ""  # the verb as written, lower case
    # (word_key of the form, lemma) of the verb's auxiliaries, negators and adverbs, in order,
    # and of the words of its phrase after it; filled only when a pattern of the verb needs them.
    before: tuple[tuple[str, str], ...] = ()
    words: tuple[tuple[str, str], ...] = ()


Ranked = tuple[int, int, Pattern]
"""(minus the specificity, position in the lemma's patterns, pattern): the best sorts first."""
ObjectGroups = dict[str | None, tuple[Ranked, ...]]
"""A lemma's patterns by the head of the object they name (None: no object), best first."""

NEGATORS = frozenset({"not", "never", "no", "neither", "nor"})
# Contracted auxiliaries as tokenized ("wo n't", "ca n't") and their full words.
_CONTRACTIONS = {"n't": "not", "wo": "will", "ca": "can", "sha": "shall", "'ll": "will"}


def word_key(word: str) -> str:
    """The key a word before the verb is compared by: lower case, contractions spelled out."""
    low = word.lower()
    return _CONTRACTIONS.get(low, low)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Verb and noun patterns indexed by lemma. Built once, then only read."""

    verbs: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    nouns: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    # lemma -> object head (None: patterns without an object) -> its patterns, best first:
    # a predicate is only tested against the patterns its objects can satisfy
    verb_index: dict[str, ObjectGroups] = field(default_factory=dict)
    noun_index: dict[str, ObjectGroups] = field(default_factory=dict)
    # lemma -> (some pattern names words before the verb, some names words after it)
    contexts: dict[str, tuple[bool, bool]] = field(default_factory=dict)

    @classmethod
    def load(cls, *, extra: Sequence[Path] = (), builtin: bool = True) -> Lexicon:
        """The built-in lexicon (unless ``builtin`` is False), plus user files (``extra``),
        whose patterns come first, so they win over built-in ones of equal specificity.

        A user file may hold a ``[nouns]`` line; patterns after it are event nouns.
        """
        verbs: list[Pattern] = []
        nouns: list[Pattern] = []
        for path in extra:
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise DictionaryError(f"{path}: cannot read lexicon file ({exc})") from exc
            head, _, tail = text.partition("[nouns]")
            verbs += parse_patterns(head, origin=str(path))
            nouns += parse_patterns(tail, origin=str(path))
        if builtin:
            base = resources.files("newsevents") / "data" / "lexicon"
            verbs += parse_patterns((base / "verbs.txt").read_text("utf-8"), origin="verbs.txt")
            nouns += parse_patterns((base / "nouns.txt").read_text("utf-8"), origin="nouns.txt")
        return cls.from_patterns(verbs, nouns)

    @classmethod
    def from_patterns(cls, verbs: Iterable[Pattern], nouns: Iterable[Pattern] = ()) -> Lexicon:
        verb_map, noun_map = _index(verbs), _index(nouns)
        return cls(
            verbs=verb_map,
            nouns=noun_map,
            verb_index=_object_index(verb_map),
            noun_index=_object_index(noun_map),
            contexts={
                lemma: (any(p.before for p in ps), any(p.words for p in ps))
                for lemma, ps in verb_map.items()
            },
        )

    def merged(self, other: Lexicon) -> Lexicon:
        """A lexicon with ``other``'s patterns taking precedence on equal specificity."""
        verbs = [p for ps in other.verbs.values() for p in ps]
        verbs += [p for ps in self.verbs.values() for p in ps]
        nouns = [p for ps in other.nouns.values() for p in ps]
        nouns += [p for ps in self.nouns.values() for p in ps]
        return Lexicon.from_patterns(verbs, nouns)

    def match_verb(self, predicate: Predicate) -> Pattern | None:
        return _match(self.verb_index, self.verbs, predicate)

    def match_noun(self, predicate: Predicate) -> Pattern | None:
        return _match(self.noun_index, self.nouns, predicate)

    def knows_verb(self, lemma: str) -> bool:
        return lemma in self.verbs

    def verb_object_heads(self, lemma: str) -> Collection[str | None] | None:
        """The object heads of which a predicate of ``lemma`` needs one to match any pattern;
        None when some pattern needs no object. The grammar gives up on a verb with none of
        them ("has" as an auxiliary) before it reads the rest of the verb's phrase."""
        groups = self.verb_index.get(lemma)
        if groups is None or None in groups:
            return None
        return groups.keys()

    def verb_context(self, lemma: str) -> tuple[bool, bool]:
        """Whether some pattern of ``lemma`` names words (before, after) the verb, so the
        grammar need only collect them when they can matter."""
        known = self.contexts.get(lemma)
        if known is not None:
            return known
        patterns = self.verbs.get(lemma, ())
        return any(p.before for p in patterns), any(p.words for p in patterns)

    def knows_noun(self, lemma: str) -> bool:
        return lemma in self.nouns

    def noun_preps(self, lemma: str) -> tuple[str, ...]:
        """The prepositions any pattern of the event noun names, in the order of the files: where
        a pattern chosen for its object ("suicide bombing") finds its target ("on churches")."""
        preps = (p.prep for p in self.nouns.get(lemma, ()) if p.prep)
        return tuple(dict.fromkeys(preps))


def best_match(patterns: Iterable[Pattern], predicate: Predicate) -> Pattern | None:
    """The most specific pattern whose every part is present in ``predicate``.

    On a tie the pattern listed first wins, so files read earlier take precedence.
    """
    best: Pattern | None = None
    for pattern in patterns:
        if not _fits(pattern, predicate):
            continue
        if best is None or pattern.specificity > best.specificity:
            best = pattern
    return best


def _fits(pattern: Pattern, predicate: Predicate) -> bool:
    if pattern.form is not None and pattern.form != predicate.form:
        return False
    if pattern.particles and not predicate.particles.issuperset(pattern.particles):
        return False
    if pattern.objects and not any(_object_fits(pattern.objects, o) for o in predicate.objects):
        return False
    if pattern.prep and pattern.prep not in predicate.preps:
        return False
    if pattern.before and not _groups_in(pattern.before, predicate.before):
        return False
    return not (pattern.words and not _groups_in(pattern.words, predicate.words))


def _groups_in(groups: tuple[Group, ...], found: tuple[tuple[str, str], ...]) -> bool:
    """Each group occurs as an adjacent run in ``found``, the groups in order, gaps between."""
    start = 0
    for group in groups:
        size = len(group)
        at = next((i for i in range(start, len(found) - size + 1) if _run(group, found, i)), None)
        if at is None:
            return False
        start = at + size
    return True


def _run(group: Group, found: tuple[tuple[str, str], ...], at: int) -> bool:
    return all(any(s in spellings for s in found[at + k]) for k, spellings in enumerate(group))


def _object_fits(wanted: tuple[str, ...], found: tuple[str, ...]) -> bool:
    """``wanted`` head equals ``found`` head, and its modifiers all occur in ``found``."""
    if not found or wanted[-1] != found[-1]:
        return False
    return len(wanted) == 1 or all(word in found[:-1] for word in wanted[:-1])


def is_lexicon_file(path: Path) -> bool:
    """A file in the lexicon line format: its first pattern line starts with a CAMEO code."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for raw in handle:
                line = raw.split("#", 1)[0].strip()
                if line and line != "[nouns]":
                    code = line.split()[0]
                    return code.isdigit() and 2 <= len(code) <= 4 and len(line.split()) >= 2
    except OSError:
        return False
    return False


def parse_patterns(text: str, *, origin: str) -> list[Pattern]:
    """Parse the lexicon line format; errors name the file and line.

    A line ``&NAME = word, word_word, ...`` defines a word class; ``+&NAME`` in a later
    pattern stands for each of its members ("072 give +&WEAPON >to").
    """
    out: list[Pattern] = []
    classes: dict[str, list[str]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{origin}:{number}"
        if line.startswith("&"):
            name, _, members = line.partition("=")
            words = [m.strip().lower() for m in members.split(",") if m.strip()]
            if not words or not name.strip()[1:].isidentifier():
                raise DictionaryError(f"{where}: write a word class as '&NAME = word, word'.")
            classes[name.strip()[1:].upper()] = words
            continue
        out.extend(_expand(line, classes, origin=where))
    return out


def _expand(line: str, classes: dict[str, list[str]], *, origin: str) -> list[Pattern]:
    """One pattern per member of a ``+&CLASS`` object (or the line itself)."""
    if "+&" not in line:
        return [parse_line(line, origin=origin)]
    head, _, rest = line.partition("+&")
    name, _, tail = rest.partition(" ")
    members = classes.get(name.upper())
    if members is None:
        raise DictionaryError(f"{origin}: unknown word class &{name}; define it on a line above.")
    return [parse_line(f"{head}+{member} {tail}", origin=origin) for member in members]


def parse_line(line: str, *, origin: str) -> Pattern:
    parts = line.split()
    if len(parts) < 2:
        raise DictionaryError(
            f"{origin}: expected 'CODE LEMMA ...', got {line!r}. "
            "Write the CAMEO code, then the verb or noun lemma."
        )
    code, lemma, *rest = parts
    code, _, reverse = code.partition(":")  # "046:046": the target does 046 back
    for c in (code, reverse) if reverse else (code,):
        if not (c.isdigit() and 2 <= len(c) <= 4):
            raise DictionaryError(f"{origin}: {c!r} is not a CAMEO code (2 to 4 digits).")
    particles: list[str] = []
    objects: tuple[str, ...] = ()
    prep: str | None = None
    reciprocal = converse = False
    for word in rest:
        if word == "<>":
            reciprocal = True
        elif word == "<<":
            converse = True
        elif word.startswith("+"):
            if objects:
                raise DictionaryError(
                    f"{origin}: only one +object per line; write alternatives on separate lines."
                )
            objects = tuple(w.lower() for w in word[1:].split("_") if w)
        elif word.startswith(">"):
            prep = word[1:].lower()
        else:
            particles.append(word.lower())
    pattern = Pattern(
        code=code,
        lemma=lemma.lower(),
        particles=tuple(particles),
        objects=objects,
        prep=prep,
        reciprocal=reciprocal,
        origin=origin,
        converse=converse,
        reverse_code=reverse or None,
    )
    if converse and not prep:
        raise DictionaryError(f"{origin}: '<<' needs a >prep naming who acts ('>from <<').")
    return pattern


def _match(
    index: dict[str, ObjectGroups],
    by_lemma: dict[str, tuple[Pattern, ...]],
    predicate: Predicate,
) -> Pattern | None:
    """:func:`best_match` over the patterns the predicate's objects can satisfy. Each group is
    ranked best first, so a group is read only up to its first fitting pattern, and not at all
    past a pattern that cannot beat the best found so far."""
    groups = index.get(predicate.lemma)
    if groups is None:  # a Lexicon built by hand, without the index
        return best_match(by_lemma.get(predicate.lemma, ()), predicate)
    best: Ranked | None = None
    for head in (None, *{obj[-1] for obj in predicate.objects if obj}):
        for ranked in groups.get(head, ()):
            if best is not None and ranked[:2] > best[:2]:
                break
            if _fits(ranked[2], predicate):
                best = ranked
                break
    return best[2] if best is not None else None


def _object_index(by_lemma: dict[str, tuple[Pattern, ...]]) -> dict[str, ObjectGroups]:
    out: dict[str, ObjectGroups] = {}
    for lemma, patterns in by_lemma.items():
        groups: dict[str | None, list[Ranked]] = {}
        for position, pattern in enumerate(patterns):
            head = pattern.objects[-1] if pattern.objects else None
            groups.setdefault(head, []).append((-pattern.specificity, position, pattern))
        out[lemma] = {head: tuple(sorted(items)) for head, items in groups.items()}
    return out


def _index(patterns: Iterable[Pattern]) -> dict[str, tuple[Pattern, ...]]:
    grouped: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        grouped.setdefault(pattern.lemma, []).append(pattern)
    return {lemma: tuple(ps) for lemma, ps in grouped.items()}

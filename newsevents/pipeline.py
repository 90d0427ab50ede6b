"""The pipeline: composes the stages and runs them over batches of articles.

    Article ─nlp─▶ Doc ─actors─▶ DocActors ─coding─▶ Candidate ─when/where─▶ Event

Every stage is built once in :meth:`Pipeline.build` from immutable knowledge, then called per
batch. The spaCy ``Doc`` never leaves :meth:`Pipeline.process`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsevents import __version__
from newsevents.actors import ActorKnowledge, ActorResolver
from newsevents.coding.coder import Candidate, EventCoder
from newsevents.coding.lexicon import Lexicon, is_lexicon_file
from newsevents.coding.ontology import Ontology
from newsevents.coding.petrarch_verbs import (
    is_petrarch_verbs,
    load_petrarch_verbs,
    spacy_lemmatizer,
)
from newsevents.coding.vocab import ClaimVocabulary
from newsevents.doctree import DocTree
from newsevents.errors import NewsEventsError
from newsevents.ingest import article_from_text
from newsevents.model import Article, Coder, Event, Place
from newsevents.nlp import load_model
from newsevents.settings import Settings
from newsevents.when import DateResolution, DateResolver
from newsevents.where import Gazetteer, PlaceResolver

CODER = Coder(name="newsevents", version=__version__)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """The outcome for one article: its events, or why it failed."""

    article: Article
    events: tuple[Event, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Stages:
    """The knowledge-built stages, without the spaCy model (cheap to share across batches)."""

    coder: EventCoder
    actors: ActorResolver
    ontology: Ontology
    dates: DateResolver
    places: PlaceResolver


class Pipeline:
    """Articles in, events out. Build once per process with :meth:`build`."""

    def __init__(self, nlp: Language, stages: Stages, settings: Settings) -> None:
        self.nlp = nlp
        self.stages = stages
        self.settings = settings

    @classmethod
    def build(cls, settings: Settings | None = None) -> Pipeline:
        settings = settings or Settings()
        nlp = load_model(settings.model)
        return cls(nlp, build_stages(settings, nlp=nlp), settings)

    def extract_text(self, text: str, *, published: dt.date | None = None) -> list[Event]:
        """Events of one article's text. Raises InputError for empty text and
        ArticleTooLarge for a text over the size limit."""
        article = article_from_text(
            text, published=published, max_chars=self.settings.max_article_chars
        )
        result = next(self.process([article]))
        if result.error:
            raise NewsEventsError(f"{article.id}: {result.error}")
        return list(result.events)

    def process(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Events for each article, in order. One bad article never stops the others."""
        limit = self.settings.max_article_chars
        batch: list[Article] = []
        for article in articles:
            if len(article.text) > limit:
                yield ArticleResult(article, error=_too_large(article, limit))
                continue
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Article]) -> Iterator[ArticleResult]:
        try:
            docs = list(self.nlp.pipe((a.text for a in batch), batch_size=len(batch)))
        except Exception:  # a parser failure on one text: parse one by one to isolate it
            yield from (self._run_one(article) for article in batch)
            return
        for article, doc in zip(batch, docs, strict=True):
            yield self._code(article, doc)

    def _run_one(self, article: Article) -> ArticleResult:
        try:
            doc = self.nlp(article.text)
        except Exception as exc:
            return ArticleResult(article, error=f"parser failure: {exc}")
        return self._code(article, doc)

    def _code(self, article: Article, doc: Doc) -> ArticleResult:
        try:
            events = code_document(self.stages, article, doc, self.settings)
        except Exception as exc:  # reported per article; the run goes on
            return ArticleResult(article, error=f"coding failure: {type(exc).__name__}: {exc}")
        return ArticleResult(article, tuple(events))


def build_stages(settings: Settings, *, nlp: Language | None = None) -> Stages:
    """Every stage but the parser. ``nlp`` lemmatizes imported PETRARCH verb dictionaries."""
    verb_files = [p for p in settings.dictionaries if is_petrarch_verbs(Path(p))]
    lexicon_files = [Path(p) for p in settings.dictionaries if is_lexicon_file(Path(p))]
    actor_files = [
        p for p in settings.dictionaries if p not in verb_files and Path(p) not in lexicon_files
    ]
    builtin = settings.builtin_lexicon or not verb_files
    lexicon = Lexicon.load(extra=lexicon_files, builtin=builtin)
    lemmatize = spacy_lemmatizer(nlp) if nlp is not None else None
    for path in verb_files:
        lexicon = lexicon.merged(load_petrarch_verbs(Path(path), lemmatize=lemmatize))
    knowledge = ActorKnowledge.load(dictionaries=actor_files)
    names = {iso3: entry.name for iso3, entry in knowledge.countries.items()}
    places = PlaceResolver(Gazetteer.load())
    coder = EventCoder(
        lexicon=lexicon,
        vocab=ClaimVocabulary.load(),
        country_names=names,
        locate=places.locative_country,
    )
    return Stages(
        coder=coder,
        actors=ActorResolver(knowledge),
        ontology=Ontology.load(),
        dates=DateResolver(),
        places=places,
    )


def code_document(stages: Stages, article: Article, doc: Doc, settings: Settings) -> list[Event]:
    actors = stages.actors.for_doc(doc, date=article.published)
    candidates = stages.coder.code(doc, actors)
    dateline = stages.places.dateline(article.text)
    dates: dict[int, DateResolution] = {}  # per trigger: a reciprocal pair shares its date
    places: dict[tuple[int, tuple[str, ...]], Place | None] = {}
    events = []
    for c in candidates:
        if c.confidence < settings.min_confidence:
            continue
        if c.trigger.i not in dates:
            dates[c.trigger.i] = stages.dates.resolve(
                c.sentence, c.trigger, published=article.published
            )
        countries = tuple(a.country for a in (c.source, c.target) if a is not None and a.country)
        key = (c.trigger.i, tuple(sorted(countries)))
        if key not in places:
            places[key] = stages.places.resolve(
                c.sentence, c.trigger, actor_countries=countries, dateline=dateline
            )
        events.append(to_event(article, c, dates[c.trigger.i], places[key], stages.ontology))
    return events


def to_event(
    article: Article, c: Candidate, when: DateResolution, place: Place | None, ontology: Ontology
) -> Event:
    evidence, start = _evidence(c.sentence)
    return Event(
        id=event_id(article.id, c),
        article_id=article.id,
        sentence=c.sentence_index,
        evidence=evidence,
        span=(start, start + len(evidence)),
        source=c.source,
        target=c.target,
        type=ontology.event_type(c.code),
        status=c.status,
        polarity=c.polarity,
        modality=c.modality,
        attributed_to=c.attributed_to,
        date=when.date,
        date_precision=when.precision,
        date_end=when.date_end,
        place=place,
        confidence=c.confidence,
        trigger=c.trigger.text,
        coder=CODER,
    )


def _evidence(sent: Span) -> tuple[str, int]:
    """The sentence text without surrounding white space, and where it starts in the article
    (read from the document's tree: ``Span.text`` builds a Token per word)."""
    tree = DocTree.of(sent.doc)
    text = tree.span_text(sent.start, sent.end)
    stripped = text.strip()
    return stripped, tree.idx[sent.start] + (len(text) - len(text.lstrip()))


def event_id(article_id: str, c: Candidate) -> str:
    key = "|".join(
        [
            article_id,
            str(c.trigger.idx),
            c.code,
            c.source.code + c.source.name if c.source else "",
            c.target.code + c.target.name if c.target else "",
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _too_large(article: Article, limit: int) -> str:
    return (
        f"article of {len(article.text):,} characters is over the limit of {limit:,} "
        "(Settings.max_article_chars, --max-chars); split it or raise the limit"
    )

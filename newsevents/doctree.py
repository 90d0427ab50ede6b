"""The parse of one document as plain tuples, read once with ``Doc.to_array``.

Every ``doc[i]``, ``token.head``, ``token.children`` or ``span.text`` builds new spaCy ``Token``
objects, and that, not the grammar, is most of the time the actor, date and place stages take.
:class:`DocTree` reads the attributes they use for all tokens at once; walking the tree through
its tuples builds no ``Token``. It is built once per document and kept in ``doc.user_data`` (like
:func:`newsevents.nlp.entities_in`), so that every stage that codes the document shares it.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_SPACE,
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SPACY,
    TAG,
)
from spacy.tokens import Doc, Span

from newsevents.nlp import entities_in

TREE_KEY = "newsevents.tree"
_ATTRS = [HEAD, DEP, LOWER, POS, IDX, ORTH, SPACY, LEMMA, TAG, IS_SPACE, ENT_TYPE, ENT_IOB]
ENT_OUTSIDE = 2  # ENT_IOB of a token outside every entity ("O"; 0 is: not annotated)


class DocTree:
    """Per-token attributes of one document, indexed by token position. Read-only: tuples built
    here (only :meth:`entities` and :meth:`edges` memoise)."""

    __slots__ = (
        "_edges",
        "_ent_ids",
        "_ents_in",
        "_tag_ids",
        "children",
        "deps",
        "ent_iob",
        "heads",
        "idx",
        "is_space",
        "lemma_ids",
        "lemmas",
        "lowers",
        "pos",
        "strings",
        "text",
        "words",
    )

    def __init__(self, doc: Doc) -> None:
        strings = self.strings = doc.vocab.strings
        size = len(doc)
        arr = doc.to_array(_ATTRS).reshape(size, len(_ATTRS))
        # HEAD is a relative offset stored in an unsigned array: reinterpret, then make absolute
        rel = arr[:, 0].astype(numpy.int64)
        heads = (rel + numpy.arange(size, dtype=numpy.int64)).tolist()
        columns = arr[:, 1:].T.tolist()
        deps, lowers, pos, idx, orths, spaces, lemmas, tags, is_space, ents, iob = columns
        words = [strings[o] for o in orths]
        # Most words are in lower case, and most lemmas are the word itself: those reuse the
        # string already read (looking a hash up in the StringStore is the costly part).
        lower_words = [
            w if o == lo else strings[lo] for w, o, lo in zip(words, orths, lowers, strict=True)
        ]
        lemma_words = [
            w if m == lo else strings[m].lower()
            for w, m, lo in zip(lower_words, lemmas, lowers, strict=True)
        ]
        # A word's children, ascending (the order of Token.children); a word has few.
        children: list[tuple[int, ...]] = [()] * size
        for i, head in enumerate(heads):
            if head != i:
                children[head] += (i,)
        # Tuples, not lists: the tree is kept with its document, and the garbage collector
        # stops tracking a tuple of strings or ints, where it would walk a list at every pass.
        self.heads: tuple[int, ...] = tuple(heads)
        self.children: tuple[tuple[int, ...], ...] = tuple(children)
        self.deps: tuple[str, ...] = tuple([strings[d] for d in deps])
        self.words: tuple[str, ...] = tuple(words)
        self.lowers: tuple[str, ...] = tuple(lower_words)
        self.lemmas: tuple[str, ...] = tuple(lemma_words)  # lower case, as patterns are written
        self.lemma_ids: tuple[int, ...] = tuple(lemmas)  # hashes in ``strings``
        self.pos: tuple[int, ...] = tuple(pos)
        self.idx: tuple[int, ...] = tuple(idx)
        self.is_space: tuple[int, ...] = tuple(is_space)  # white space (not: followed by it)
        self.ent_iob: tuple[int, ...] = tuple(iob)
        self._tag_ids: tuple[int, ...] = tuple(tags)
        self._ent_ids: tuple[int, ...] = tuple(ents)
        self.text = "".join([w + " " if s else w for w, s in zip(words, spaces, strict=True)])
        self._ents_in: dict[tuple[int, int], list[Span]] = {}
        self._edges: tuple[list[int], list[int]] | None = None

    @classmethod
    def of(cls, doc: Doc) -> DocTree:
        """The tree of ``doc``, built on first use and kept with the document (so the parse
        must be final: a document retokenized afterwards gets a new tree)."""
        tree: DocTree | None = doc.user_data.get(TREE_KEY)
        if tree is None or len(tree.heads) != len(doc):
            tree = cls(doc)
            doc.user_data[TREE_KEY] = tree
        return tree

    def edges(self, i: int) -> tuple[int, int]:
        """``(token.left_edge.i, token.right_edge.i)``: the first and last word of the subtree
        (memoised per word)."""
        if self._edges is None:
            self._edges = ([-1] * len(self.heads), [-1] * len(self.heads))
        return self._edge(i, 0), self._edge(i, 1)

    def _edge(self, i: int, side: int) -> int:
        assert self._edges is not None
        known = self._edges[side]
        found = known[i]
        if found < 0:
            edges = [self._edge(child, side) for child in self.children[i]]
            found = min([i, *edges]) if side == 0 else max([i, *edges])
            known[i] = found
        return found

    def subject_words(self, verb: int) -> frozenset[int]:
        """The words of ``verb``'s subjects (active or passive), whole phrases."""
        return frozenset(
            w
            for c in self.children[verb]
            if self.deps[c] in ("nsubj", "nsubjpass")
            for w in self.subtree(c)
        )

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the span's tokens."""
        if end <= start:
            return ""
        last = end - 1
        return self.text[self.idx[start] : self.idx[last] + len(self.words[last])]

    def entities(self, span: Span) -> list[Span]:
        """``entities_in(span)``, looked up once per span (a sentence asked about by each of
        its events). The list is shared: do not change it."""
        key = (span.start, span.end)
        found = self._ents_in.get(key)
        if found is None:
            found = self._ents_in[key] = entities_in(span)
        return found

    def lemma(self, i: int) -> str:
        return self.strings[self.lemma_ids[i]]

    def tag(self, i: int) -> str:
        return self.strings[self._tag_ids[i]]

    def ent_type(self, i: int) -> str:
        return self.strings[self._ent_ids[i]]

    def ancestors(self, i: int) -> Iterator[int]:
        """``token.ancestors``: the head, its head, ... up to the root."""
        heads = self.heads
        for _ in range(len(heads)):  # no token has more ancestors than the document has tokens
            if heads[i] == i:
                return
            i = heads[i]
            yield i

    def subtree(self, i: int) -> Iterator[int]:
        """``token.subtree``, in the same order: left children's subtrees, the token, right."""
        kids = self.children[i]
        for child in kids:
            if child < i:
                yield from self.subtree(child)
        yield i
        for child in kids:
            if child > i:
                yield from self.subtree(child)

    def distance(self, a: int, b: int) -> int:
        """Number of dependency arcs between two tokens (through their lowest common ancestor);
        the sum of both paths to the root when they share none."""
        up_a = [a, *self.ancestors(a)]
        up_b = [b, *self.ancestors(b)]
        index_b = {t: n for n, t in enumerate(up_b)}
        for n, t in enumerate(up_a):
            if t in index_b:
                return n + index_b[t]
        return len(up_a) + len(up_b)

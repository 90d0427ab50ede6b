"""The words around a verb that imported PETRARCH patterns name: before it and after it.

``WILL NOT *``, ``% HAVE *`` and ``INDICATED WOULD *`` name words before the verb;
``* ON RESOLUTION`` and ``* OVER EFFORTS`` name words after it. PETRARCH matches them against
the surface string; here they are read off the dependency parse, so that a relative clause or a
quoted aside between the words does not count:

* before the verb: its auxiliaries, negators and adverbs (with their own adverbs and conjuncts:
  "most certainly", "heavily and unjustly"), and for a complement ("indicated it would act",
  "won't try to clash", "were able to leave") the governing word and its own such words;
* after the verb: the words of its phrase (objects, prepositional phrases, particles), in
  order, without the clauses attached to it.

Both are computed only for verbs that have such patterns (:meth:`Lexicon.verb_context`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.coding.lexicon import word_key

BEFORE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "preconj"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
# Dependents that start a clause of their own: their words are not part of the verb phrase.
CLAUSE_DEPS = frozenset(
    {
        "advcl",
        "ccomp",
        "xcomp",
        "relcl",
        "acl",
        "conj",
        "cc",
        "parataxis",
        "punct",
        "mark",
        "nsubj",
        "nsubjpass",
        "csubj",
        "appos",
    }
)
MAX_CLIMB = 4


def words_before(verb: Token) -> tuple[tuple[str, str], ...]:
    """(:func:`word_key` of the form, lemma) of the words before ``verb`` that modify it."""
    found: dict[int, Token] = {}
    node = verb
    for _ in range(MAX_CLIMB):
        for child in node.children:
            if child.dep_ in BEFORE_DEPS and child.i < verb.i:
                found.update((t.i, t) for t in child.subtree if t.dep_ != "punct")
        if node.dep_ not in COMPLEMENT_DEPS or node.head.i == node.i:
            break
        node = node.head
        if node.i < verb.i:
            found[node.i] = node
        if node.pos_ == "ADJ" and node.dep_ == "acomp" and node.head.i < verb.i:
            node = node.head  # "were able to leave": the copula's words count too
            found[node.i] = node
    return tuple((word_key(found[i].lower_), found[i].lemma_.lower()) for i in sorted(found))


def words_after(verb: Token) -> tuple[tuple[str, str], ...]:
    """(form, lemma) of the words of ``verb``'s phrase after it, in order, clauses left out."""
    out: list[Token] = []
    stack = [c for c in verb.children if c.i > verb.i and c.dep_ not in CLAUSE_DEPS]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)
    out.sort(key=lambda t: t.i)
    return tuple((t.lower_, t.lemma_.lower()) for t in out)

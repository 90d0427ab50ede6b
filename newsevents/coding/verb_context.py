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

from newsevents.coding.arguments import ADJ_POS
from newsevents.coding.lexicon import word_key
from newsevents.doctree import DocTree

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


def words_before(t: DocTree, verb: int) -> tuple[tuple[str, str], ...]:
    """(:func:`word_key` of the form, lemma) of the words before ``verb`` that modify it."""
    deps, heads = t.deps, t.heads
    found: set[int] = set()
    node = verb
    for _ in range(MAX_CLIMB):
        for child in t.children[node]:
            if deps[child] in BEFORE_DEPS and child < verb:
                found.update(w for w in t.subtree(child) if deps[w] != "punct")
        if deps[node] not in COMPLEMENT_DEPS or heads[node] == node:
            break
        node = heads[node]
        if node < verb:
            found.add(node)
        if t.pos[node] == ADJ_POS and deps[node] == "acomp" and heads[node] < verb:
            node = heads[node]  # "were able to leave": the copula's words count too
            found.add(node)
    return tuple((word_key(t.lowers[i]), t.lemmas[i]) for i in sorted(found))


def words_after(t: DocTree, verb: int) -> tuple[tuple[str, str], ...]:
    """(form, lemma) of the words of ``verb``'s phrase after it, in order, clauses left out."""
    deps, children = t.deps, t.children
    out: list[int] = []
    stack = [c for c in children[verb] if c > verb and deps[c] not in CLAUSE_DEPS]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in children[token] if deps[c] not in CLAUSE_DEPS)
    out.sort()
    return tuple((t.lowers[i], t.lemmas[i]) for i in out)

"""Build spaCy parses by hand, so grammar rules are tested without the statistical model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab


def parse(rows: str) -> Doc:
    """One token a line: ``word lemma POS TAG dep head`` (head: 1-based index, 0 = root)."""
    words, lemmas, pos, tags, deps, heads = [], [], [], [], [], []
    lines = [line.split() for line in rows.strip().splitlines()]
    for i, (word, lemma, upos, tag, dep, head) in enumerate(lines):
        words.append(word)
        lemmas.append(lemma)
        pos.append(upos)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head) - 1 if int(head) else i)
    return Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)

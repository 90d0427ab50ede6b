"""Frame grammar on hand-built parses."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsevents.coding.frames import find_frames
from newsevents.coding.lexicon import Lexicon, parse_patterns
from newsevents.coding.vocab import ClaimVocabulary
from tests.coding.handparse import parse

LEXICON = Lexicon.from_patterns(
    parse_patterns(
        """
        043 host
        051 express +gratitude >to
        190 fire >at
        175 fire +tear_gas >at
        040 meet <>
        040 discuss <>
        173 arrest
        036 resume +talk
        """,
        origin="test",
    ),
    parse_patterns("042 visit >to\n040 meeting <>\n190 attack >on", origin="test-nouns"),
)


@pytest.fixture(scope="module")
def vocab() -> ClaimVocabulary:
    return ClaimVocabulary.load()


def texts(doc: Doc, tokens: tuple[int, ...]) -> list[str]:
    return [doc[i].text for i in tokens]


def test_active_voice_subject_and_object(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Kim Kim PROPN NNP nsubj 2
        hosted host VERB VBD ROOT 0
        Shoigu Shoigu PROPN NNP dobj 2
        """
    )
    (frame,) = find_frames(doc[:], LEXICON, vocab)
    assert frame.pattern.code == "043"
    assert texts(doc, frame.sources) == ["Kim"]
    assert texts(doc, frame.targets) == ["Shoigu"]


def test_passive_voice_swaps_roles(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Protesters protester NOUN NNS nsubjpass 3
        were be AUX VBD auxpass 3
        arrested arrest VERB VBN ROOT 0
        by by ADP IN agent 3
        police police NOUN NN pobj 4
        """
    )
    (frame,) = find_frames(doc[:], LEXICON, vocab)
    assert texts(doc, frame.sources) == ["police"]
    assert texts(doc, frame.targets) == ["Protesters"]


def test_most_specific_pattern_and_prepositional_target(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Police police NOUN NN nsubj 2
        fired fire VERB VBD ROOT 0
        tear tear NOUN NN compound 4
        gas gas NOUN NN dobj 2
        at at ADP IN prep 2
        students student NOUN NNS pobj 5
        """
    )
    (frame,) = find_frames(doc[:], LEXICON, vocab)
    assert frame.pattern.code == "175"
    assert texts(doc, frame.targets) == ["students"]
    assert texts(doc, frame.objects) == ["gas"]


def test_conjoined_subjects_are_all_sources(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Kim Kim PROPN NNP nsubj 4
        and and CCONJ CC cc 1
        Shoigu Shoigu PROPN NNP conj 1
        discussed discuss VERB VBD ROOT 0
        weapons weapon NOUN NNS dobj 4
        """
    )
    (frame,) = find_frames(doc[:], LEXICON, vocab)
    assert texts(doc, frame.sources) == ["Kim", "Shoigu"]
    assert frame.pattern.reciprocal


def test_object_of_pattern_is_not_an_event_of_its_own(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Kim Kim PROPN NNP nsubj 2
        expressed express VERB VBD ROOT 0
        gratitude gratitude NOUN NN dobj 2
        to to ADP IN prep 3
        Putin Putin PROPN NNP pobj 4
        """
    )
    (frame,) = find_frames(doc[:], LEXICON, vocab)
    assert frame.pattern.code == "051"
    assert texts(doc, frame.targets) == ["Putin"]


def test_controlled_complement_takes_the_controller_subject(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Iran Iran PROPN NNP nsubj 2
        agreed agree VERB VBD ROOT 0
        to to PART TO aux 4
        resume resume VERB VB xcomp 2
        talks talk NOUN NNS dobj 4
        """
    )
    (frame,) = find_frames(doc[:], LEXICON, vocab)
    assert frame.pattern.code == "036"
    assert texts(doc, frame.sources) == ["Iran"]


def test_object_control_makes_the_object_the_subject(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        EU EU PROPN NNP nsubj 2
        urged urge VERB VBD ROOT 0
        Serbia Serbia PROPN NNP dobj 2
        to to PART TO aux 5
        meet meet VERB VB xcomp 2
        Kosovo Kosovo PROPN NNP dobj 5
        """
    )
    (frame,) = find_frames(doc[:], LEXICON, vocab)
    assert texts(doc, frame.sources) == ["Serbia"]
    assert texts(doc, frame.targets) == ["Kosovo"]


def test_nominal_event_with_possessor_and_target(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Putin Putin PROPN NNP poss 3
        's 's PART POS case 1
        visit visit NOUN NN nsubj 4
        ended end VERB VBD ROOT 0
        """
    )
    assert find_frames(doc[:], LEXICON, vocab) == []  # "visit" here has no "to" target
    doc = parse(
        """
        Putin Putin PROPN NNP poss 3
        's 's PART POS case 1
        visit visit NOUN NN nsubj 6
        to to ADP IN prep 3
        Beijing Beijing PROPN NNP pobj 4
        ended end VERB VBD ROOT 0
        """
    )
    (frame,) = find_frames(doc[:], LEXICON, vocab)
    assert frame.kind == "noun"
    assert texts(doc, frame.sources) == ["Putin"]
    assert texts(doc, frame.targets) == ["Beijing"]


def test_meeting_between_two_actors_is_reciprocal(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        The the DET DT det 2
        meeting meeting NOUN NN nsubj 7
        between between ADP IN prep 2
        Kim Kim PROPN NNP pobj 3
        and and CCONJ CC cc 4
        Shoigu Shoigu PROPN NNP conj 4
        ended end VERB VBD ROOT 0
        """
    )
    (frame,) = find_frames(doc[:], LEXICON, vocab)
    assert texts(doc, frame.reciprocal_group) == ["Kim", "Shoigu"]


def test_unknown_verb_gives_no_frame(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Kim Kim PROPN NNP nsubj 2
        said say VERB VBD ROOT 0
        things thing NOUN NNS dobj 2
        """
    )
    assert find_frames(doc[:], LEXICON, vocab) == []

"""Claims grammar on hand-built parses: attribution, status, polarity, modality, control."""

from __future__ import annotations

import pytest

from newsevents.coding.claims import assess
from newsevents.coding.vocab import ClaimVocabulary, recode
from newsevents.doctree import DocTree
from tests.coding.handparse import parse


@pytest.fixture(scope="module")
def vocab() -> ClaimVocabulary:
    return ClaimVocabulary.load()


def test_said_makes_the_speaker_the_attribution(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Israel Israel PROPN NNP nsubj 2
        said say VERB VBD ROOT 0
        Hamas Hamas PROPN NNP nsubj 4
        fired fire VERB VBD ccomp 2
        rockets rocket NOUN NNS dobj 4
        """
    )
    claim = assess(DocTree.of(doc), 3, "190", vocab)
    assert claim.status == "asserted"
    assert claim.speaker is not None and doc[claim.speaker].text == "Israel"


def test_hedging_speaker_makes_an_allegation(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Hamas Hamas PROPN NNP nsubj 2
        fired fire VERB VBD ccomp 6
        rockets rocket NOUN NNS dobj 2
        , , PUNCT , punct 6
        analysts analyst NOUN NNS nsubj 6
        say say VERB VBP ROOT 0
        """
    )
    claim = assess(DocTree.of(doc), 1, "190", vocab)
    assert claim.status == "alleged"
    assert claim.speaker is not None and doc[claim.speaker].text == "analysts"


def test_according_to_names_the_speaker(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        According accord VERB VBG prep 6
        to to ADP IN prep 1
        KCNA KCNA PROPN NNP pobj 2
        , , PUNCT , punct 6
        Kim Kim PROPN NNP nsubj 6
        met meet VERB VBD ROOT 0
        Shoigu Shoigu PROPN NNP dobj 6
        """
    )
    claim = assess(DocTree.of(doc), 5, "040", vocab)
    assert claim.speaker is not None and doc[claim.speaker].text == "KCNA"


def test_accusation_complement_is_alleged(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Korea Korea PROPN NNP nsubjpass 4
        has have AUX VBZ aux 4
        been be AUX VBN auxpass 4
        accused accuse VERB VBN ROOT 0
        of of ADP IN prep 4
        shipping ship VERB VBG pcomp 5
        weapons weapon NOUN NNS dobj 6
        """
    )
    assert assess(DocTree.of(doc), 5, "072", vocab).status == "alleged"
    assert assess(DocTree.of(doc), 3, "112", vocab).status == "asserted"


def test_denial_complement_is_denied(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Korea Korea PROPN NNP nsubj 2
        denies deny VERB VBZ ROOT 0
        it it PRON PRP nsubj 5
        has have AUX VBZ aux 5
        shipped ship VERB VBN ccomp 2
        weapons weapon NOUN NNS dobj 5
        """
    )
    claim = assess(DocTree.of(doc), 4, "072", vocab)
    assert claim.status == "denied"
    assert claim.speaker is not None and doc[claim.speaker].text == "Korea"


def test_not_negates(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Police police NOUN NN nsubj 4
        did do AUX VBD aux 4
        not not PART RB neg 4
        arrest arrest VERB VB ROOT 0
        anyone anyone PRON NN dobj 4
        """
    )
    assert assess(DocTree.of(doc), 3, "173", vocab).polarity == "negated"


def test_refusal_is_a_rejection_not_a_negation(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Iran Iran PROPN NNP nsubj 2
        refused refuse VERB VBD ROOT 0
        to to PART TO aux 4
        meet meet VERB VB xcomp 2
        envoys envoy NOUN NNS dobj 4
        """
    )
    claim = assess(DocTree.of(doc), 3, "040", vocab)
    assert claim.code == "125"
    assert claim.polarity == "positive"
    assert claim.modality == "actual"


def test_threat_and_intent_recode_the_complement(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        Russia Russia PROPN NNP nsubj 2
        threatened threaten VERB VBD ROOT 0
        to to PART TO aux 4
        attack attack VERB VB xcomp 2
        Ukraine Ukraine PROPN NNP dobj 4
        """
    )
    claim = assess(DocTree.of(doc), 3, "190", vocab)
    assert (claim.code, claim.modality) == ("138", "threatened")
    doc = parse(
        """
        Iran Iran PROPN NNP nsubj 2
        pledged pledge VERB VBD ROOT 0
        to to PART TO aux 4
        release release VERB VB xcomp 2
        prisoners prisoner NOUN NNS dobj 4
        """
    )
    claim = assess(DocTree.of(doc), 3, "0841", vocab)
    assert (claim.code, claim.modality) == ("0353", "intended")


def test_future_auxiliary_is_intended_and_conditional_is_hypothetical(
    vocab: ClaimVocabulary,
) -> None:
    doc = parse(
        """
        China China PROPN NNP nsubj 3
        will will AUX MD aux 3
        visit visit VERB VB ROOT 0
        Japan Japan PROPN NNP dobj 3
        """
    )
    claim = assess(DocTree.of(doc), 2, "042", vocab)
    assert (claim.code, claim.modality) == ("036", "intended")  # CAMEO intent to meet
    doc = parse(
        """
        If if SCONJ IN mark 3
        Russia Russia PROPN NNP nsubj 3
        attacks attack VERB VBZ advcl 6
        , , PUNCT , punct 6
        NATO NATO PROPN NNP nsubj 6
        responds respond VERB VBZ ROOT 0
        """
    )
    assert assess(DocTree.of(doc), 2, "190", vocab).modality == "hypothetical"


def test_appeal_to_an_object(vocab: ClaimVocabulary) -> None:
    doc = parse(
        """
        EU EU PROPN NNP nsubj 2
        urged urge VERB VBD ROOT 0
        Serbia Serbia PROPN NNP dobj 2
        to to PART TO aux 5
        withdraw withdraw VERB VB xcomp 2
        """
    )
    claim = assess(DocTree.of(doc), 4, "0874", vocab)
    assert claim.code == "0256"  # appeal for de-escalation of military engagement
    assert claim.appeal_from is not None and doc[claim.appeal_from].text == "urged"


def test_recode_prefers_the_longest_key(vocab: ClaimVocabulary) -> None:
    assert recode("072", vocab.intent_codes) == "0332"
    assert recode("070", vocab.intent_codes) == "033"
    assert recode("031", vocab.intent_codes) == "031"
    assert recode("111", vocab.intent_codes) is None

"""Any Unicode input gives events or a clear error, never a crash (real model, real pipeline)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.errors import InputError
from newsevents.pipeline import Pipeline

WORDS = st.sampled_from(
    [
        "Russia",
        "attacked",
        "Ukraine",
        "said",
        "not",
        "will",
        "the",
        "Kim",
        "hosted",
        "in",
        "Pyongyang",
        "on",
        "Wednesday",
        "accused",
        "of",
        "denied",
        "\n\n",
        ",",
        ".",
        "—",
        "'s",
        "according",
        "to",
        "KCNA",
        "refused",
        "meet",
        "sanctions",
        "imposed",
        "it",
        "they",
    ]
)
NEWSY = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)
HOSTILE = st.one_of(
    st.text(max_size=300), NEWSY, st.text(alphabet="\n\r\t \u200b\u2028", max_size=20)
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=HOSTILE)
def test_any_text_gives_events_or_a_clear_error(pipeline: Pipeline, text: str) -> None:
    try:
        events = pipeline.extract_text(text)
    except InputError as exc:  # empty or furniture-only text: a clear message
        assert str(exc)
        return
    for event in events:
        data = event.to_dict()
        assert data["cameo"].isdigit()
        start, end = data["span"]
        assert 0 <= start <= end
        assert data["source"] is not None or data["target"] is not None

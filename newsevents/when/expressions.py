"""Finding temporal expressions in a sentence: the grammar (regular expressions over the text).

``ExpressionFinder.find(text)`` returns every expression with its character offsets, longest
first where two overlap. What an expression means is decided later, in ``calendar``; here we only
say what kind it is and pull out its parts.

Kinds: ``iso`` (2023-07-27), ``absolute`` (27 July 2023, July 27, Wednesday, July 26),
``month`` (July 2023, in July), ``year`` (in 2022), ``weekday`` (on Wednesday, last Friday),
``relative_day`` (yesterday), ``period`` (last week, earlier this month), ``ago`` (three days
ago), ``ordinal`` (on the 18th), ``range`` (from Monday to Wednesday, 3-5 July) and
``unresolved`` (the day before, last summer, during Ramadan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsevents.when.vocabulary import Vocabulary

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
PERIOD_SHIFT = {
    "last": -1, "past": -1, "previous": -1, "this": 0, "earlier this": 0, "later this": 0,
    "next": 1, "coming": 1,
}  # fmt: skip
RANGE_JOINERS = r"(?:to|until|till|through|thru|and|-|–|—)"


@dataclass(frozen=True, slots=True)
class Expression:
    """One temporal expression: where it is in the text and what its parts are."""

    kind: str
    start: int
    end: int
    text: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 = Monday
    shift: int = 0  # last = -1, this = 0, next = +1; days for relative_day; count for ago
    unit: str | None = None  # week, month, year (period, ago)
    modifier: str | None = None  # last, next, this (weekday)
    parts: tuple[Expression, ...] = field(default=())  # start and end of a range


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class ExpressionFinder:
    """The temporal grammar, compiled once from the vocabulary."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocab = vocabulary
        wd = _alt(list(vocabulary.weekdays))
        mon = _alt(list(vocabulary.months))
        day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        year = r"(?:19|20)\d{2}"
        self.day_re = re.compile(rf"({day})")
        date_dmy = rf"(?:the\s+)?{day}(?:\s+of)?\s+(?:{mon})\.?(?:,?\s+{year})?"
        date_mdy = rf"(?:{mon})\.?\s+{day}(?!\d)(?:,?\s+{year})?"
        wd_prefix = rf"(?:(?:{wd}),?\s+)?"
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("range", re.compile(rf"\b(?:from\s+|between\s+)?({day})\s*{RANGE_JOINERS}\s*"
                                 rf"({day})(?:\s+of)?\s+({mon})\.?(?:,?\s+({year}))?\b", re.I)),
            ("range", re.compile(rf"\b(?:from\s+|between\s+)?({mon})\.?\s+({day})\s*"
                                 rf"{RANGE_JOINERS}\s*({day})(?!\s+(?:{mon}))(?:,?\s+({year}))?\b",
                                 re.I)),
            ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
            ("absolute", re.compile(rf"\b{wd_prefix}(?:{date_dmy}|{date_mdy})\b", re.I)),
            ("month", re.compile(rf"\b(?:in|since|during|until|by|early|late|mid-?|of)\s+"
                                 rf"((?:{mon})\.?(?:\s+{year})?)\b", re.I)),
            ("month", re.compile(rf"\b((?:{mon})\.?\s+{year})\b", re.I)),
            ("year", re.compile(rf"\b(?:in|since|during|until|by|early|late|of)\s+({year})\b"
                                r"(?![-–]\d)", re.I)),
            ("ago", re.compile(rf"\b(\d+|{_alt(list(NUMBER_WORDS))})\s+(day|week|month|year)s?"
                               r"\s+ago\b", re.I)),
            ("period", re.compile(rf"\b(?:the\s+)?({_alt(list(PERIOD_SHIFT))})\s+"
                                  r"(week|month|year)\b", re.I)),
            ("weekday", re.compile(rf"\b(?:(last|next|this|past|coming)\s+)?({wd})(?:'s|’s)?\b"
                                   r"(?:\s+(?:morning|afternoon|evening|night))?", re.I)),
            ("ordinal", re.compile(r"\b(?:on\s+)?the\s+([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
                                   r"(?=\s*(?:[.,;:)]|$|of\s+(?:this|last|next)\s+month))", re.I)),
            ("relative_day", re.compile(rf"\b({_alt(list(vocabulary.relative_days))})\b", re.I)),
            ("unresolved", re.compile(rf"\b({_alt(list(vocabulary.unresolved))})\b", re.I)),
        ]  # fmt: skip

    def find(self, text: str) -> list[Expression]:
        """Every expression in ``text``, in text order; overlaps go to the earlier pattern."""
        taken: list[tuple[int, int]] = []
        found: list[Expression] = []
        for kind, pattern in self.patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                expr = self._build(kind, match)
                if expr is not None:
                    taken.append((start, end))
                    found.append(expr)
        found = self._merge_ranges(text, sorted(found, key=lambda e: e.start))
        return found

    def _build(self, kind: str, m: re.Match[str]) -> Expression | None:
        text, start, end = m.group(0), m.start(), m.end()
        g = m.groups()
        months = self.vocab.months
        if kind in ("month", "absolute", "range") and not self._month_capitalised(text):
            return None
        if kind == "iso":
            return Expression(kind, start, end, text, int(g[2]), int(g[1]), int(g[0]))
        if kind == "absolute":
            return Expression(kind, start, end, text)
        if kind == "month":
            words = g[0].replace(".", "").split()
            yr = int(words[1]) if len(words) > 1 else None
            return Expression(kind, start + m.group(0).index(g[0]), end, g[0],
                              month=months[words[0].lower()], year=yr)  # fmt: skip
        if kind == "year":
            return Expression(kind, start + m.group(0).index(g[0]), end, g[0], year=int(g[0]))
        if kind == "ago":
            count = int(g[0]) if g[0].isdigit() else NUMBER_WORDS[g[0].lower()]
            return Expression(kind, start, end, text, shift=count, unit=g[1].lower())
        if kind == "period":
            return Expression(kind, start, end, text, shift=PERIOD_SHIFT[g[0].lower()],
                              unit=g[1].lower(), modifier=g[0].lower())  # fmt: skip
        if kind == "weekday":
            if not g[1][0].isupper():
                return None
            mod = (g[0] or "").lower() or None
            weekday = self.vocab.weekdays.index(g[1].lower())
            return Expression(kind, start, end, text, weekday=weekday, modifier=mod)
        if kind == "ordinal":
            return Expression(kind, start, end, text, day=int(g[0]))
        if kind == "relative_day":
            return Expression(kind, start, end, text, shift=self.vocab.relative_days[g[0].lower()])
        if kind == "range":
            return self._day_range(m)
        return Expression(kind, start, end, text)

    def _month_capitalised(self, text: str) -> bool:
        """A month name must be capitalised ("may" and "march" are also verbs)."""
        for word in re.findall(r"[A-Za-z]+", text):
            if word.lower() in self.vocab.months and word.lower() not in ("the", "of"):
                return word[0].isupper()
        return True

    def _day_range(self, m: re.Match[str]) -> Expression | None:
        a, b, c, yr = m.groups()
        months = self.vocab.months
        if a.rstrip(".").lower() in months:  # "July 3-5"
            month, first, last = months[a.rstrip(".").lower()], b, c
        else:  # "3-5 July"
            month, first, last = months[c.rstrip(".").lower()], a, b
        d1, d2 = int(re.sub(r"\D", "", first)), int(re.sub(r"\D", "", last))
        if d2 < d1:
            return None
        year = int(yr) if yr else None
        s, e = m.span()
        name = (a if a.rstrip(".").lower() in months else c).rstrip(".")
        tail = f" {year}" if year else ""
        p1 = Expression("absolute", s, e, f"{d1} {name}{tail}", d1, month, year)
        p2 = Expression("absolute", s, e, f"{d2} {name}{tail}", d2, month, year)
        return Expression("range", s, e, m.group(0), parts=(p1, p2))

    def _merge_ranges(self, text: str, found: list[Expression]) -> list[Expression]:
        """Join "from A to B", "between A and B", "A through B", "A-B" into one range."""
        out: list[Expression] = []
        i = 0
        while i < len(found):
            a = found[i]
            b = found[i + 1] if i + 1 < len(found) else None
            if b is not None and a.kind == b.kind and a.kind in ("weekday", "absolute", "iso"):
                gap = text[a.end : b.start]
                before = text[max(0, a.start - 8) : a.start].lower()
                opener = before.rstrip().endswith(("from", "between"))
                joined = re.fullmatch(rf"\s*{RANGE_JOINERS}\s*", gap)
                if joined and (opener or gap.strip() not in ("and",)):
                    start = a.start
                    if opener:
                        word = "between" if before.rstrip().endswith("between") else "from"
                        start = text.lower().rfind(word, 0, a.start)
                    out.append(Expression("range", start, b.end, text[start : b.end], parts=(a, b)))
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

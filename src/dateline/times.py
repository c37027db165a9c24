"""Times: time expressions found in the text and normalised to TIMEX3 values (TimeML DATE, TIME, DURATION, SET).

Relative expressions ("on Friday", "last week", "in October", "a year ago") are anchored on the
publication date and on the tense of the clause they sit in. The recognizer is a fixed set of
compiled regular expressions built from the lexicon in `data/times-lexicon.json`; `tag` works on
plain text without spaCy, and the `Times` stage adds spaCy's parse to read the tense.
"""
from __future__ import annotations

import calendar
from bisect import bisect_right
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from .models import Document, Published, Timex
from .pipeline import Stage

Tense = str  # "past", "present", "future"
TenseOf = Callable[[int, int], "Tense | None"]

# A TIMEX3 value: a (possibly underspecified) calendar date/time, a reference word, or a duration.
_DATEPART = (
    r"(?:\d{4}|X{4}|\d{3}X?|\d{2}(?:XX)?)"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE|X))?|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
)
_TIMEPART = r"(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|MI|AF|EV|NI|DT)(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
_DURATION = r"P(?=[\dXT])(?:(?:\d+(?:\.\d+)?|X)[YMWDQLCEH])*(?:T(?=[\dX])(?:(?:\d+(?:\.\d+)?|X)[HMS])*)?"
TIMEX3_VALUE = re.compile(
    rf"(?:PRESENT_REF|PAST_REF|FUTURE_REF|{_DATEPART}{_TIMEPART}|XXXX-WXX-[1-7]{_TIMEPART}|{_DURATION})"
)


def is_valid_value(value: str) -> bool:
    """True when `value` is a well-formed TIMEX3 value (date, time, duration or reference word)."""
    return bool(TIMEX3_VALUE.fullmatch(value))


# ---------------------------------------------------------------------------------------------
# The lexicon and the regular expressions built from it


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The times lexicon (months, weekdays, numbers, units, vague references...), loaded once."""
    return json.loads((Path(__file__).parent / "data" / "times-lexicon.json").read_text(encoding="utf-8"))


def _alt(words: Iterable[str], period_optional: Iterable[str] = ()) -> str:
    """A regex alternation of `words`, longest first; words in `period_optional` may take a trailing dot."""
    dotted = set(period_optional)
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        parts.append(p + (r"\.?" if w in dotted else ""))
    return "(?:" + "|".join(parts) + ")"


_NUM_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM_UNITS = "one|two|three|four|five|six|seven|eight|nine"


def _number_pattern(lex: dict) -> str:
    small = _alt(k for k in lex["numbers"])
    word = rf"(?:(?:{_NUM_TENS})(?:[-\s](?:{_NUM_UNITS})\b)?|{small})"
    mult = _alt(lex["multipliers"])
    spelled = rf"{word}(?:\s+{mult}(?:\s+(?:and\s+)?{word})?)?"
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?"
    art = _alt(lex["article_numbers"])
    vague = _alt(lex["vague_numbers"])
    return rf"(?:{digits}|{spelled}|{art}|{vague})"


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, re.Pattern]]:
    """The recognizer's rules, as (name, compiled pattern), compiled once per process."""
    lex = lexicon()
    month = _alt(lex["months"], lex["month_abbreviations_need_period"])
    weekday = _alt(lex["weekdays"], lex["weekday_abbreviations_need_period"])
    num = _number_pattern(lex)
    unit_words = list(lex["units"]) + list(lex["unit_plurals"])
    unit = rf"(?:{_alt(unit_words)}s?)"
    season = _alt(lex["seasons"])
    pod = _alt(lex["parts_of_day"])
    ordinal = _alt(lex["ordinals"])
    dayn = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1\d{3}|20\d{2})"
    edge = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+turn\s+of)[-\s]+)"
    rel = r"(?:last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+past|the\s+coming|the\s+current|the\s+same|previous|following|past|coming|current)"
    approx = r"(?:(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|over|just|only|barely|fully|up\s+to|no\s+more\s+than|no\s+less\s+than|under|within|another|an\s+additional|a\s+further)\s+)"
    spelled_year = rf"(?:nineteen[-\s](?:(?:{_NUM_TENS})(?:[-\s](?:{_NUM_UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand(?:\s+and)?(?:[-\s](?:{_NUM_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)"
    clock = r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?=\W|$)|(?:[01]?\d|2[0-3]):[0-5]\d|noon|midnight|midday)"
    zone = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST))?"
    holidays = _alt(list(lex["holidays"]) + list(lex["floating_holidays"]))
    sets = _alt(k for k, v in lex["sets"].items() if v)
    vague = _alt(k for k, v in lex["vague_refs"].items() if v)

    rules = {
        "iso": rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b",
        "slash": rf"\b(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])/(?:\d{{4}}|\d{{2}})\b",
        "clock": rf"\b(?:(?:around|about|at\s+about)\s+)?{clock}{zone}(?:,?\s+(?:(?:on\s+)?(?P<cday>{weekday}|today|yesterday|tomorrow)(?:,?\s+{month}\s+{dayn})?|{month}\s+{dayn}))?(?!\w)",
        "clock_pod": rf"\b\d{{1,2}}\s+(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening)\b",
        "md": rf"\b(?:(?:{weekday}),?\s+)?(?:(?:around|about|early|late|mid|the\s+end\s+of)[-\s]+)?{month}\s+{dayn}\b(?:,?\s+{year}\b)?",
        "dm": rf"\b(?:(?:{weekday}),?\s+)?(?:the\s+)?{dayn}(?:\s+of)?\s+{month}(?:,?\s+{year}\b)?",
        "weekday_md": rf"\b(?:this\s+coming\s+)?{weekday},?\s+{month}\s+(?:{dayn}|{ordinal})\b",
        "my": rf"\b(?:{edge})?{month}(?:\s+of|,)?\s+(?:{year}|{spelled_year})\b",
        "month_rel_year": rf"\b{month}\s+(?:this|last|next)\s+year\b",
        "month": rf"\b(?:{edge}|the\s+month\s+of\s+)?(?:(?:last|this|next|this\s+past|this\s+coming|early|late|each|every)\s+)?{month}(?!\w)(?!\s*(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![:.,]?\d))",
        "year": rf"(?<![\w$.,/-])(?:(?:{edge})|(?:the\s+)?(?:fiscal|calendar|model|school)[-\s]+(?:year\s+)?|the\s+year\s+|mid-)?{year}(?![\w%]|[.,]\d|-(?!(?:\d{{2}}|{year})(?![\w%]|[.,]\d))\d|\s+(?:percent|per\s+cent|shares|people|cents|dollars|GMT|UTC|hours|hrs|local\s+time)\b)",
        # the second year of a range: TimeML marks "1997" and "98" of "1997-98" as two DATEs
        "year_range_end": rf"(?<=\b(?:1\d{{3}}|20\d{{2}})[-\u2013/])(?:\d{{2}}|{year})(?![\w%]|[.,]\d|[-\u2013/]\d)",
        # (but "more than two thousand people rallied" counts people)
        "year_spelled": rf"\b(?:the\s+year\s+)?{spelled_year}\b(?!\s+(?!(?:is|was|has|as|its|this)\b)[a-z]+s\b|\s+(?:people|men|women|children|police)\b)",
        "decade": rf"(?:\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?|(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?)(?:(?:1\d|20)\d0'?s|'\d0s)\b",
        "decade_word": rf"\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?:nineteen[-\s])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
        "decade_half": rf"\b(?:the\s+)?(?:first|last|second)\s+half\s+of\s+the\s+(?:'\d0s|(?:1\d|20)\d0'?s)\b",
        "century": rf"\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[-\s]+century\b",
        "weekday": rf"\b(?:(?:last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|early|late|earlier|later|each|every)\s+)?(?:the\s+day\s+before\s+(?:last\s+)?)?{weekday}(?:'s)?(?!\w)(?:\s+(?P<wpod>{pod})s?\b)?",
        "day_words": rf"\b(?:(?:early|late|earlier|later)\s+)?(?:the\s+day\s+(?:before|after)\s+)?(?:today|tonight|yesterday|tomorrow)(?:'s)?(?!\w)(?:\s+(?P<dpod>{pod})\b)?",
        "pod_day": rf"\b(?:{pod}|late|early)\s+(?:yesterday|today|tomorrow|{weekday})\b",
        "this_pod": rf"\b(?:(?:later|earlier)\s+)?(?:this|last|tomorrow|yesterday)\s+{pod}\b|\b(?:by|in|until|since|from|at)\s+(?:early|late|mid)[-\s]?(?:morning|afternoon|evening)\b",
        "holiday": rf"\b(?:(?:last|this|next)\s+)?{holidays}(?!\w)",
        "rel_unit": rf"\b(?:(?:early|late|earlier|later|sometime|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+rest\s+of)\s+)?(?:{rel}|the)\s+(?:fiscal\s+|calendar\s+)?(?:week|weekend|month|year|quarter|decade|century|{season})(?:'s)?(?!\w)",
        "rel_season": rf"\b(?:(?:early|late|mid)[-\s]?)?(?:(?:this|last|next|this\s+past|the)\s+)?(?:(?:early|late)\s+)?{season}(?:\s+of\s+(?:{year}|{spelled_year}))?\b",
        "ago": rf"\b{approx}?(?:{num}|a|an)\s+(?:more\s+)?{unit}(?:\s+or\s+so)?\s+(?:ago|earlier|before|later|after|hence|from\s+now|previously|back)\b",
        "a_unit_ago": rf"\b(?:(?:a|one)\s+)?(?:{unit})\s+(?:ago|earlier)\b",
        "quarter": rf"\b(?:(?:the|its|this\s+year's|last\s+year's|next\s+year's|a)\s+)?(?:(?:flat|fiscal|year-earlier|year-ago|comparable|latest|current|same|calendar|{year})[-\s]+)*(?:{ordinal}|first|second|third|fourth|final|last)[-\s]+(?:fiscal[-\s]+)?quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:{year}|this\s+year|last\s+year|next\s+year)|\s+a\s+year\s+(?:ago|earlier))?\b",
        "quarter_abbr": rf"\b(?:Q[1-4]|H[12])(?:[\s-]+(?:FY\s?)?(?:{year}|'\d{{2}}))?(?![\w-])",
        "quarter_ref": rf"\b(?:(?:the|its|this|that|last\s+year's|this\s+year's)\s+)(?:(?:year-earlier|year-ago|comparable|latest|current|same|recent|{year}|corresponding|fiscal)[-\s]+)*(?:quarter|period)(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+{year}))?\b",
        "half": rf"\b(?:the\s+)?(?:first|second|latter|last)\s+half(?:\s+of\s+(?:the\s+year|{year}|this\s+year|last\s+year|next\s+year))?\b",
        "year_ref": rf"\b(?:the|a|that)\s+(?:(?:year-earlier|year-ago|full|fiscal|latest|current|same|previous|following|prior)[-\s]+)+(?:year|period|fiscal\s+year)\b|\b(?:year-earlier|year-ago|year[-\s]end|year's\s+end)\b",
        "year_ended": r"\bthe\s+(?:fiscal\s+)?year(?=\s+(?:that\s+)?(?:ended|ending|ends|to\s+(?:date|end)))",
        "duration": rf"\b(?:the\s+)?{approx}?(?:(?:past|last|next|first|coming|previous|following|latest|final|remaining|additional|entire|full|same|next\s+few|past\s+few|last\s+few|first\s+few)\s+)?{approx}?{num}(?:\s+(?:to|or)\s+{num})?\s+(?:(?:more|additional|full|straight|consecutive|trading|business|long|short|odd)\s+)?{unit}(?:\s+(?:and\s+a\s+half|or\s+so|or\s+more))?\b",
        "duration_and_half": rf"\b(?:{approx})?(?:a|an|one)\s+{unit}\s+and\s+a\s+half\b|\b(?:{approx})?half\s+(?:a|an)\s+{unit}\b|\b(?:{approx})?[a-z\d]+\s+and\s+a\s+half\s+{unit}\b",
        "duration_adj": rf"\b(?:(?:{num}|several|multi)-(?:{unit})(?:-long)?\b(?!-old)|(?:day|week|month|year|hour|decade|centurie|century)s?-long\b)",
        "duration_plural": rf"\b(?:(?:the|recent|coming|past|the\s+past|the\s+last|in\s+recent|the\s+coming|the\s+next)\s+)?(?:years|months|weeks|days|decades|centuries|hours|minutes|quarters)(?:\s+(?:ahead|to\s+come))?\b",
        "set_every": rf"\b(?:every|each|per|a)\s+(?:other\s+)?(?:(?:{num})\s+)?(?:{unit}|{weekday}|{month}|{season})(?!\w)",
        "set_word": rf"\b{sets}\b",
        "weekday_plural": rf"\b(?:{weekday})s(?:\s+(?:{pod})s?)?\b",
        "vague": rf"(?<![\w-]){vague}(?![\w-])",
        "that_day": rf"\b(?:(?:earlier|later)\s+)?(?:that|the\s+same|the\s+next|the\s+following|the\s+previous)\s+(?:day|morning|evening|night|afternoon|year|month|week)\b",
    }
    return [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in rules.items()]


# ---------------------------------------------------------------------------------------------
# Tense of a clause, from plain text (the spaCy reading is in the stage below)


@lru_cache(maxsize=1)
def _tense_patterns() -> tuple[re.Pattern, re.Pattern]:
    t = lexicon()["tense"]
    future = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in t["future_words"]) + r")(?!\w)", re.I)
    past = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in t["past_words"]) + r"|\w{3,}ed)(?!\w)", re.I)
    return future, past


def text_tense(before: str, after: str = "") -> Tense | None:
    """The tense of a clause read from its words alone: the marker nearest before the expression
    (else nearest after it) decides: future words, then past forms; None when there is neither (a present-tense
    verb is not told apart from no verb here, so only the parse reports "present")."""
    future, past = _tense_patterns()
    best: tuple[int, Tense] | None = None
    for pattern, tense in ((future, "future"), (past, "past")):
        for m in pattern.finditer(before):
            if best is None or m.end() > best[0]:
                best = (m.end(), tense)
    if best:
        return best[1]
    first: tuple[int, Tense] | None = None
    for pattern, tense in ((future, "future"), (past, "past")):
        m = pattern.search(after)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), tense)
    return first[1] if first else None


# ---------------------------------------------------------------------------------------------
# Calendar helpers


@lru_cache(maxsize=1)
def _future_cues() -> tuple[re.Pattern, re.Pattern]:
    """Words just before an expression that point it forward: always ('as soon as Tuesday', 'planned for March'),
    and unless the clause is past ('until Tuesday', 'by February': 'had left by Friday' is past)."""

    def pattern(words: list[str]) -> re.Pattern:
        alternation = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(words, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternation})\s+(?:(?:early|late|mid)[-\s]+|this\s+)?$", re.I)

    t = lexicon()["tense"]
    deferring = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(t["deferring_verbs"], key=len, reverse=True))
    # "postponed until Tuesday", "gave the relatives until 9 a.m. Tuesday": a deadline put ahead, whatever the tense
    deferred = re.compile(rf"(?<!\w)(?:{deferring})(?:\s+[\w'.,-]+){{0,5}}?\s+(?:until|till)\s+(?:(?:early|late|mid)[-\s]+|this\s+|next\s+)?$", re.I)
    return pattern(t["future_cues_before"]), pattern(t["future_cues_unless_past"]), deferred


_SINCE = re.compile(r"(?<!\w)since\s+(?:(?:early|late|mid)[-\s]+)?$", re.I)


def _with_cues(text: str, tense_of: TenseOf) -> TenseOf:
    """`tense_of`, overridden to 'future' for expressions right after a forward-pointing cue."""
    always, unless_past, deferred = _future_cues()
    cache: dict[tuple[int, int], Tense | None] = {}

    def tense(start: int, end: int) -> Tense | None:
        if (start, end) in cache:
            return cache[(start, end)]
        lo = max(0, start - 24)
        if always.search(text, lo, start) or deferred.search(text, max(0, start - 70), start):
            found = "future"
        elif _SINCE.search(text, lo, start):
            found = "past"  # "since Monday" began before the report, whatever the clause's tense
        else:
            found = tense_of(start, end)
            if found != "past" and unless_past.search(text, lo, start):
                found = "future"
        cache[(start, end)] = found
        return found

    return tense


def _parse_dct(dct: str | date | None) -> date | None:
    if dct is None or isinstance(dct, date):
        return dct
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", str(dct))
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _add_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    y = min(max(y, 1), 9999)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _shift(d: date, amount: int, unit: str) -> date:
    """`d` moved by `amount` units (D, W, M, Q, Y, 10Y, C)."""
    try:
        if unit == "D":
            return d + timedelta(days=amount)
        if unit == "W":
            return d + timedelta(weeks=amount)
        if unit == "M":
            return _add_months(d, amount)
        if unit == "Q":
            return _add_months(d, 3 * amount)
        if unit == "Y":
            return _add_months(d, 12 * amount)
        if unit == "10Y":
            return _add_months(d, 120 * amount)
        if unit == "C":
            return _add_months(d, 1200 * amount)
    except (OverflowError, ValueError):
        return d
    return d


def _fmt(d: date | None, gran: str) -> str:
    """`d` written at granularity `gran` (day, week, month, quarter, half, year, decade, century)."""
    if d is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "half": "XXXX-HX", "year": "XXXX", "decade": "XXXX", "century": "XXXX", "weekend": "XXXX-WXX-WE"}[gran]
    if gran == "day":
        return d.isoformat()
    if gran in ("week", "weekend"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if gran == "weekend" else "")
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year:04d}"[:3]
    if gran == "century":
        return f"{d.year:04d}"[:2]
    raise ValueError(gran)


def _weekday_date(dct: date, weekday: int, direction: str) -> date:
    """The date of ISO `weekday` (1=Monday) near `dct`: 'past' = on or before, 'future' = on or after,
    'last'/'next' = strictly before/after, 'near' = the nearest one (ties go to the past)."""
    delta = weekday - dct.isoweekday()
    if direction == "past":
        return dct + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "future":
        return dct + timedelta(days=delta if delta >= 0 else delta + 7)
    if direction == "last":
        return dct + timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "next":
        return dct + timedelta(days=delta if delta > 0 else delta + 7)
    back = dct + timedelta(days=delta if delta <= 0 else delta - 7)
    fwd = dct + timedelta(days=delta if delta >= 0 else delta + 7)
    return back if (dct - back) <= (fwd - dct) else fwd


def _month_year(dct: date, month: int, direction: str) -> int:
    """The year of `month` relative to `dct`: 'past' = latest not after dct's month, 'future' = next not before,
    'last'/'next' = strictly before/after, 'same' = dct's year."""
    if direction == "past":
        return dct.year if month <= dct.month else dct.year - 1
    if direction == "future":
        return dct.year if month >= dct.month else dct.year + 1
    if direction == "last":
        return dct.year if month < dct.month else dct.year - 1
    if direction == "next":
        return dct.year if month > dct.month else dct.year + 1
    if direction == "nearest" and abs(month - dct.month) > 6:
        return dct.year - 1 if month > dct.month else dct.year + 1
    return dct.year


def _day_year(dct: date, month: int, day: int, tense: Tense | None) -> int:
    """The year of a day-month date given without one: dct's year, moved when the tense says it lies across a year end."""
    y = dct.year
    try:
        cand = date(y, month, min(day, calendar.monthrange(y, month)[1]))
    except ValueError:
        return y
    gap = (cand - dct).days
    # A past event dated a little after the anchor is usually a payment or record date, not last year's.
    if tense == "past" and gap > 90:
        return y - 1
    if tense == "future" and gap < -90:
        return y + 1
    # Without a tense, news more often looks back than ahead: a date more than five months ahead is last year's.
    if tense not in ("past", "future") and (gap > 152 or gap < -213):
        return y - 1 if gap > 0 else y + 1
    return y


# ---------------------------------------------------------------------------------------------
# Numbers


def _number(text: str) -> int | float | None:
    """The number a quantity phrase says ("twenty-four", "a couple of", "2 1/2", "1,000"); None when vague."""
    lex = lexicon()
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in lex["article_numbers"]:
        return lex["article_numbers"][t]
    if t in (v.lower() for v in lex["vague_numbers"]):
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: 1/2)?", t.replace(",", ""))
    if m:
        n = float(m[1]) if "." in m[1] else int(m[1])
        return n + 0.5 if t.endswith("1/2") else n
    total, current = 0, 0
    for part in re.split(r"[-\s]+", t):
        if part == "and":
            continue
        if part in lex["numbers"]:
            current += lex["numbers"][part]
        elif part in lex["multipliers"]:
            current = max(current, 1) * lex["multipliers"][part]
            if lex["multipliers"][part] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def _spelled_year(text: str) -> int | None:
    t = re.sub(r"[-\s]+", " ", text.lower()).replace("the year ", "").strip()
    if t.startswith("nineteen "):
        rest = t[len("nineteen "):]
        if rest == "hundred":
            return 1900
        n = _number(rest)
        return 1900 + n if isinstance(n, int) and 10 <= n < 100 else None
    if t.startswith("two thousand"):
        rest = t[len("two thousand"):].replace("and", "").strip()
        n = _number(rest) if rest else 0
        return 2000 + n if isinstance(n, int) and n < 100 else None
    return None


def _duration_value(amount: int | float | None, unit: str) -> str:
    """A TIMEX3 duration: `amount` (None = unknown) of `unit` from the lexicon (TS, TM, TH, D, W, M, Q, Y, 10Y, 2W, C, L)."""
    mult = 1
    m = re.fullmatch(r"(\d+)(\w+)", unit)
    if m:
        mult, unit = int(m[1]), m[2]
    if amount is None:
        # an unknown number of decades is an unknown number of years ("decades-long" → PXY), as "two decades" is P20Y
        return f"PTX{unit[1]}" if unit.startswith("T") else f"PX{unit}"
    value = amount * mult
    if isinstance(value, float) and not value.is_integer():
        whole, half = int(value), value - int(value)
        sub = {"Y": ("M", 12), "D": ("H", 24), "W": ("D", 7), "M": ("D", 30), "TH": ("M", 60), "TM": ("S", 60)}
        if unit in sub:
            small, k = sub[unit]
            extra = round(half * k)
            if unit.startswith("T"):
                return f"PT{whole}{unit[1]}{extra}{small}" if whole else f"PT{extra}{small}"
            if small == "H":
                return f"P{whole}DT{extra}H" if whole else f"PT{extra}H"
            return f"P{whole}{unit}{extra}{small}" if whole else f"P{extra}{small}"
        value = whole or 1
    value = int(value)
    if unit.startswith("T"):
        return f"PT{value}{unit[1]}"
    if unit == "Y" and value >= 1000 and value % 1000 == 0:
        return f"P{value // 1000}L"
    return f"P{value}{unit}"


# ---------------------------------------------------------------------------------------------
# Normalization


@dataclass
class _Context:
    """What normalization needs: the anchor date, the text, a tense reader and the last dates mentioned."""

    text: str
    dct: date | None
    tense_of: TenseOf
    last_quarter: tuple[int, int] | None = None  # (year, quarter) of the latest explicit quarter
    period: str | None = None  # the reporting period under discussion: "quarter", or "year" after "the nine months"
    last_day: date | None = None
    last_day_end: int | None = None  # where the expression that gave last_day ends
    last_year: int | None = None
    sentence_starts: tuple[int, ...] = ()  # where each sentence of the text begins (the tense reader's sentences)


_YEAR_SET = re.compile(r"\b(?:in|of|during|since|by)\s+(?:the\s+(?:\w+\s+){1,2}of\s+)?(1[89]\d{2}|20\d{2})\b(?!\s*[-–]?\s*(?:\d|[a-z]))", re.I)


def _sentence_year(ctx: _Context, start: int) -> int | None:
    """The last year the sentence before `start` sets its account in ("in 2004", "in the summer of 2004"), if any."""
    k = bisect_right(ctx.sentence_starts, start) - 1
    begin = ctx.sentence_starts[k] if k >= 0 else 0
    found = list(_YEAR_SET.finditer(ctx.text, begin, start))
    return int(found[-1][1]) if found else None


def _unit_of(word: str) -> str | None:
    lex = lexicon()
    w = word.lower()
    w = lex["unit_plurals"].get(w, w)
    if w in lex["units"]:
        return lex["units"][w]
    if w.endswith("s") and w[:-1] in lex["units"]:
        return lex["units"][w[:-1]]
    return None


_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*|\d+(?:[.,/]\d+)*")


def _month_in(text: str) -> int | None:
    lex = lexicon()
    for w in (part for word in _WORD.findall(text) for part in word.split("-") if part):  # "mid-February"
        key = w.lower().rstrip(".")
        if key in lex["months"]:
            if key in lex["month_abbreviations_need_period"] and not w.endswith(".") and not re.match(r"\s*\d", text[text.find(w) + len(w):][:3]):
                continue
            return lex["months"][key]
    return None


def _weekday_in(text: str) -> int | None:
    lex = lexicon()
    for w in (part for word in _WORD.findall(text) for part in word.split("-") if part):  # "late-Friday"
        key = w.lower().rstrip(".").removesuffix("'s")
        if key.endswith("s") and key[:-1] in lex["weekdays"] and len(key) > 4:
            key = key[:-1]
        if key in lex["weekdays"]:
            if key in lex["weekday_abbreviations_need_period"] and not w.endswith("."):
                continue
            return lex["weekdays"][key]
    return None


def _pod_in(text: str) -> str | None:
    low = text.lower()
    for word, code in sorted(lexicon()["parts_of_day"].items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(word)}\b", low):
            return code
    if re.search(r"\btonight\b", low):
        return "NI"
    return None


def _direction(low: str, tense: Tense | None) -> str:
    """Which way a relative expression points: an explicit last/next/this, else the tense."""
    if re.search(r"\b(?:last|previous|this past|past)\b", low):
        return "last"
    if re.search(r"\b(?:next|following|this coming|coming)\b", low):
        return "next"
    if tense == "future":
        return "future"
    if tense == "past":
        return "past"
    return "near"


# Rules whose values depend on the clause's tense (reading it from the parse is the stage's main cost).
_TENSE_RULES = frozenset({"md", "dm", "weekday_md", "month", "weekday", "pod_day", "day_words", "this_pod", "clock", "holiday", "rel_unit", "rel_season", "quarter", "quarter_abbr"})


def _normalize(name: str, m: re.Match, ctx: _Context) -> tuple[str, str] | None:
    """(TIMEX3 type, value) for one match of rule `name`, or None when the match is not a time expression."""
    s = m.group(0)
    low = re.sub(r"\s+", " ", s.lower())
    dct = ctx.dct
    lex = lexicon()
    tense = ctx.tense_of(m.start(), m.end()) if name in _TENSE_RULES else None

    if name == "iso":
        d = _parse_dct(s)
        return ("DATE", d.isoformat()) if d else None

    if name == "slash":
        mo, dy, yr = (int(x) for x in s.split("/"))
        if yr < 100:
            yr += 1900 if yr >= 50 else 2000
        try:
            return "DATE", date(yr, mo, dy).isoformat()
        except ValueError:
            return None

    if name in ("md", "dm", "weekday_md"):
        mo = _month_in(s)
        if mo is None:
            return None
        if lex["months"].get(low.split()[0].rstrip(".,")) in (5, 3) and s[0].islower():
            return None
        days = [int(x) for x in re.findall(r"(?<![\d])(\d{1,2})(?:st|nd|rd|th)?(?![\d])", s)]
        ords = [lex["ordinals"][w] for w in re.findall(r"[a-z]+(?:-[a-z]+)?", low) if w in lex["ordinals"]]
        day = days[0] if days else (ords[0] if ords else None)
        yr_m = re.search(r"\b(1\d{3}|20\d{2})\b", s)
        if day is None or not 1 <= day <= 31:
            return None
        if not yr_m and dct and _day_counts_things(ctx.text, m, mo, day, dct, tense):
            return None
        if yr_m:
            y = int(yr_m[1])
        elif dct:
            y = _day_year(dct, mo, day, tense)
        else:
            return "DATE", f"XXXX-{mo:02d}-{day:02d}"
        if day > calendar.monthrange(y, mo)[1]:
            return None
        d = date(y, mo, day)
        ctx.last_day, ctx.last_year = d, y
        return "DATE", d.isoformat()

    if name == "my":
        mo = _month_in(s)
        yr_m = re.search(r"\b(1\d{3}|20\d{2})\b", s)
        y = int(yr_m[1]) if yr_m else _spelled_year(re.split(r"\s+(?:of\s+)?", low, maxsplit=1)[-1].split(",")[-1].strip() if not yr_m else "")
        if y is None:
            m2 = re.search(r"(nineteen.*|two thousand.*)$", low)
            y = _spelled_year(m2[1]) if m2 else None
        if mo is None or y is None:
            return None
        ctx.last_year, ctx.last_day = y, date(y, mo, 1)
        return "DATE", f"{y:04d}-{mo:02d}"

    if name == "month_rel_year":
        mo = _month_in(s)
        if mo is None:
            return None
        if dct is None:
            return "DATE", f"XXXX-{mo:02d}"
        y = dct.year + (-1 if "last" in low else 1 if "next" in low else 0)
        return "DATE", f"{y:04d}-{mo:02d}"

    if name == "month":
        mo = _month_in(s)
        if mo is None:
            return None
        word = re.findall(r"[a-z]+", low)[-1]
        if word in lex["months_needing_capital"] and not re.split(r"[\s-]+", s)[-1][0].isupper():
            return None
        if word in ("may", "march") and low == word:
            after = ctx.text[m.end():m.end() + 9]
            sentence_start = re.search(r"(?:^|[.!?\"'`]\s*)$", ctx.text[max(0, m.start() - 3):m.start()])
            if re.match(r"\s*(?:of|for|against|through|on)\b", after, re.I) or (
                sentence_start and re.match(r"\s*(?:be|have|not|also|well|the|a|to|I|we|you)\b", after)
            ):
                return None
        if word in lex["months_needing_capital"] and low == word and _after_a_given_name(ctx.text, m.start()):
            return None  # "Theresa May said", "Brian May": a surname
        if re.match(r"(?:every|each) ", low):
            return "SET", f"XXXX-{mo:02d}"
        if dct is None:
            return "DATE", f"XXXX-{mo:02d}"
        direction = "same" if re.match(r"this (?!past|coming)", low) else _direction(low, tense)
        y = _month_year(dct, mo, {"near": "nearest"}.get(direction, direction))
        earlier = _sentence_year(ctx, m.start())
        if earlier is not None and earlier < y and direction != "future" and not low.startswith(("this", "next", "last")):
            # "After denying retirement rumors in the summer of 2004, Lipinski announced a resignation in mid-August":
            # a month with no year of its own, in a sentence set in an earlier year, is that year's.
            y = earlier
        ctx.last_year, ctx.last_day = y, date(y, mo, 1)
        return "DATE", f"{y:04d}-{mo:02d}"

    if name == "year":
        y = int(re.search(r"(1\d{3}|20\d{2})", s)[1])
        if not re.search(r"[a-z]", low) and not _plausible_year(ctx.text, m.start(), m.end(), y, dct):
            return None
        ctx.last_year = y
        return "DATE", f"{y:04d}"

    if name == "year_range_end":
        first = int(ctx.text[m.start() - 5:m.start() - 1])
        y = first // 100 * 100 + int(s) if len(s) == 2 else int(s)
        if len(s) == 2 and y <= first:
            y += 100  # "1999-00"
        if not first < y <= first + 50 or not _plausible_year(ctx.text, m.start() - 5, m.end(), first, dct):
            return None
        ctx.last_year = y
        return "DATE", f"{y:04d}"

    if name == "year_spelled":
        y = _spelled_year(low)
        return ("DATE", f"{y:04d}") if y else None

    if name in ("decade", "decade_word", "decade_half"):
        m2 = re.search(r"(1\d|20)(\d)0'?s", low)
        if m2:
            return "DATE", m2[1] + m2[2]
        m2 = re.search(r"'(\d)0s", low)
        if m2:
            return "DATE", "19" + m2[1]
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
        for w, k in tens.items():
            if w in low:
                return "DATE", f"19{k}"
        return None

    if name == "century":
        m2 = re.search(r"(\d{1,2})(?:st|nd|rd|th)", low)
        n = int(m2[1]) if m2 else next((v for k, v in lex["ordinals"].items() if k in low.split()), None)
        return ("DATE", f"{n - 1:02d}") if n and 1 <= n <= 30 else None

    if name in ("weekday", "pod_day"):
        wd = _weekday_in(s)
        if wd is None and name == "pod_day":
            return _day_word(low, ctx, tense)
        if wd is None:
            return None
        if re.match(r"(?:each|every) ", low):
            pod = _pod_in(low)
            return "SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        pod = _pod_in(low)
        if dct is None:
            return ("TIME" if pod else "DATE"), f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        direction = _direction(low, tense)
        if direction == "near" and tense != "present":
            direction = "past"  # news reports what happened: a bare weekday without a future reading is the last one
        if "the day before" in low:
            d = _weekday_date(dct, wd, "last" if "last" in low else "past") - timedelta(days=1)
        else:
            d = _weekday_date(dct, wd, direction)
        ctx.last_day = d
        if pod:
            return "TIME", f"{d.isoformat()}T{pod}"
        return "DATE", d.isoformat()

    if name == "weekday_plural":
        wd = _weekday_in(s)
        if wd is None:
            return None
        pod = _pod_in(low)
        return "SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")

    if name in ("day_words", "this_pod"):
        return _day_word(low, ctx, tense)

    if name == "clock":
        return _clock(s, low, ctx, tense, m)

    if name == "clock_pod":
        h = int(re.match(r"\d+", low)[0])
        if "afternoon" in low or "evening" in low:
            h = h + 12 if h < 12 else h
        d = dct.isoformat() if dct else "XXXX-XX-XX"
        return "TIME", f"{d}T{h:02d}:00"

    if name == "holiday":
        if re.sub(r"^(?:last|this|next) ", "", low) in lexicon()["proper_only_holidays"] and not any(w[:1].isupper() for w in s.split()[-2:]):
            return None  # "not before election day" in Belarus: the day of some election, not the US holiday ("Election Day")
        return _holiday(low, ctx, tense)

    if name == "rel_unit":
        return _rel_unit(low, ctx, tense)

    if name == "rel_season":
        code = next(v for k, v in lex["seasons"].items() if re.search(rf"\b{k}\b", low))
        if low in ("fall", "spring", "the fall", "the spring") and not re.search(r"(?:in|during|this|last|by|until|since|over)\s+$", ctx.text[max(0, m.start() - 8):m.start()], re.I):
            return None
        yr_m = re.search(r"\b(1\d{3}|20\d{2})\b", low)
        if yr_m:
            return "DATE", f"{yr_m[1]}-{code}"
        sp = re.search(r"(nineteen.*|two thousand.*)$", low)
        if sp and _spelled_year(sp[1]):
            return "DATE", f"{_spelled_year(sp[1]):04d}-{code}"
        if dct is None:
            return "DATE", f"XXXX-{code}"
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        direction = _direction(low, tense)
        if "this past" in low:
            direction = "past"
        y = dct.year
        season_now = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(dct.month, "FA")
        if direction in ("last",) and (code == season_now or start_month > dct.month):
            y -= 1
        elif direction == "past" and start_month > dct.month:
            y -= 1
        elif direction in ("next",) and (code == season_now or start_month <= dct.month):
            y += 1
        if code == "WI" and dct.month <= 2 and direction not in ("next", "future"):
            y -= 1
        return "DATE", f"{y:04d}-{code}"

    if name in ("ago", "a_unit_ago"):
        return _ago(low, ctx)

    if name == "quarter":
        return _quarter(low, ctx, tense)

    if name == "quarter_abbr":
        # business shorthand: "Q3 2023", "H1 '24", a bare "Q3" read like "the third quarter"
        kind, n = low[0], int(low[1])
        yr_m = re.search(r"(1\d{3}|20\d{2})|'(\d{2})", low)
        if yr_m:
            y = int(yr_m[1]) if yr_m[1] else 2000 + int(yr_m[2])
            return "DATE", f"{y:04d}-{kind.upper()}{n}"
        if kind == "q":
            return _quarter(f"the {('first', 'second', 'third', 'fourth')[n - 1]} quarter", ctx, tense)
        return "DATE", f"{dct.year:04d}-H{n}" if dct else f"XXXX-H{n}"

    if name == "quarter_ref":
        return _quarter_ref(low, ctx)

    if name == "half":
        yr_m = re.search(r"\b(1\d{3}|20\d{2})\b", low)
        h = 1 if "first" in low else 2
        if yr_m:
            return "DATE", f"{yr_m[1]}-H{h}"
        if dct is None:
            return "DATE", f"XXXX-H{h}"
        y = dct.year + (-1 if "last year" in low else 1 if "next year" in low else 0)
        if "of" not in low and not re.search(r"\b(?:half)\b", low):
            return None
        return "DATE", f"{y:04d}-H{h}"

    if name == "year_ended":
        ctx.period = "year"
        return "DURATION", "P1Y"

    if name == "year_ref":
        return _year_ref(low, ctx)

    if name in ("duration", "duration_and_half", "duration_adj", "duration_plural"):
        if re.match(r"(?:-|\s)old\b", ctx.text[m.end():m.end() + 5]):
            return None  # an age ("37 years old") is not a time expression
        if re.search(r"\bquarters$", low) and not re.search(r"\b(?:the|past|last|next|recent|coming|several|few|two|three|four|five|\d+)\s+quarters$", low):
            return None  # "three-quarters of", "living quarters"
        if re.fullmatch(r"(?:a|an|one|the) second", low):
            return None  # "a second betrayal": an ordinal, not a unit
        if re.fullmatch(r"(?:a|an|per) [a-z]+", low) and _is_rate(ctx.text, m.start()):
            unit = _unit_of(low.split()[1])
            return ("SET", _duration_value(1, unit)) if unit else None
        if re.match(r"the (?:first |past |last )?(?:six|nine|twelve|6|9|12) months$", low):
            ctx.period = "year"  # year-to-date results: "a year earlier" now compares years, not quarters
        return _duration(name, low, ctx)

    if name == "set_every":
        return _set_every(s, low)

    if name == "set_word":
        v = lex["sets"].get(low)
        if v and low in lex["attributive_sets"]["words"] and _modifies_noun(ctx.text, m.start(), m.end()):
            return None
        return ("SET", v) if v else None

    if name == "vague":
        v = lex["vague_refs"].get(low)
        rules = lex["vague_ref_context"]
        follow = rules["not_followed_by"].get(low)
        if v and follow and re.match(rf"\s+(?:{'|'.join(follow)})\b", ctx.text[m.end():m.end() + 12], re.I):
            return None
        return ("DATE", v) if v else None

    if name == "that_day":
        return _that_day(low, ctx)

    return None


_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")


def _day_counts_things(text: str, m: re.Match, month: int, day: int, dct: date, tense: Tense | None) -> bool:
    """Whether the number of 'On Tuesday March 3 people were killed' counts people rather than naming a day: a
    weekday is written, the month and day do not fall on it, and a word follows the number that does not
    follow dates ('March 3 at noon'; words_after_dates in the lexicon)."""
    weekday = _weekday_in(m.group(0))
    after = _NEXT_WORD.match(text, m.end())
    if weekday is None or not after or after[1] in lexicon()["words_after_dates"]:
        return False
    y = _day_year(dct, month, day, tense)
    return day > calendar.monthrange(y, month)[1] or date(y, month, day).isoweekday() != weekday


def _after_a_given_name(text: str, start: int) -> bool:
    """Whether the word at `start` follows a capitalized word that is not a time or function word ('Theresa May')."""
    prev = re.search(r"(?<![\w.])([A-Z][a-z]+\.?)\s+$", text[max(0, start - 20):start])
    # "In May", "Since May", "Last May", "April and May" keep the month
    return bool(prev) and prev[1].lower().rstrip(".") not in lexicon()["words_before_months"]


def _plausible_year(text: str, start: int, end: int, y: int, dct: date | None) -> bool:
    """Whether a bare four-digit number reads as a year (not an amount, a label's number, an address)."""
    lex = lexicon()["not_a_year"]
    before = text[max(0, start - 24):start]
    rng = re.match(r"[-\u2013/](?:\d{4}|\d{2})(?!\d)", text[end:end + 6])
    after_end = end + rng.end() if rng else end  # a range is judged by what follows its last year
    after = text[after_end:after_end + 48]
    if re.search(r"[$#\u00a3\u20ac]\s*$", before):
        return False
    prev = re.search(r"([A-Za-z][A-Za-z.']*)\.?\s+$", before)
    prev_word = prev[1].lower().rstrip(".") if prev else ""
    if prev_word in lex["labels_before"] and not (prev_word == "s" and not prev[1].isupper()):
        return False  # "Resolution 1199", "Flight 1549", "No. 1984"
    if not rng and re.match(r"\s*(?:to|and|-)\s*\d", after) and not re.match(r"\s*(?:to|and|-)\s*(?:1\d{3}|20\d{2})\b", after):
        return False
    street = re.match(r"\s+(?:[NSEW]\.?\s+)?((?:[A-Z][a-z]+\.?\s*){2,4})", after)
    if (street and prev_word not in ("in", "since", "by", "until", "during", "of", "before", "after")
            and any(w.lower() in lex["street_types"] for w in re.findall(r"[A-Za-z]+", street[1])[1:])):
        return False  # "1600 Pennsylvania Ave."
    if any(w in lex["count_nouns_after"] for w in re.findall(r"[a-z]+", after[:24])[:2]):
        return False
    plural = re.match(r"\s+([a-z]{3,}s)\b", after)
    if (plural and plural[1] not in lex["not_plural_nouns"] and not plural[1].endswith(("ss", "us", "is"))
            and (prev_word in lex["quantifiers_before"] or (prev_word and prev_word not in lex["friendly_before"]))):
        return False  # "sent 1500 troops", "some 1800 homes"; not "the 1992 protests", "in 1998 companies"
    if dct and y > dct.year + 30:
        return False
    return 1000 <= y <= 2099


def _modifies_noun(text: str, start: int, end: int) -> bool:
    """Whether the word at start:end is used as an adjective before a noun ("daily volume", not "almost daily")."""
    if start > 0 and re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", text[max(0, start - 8):start], re.I):
        return False  # "the daily tally" is annotated in TimeBank
    nxt = re.match(r"\s+([a-z][a-z-]*)", text[end:end + 30])
    return bool(nxt) and nxt[1] not in lexicon()["attributive_sets"]["not_before"]


def _is_rate(text: str, start: int) -> bool:
    """Whether "a week" at `start` is a rate ("four flights a week", "$5 a year", "twice a day")."""
    before = text[max(0, start - 30):start].lower()
    if re.search(r"\b(?:for|in|within|over|about|than|nearly|almost|only|just|after|before|of|take|took|takes|last|lasted|spent|spend|than)\s*$", before):
        return False
    return bool(re.search(r"(?:\b(?:times|once|twice|thrice)|\d|[a-z]{2,}s|\$[\d.,]+ ?(?:million|billion)?)\s*$", before))


def _day_word(low: str, ctx: _Context, tense: Tense | None) -> tuple[str, str] | None:
    """today / tonight / yesterday / tomorrow / this morning / last night, with a part of the day when given."""
    dct = ctx.dct
    offset = 0
    if "yesterday" in low or re.search(r"\blast (?:night|evening)\b", low):
        offset = -1
    elif "tomorrow" in low:
        offset = 1
    if "the day before" in low:
        offset -= 1
    elif "the day after" in low:
        offset += 1
    pod = _pod_in(low)
    if low.startswith("this ") and not pod:
        return None
    d = dct + timedelta(days=offset) if dct else None
    if d:
        ctx.last_day = d
    day = d.isoformat() if d else "XXXX-XX-XX"
    if pod and pod != "DT":
        return "TIME", f"{day}T{pod}"
    return "DATE", day


_DAY_BEFORE_CLOCK = re.compile(r"[\s,]*(?:at\s+)?(?:about\s+|around\s+)?", re.I)
_WEEKDAY_AFTER_CLOCK = re.compile(r"\s*(?:\([^()]{1,25}\)\s*)?,?\s*(?:on\s+)?([A-Z][a-z]+day)\b")


def _day_beside(ctx: _Context, m: re.Match, tense: Tense | None) -> str | None:
    """The day a clock time without one belongs to: a date named just before it ("Friday at 10 a.m.") or a
    weekday just after a parenthesis ("10:35 a.m. (0735 GMT) Friday")."""
    if ctx.last_day and ctx.last_day_end is not None and 0 <= m.start() - ctx.last_day_end <= 16:
        if _DAY_BEFORE_CLOCK.fullmatch(ctx.text, ctx.last_day_end, m.start()):
            return ctx.last_day.isoformat()
    after = _WEEKDAY_AFTER_CLOCK.match(ctx.text, m.end())
    if after and ctx.dct:
        wd = _weekday_in(after[1])
        if wd:
            return _weekday_date(ctx.dct, wd, {"near": "past"}.get(_direction("", tense), _direction("", tense))).isoformat()
    return None


def _clock(s: str, low: str, ctx: _Context, tense: Tense | None, match: re.Match | None = None) -> tuple[str, str] | None:
    """A clock time ("10:35 a.m.", "noon Thursday", "5 p.m. EST Nov. 9") on the day it names, or the day named
    right next to it ("Friday at 10 a.m.", "10:35 a.m. (0735 GMT) Friday"), else the anchor day."""
    dct = ctx.dct
    if "noon" in low or "midday" in low:
        h, mi = 12, 0
    elif "midnight" in low:
        h, mi = 24, 0
    else:
        m = re.search(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?", low)
        if not m:
            return None
        h, mi = int(m[1]), int(m[2] or 0)
        ampm = (m[3] or "").replace(".", "")
        if not ampm and not m[2]:
            return None
        if ampm == "pm" and h < 12:
            h += 12
        if ampm == "am" and h == 12:
            h = 0
        if h > 24 or mi > 59:
            return None
    day = None
    mo = _month_in(s)
    wd = _weekday_in(s)
    if mo:
        dm = re.search(rf"(?:{'|'.join(lexicon()['months'])})\.?\s+(\d{{1,2}})", low)
        if dm and dct:
            dy = int(dm[1])
            y = _day_year(dct, mo, dy, tense)
            if dy <= calendar.monthrange(y, mo)[1]:
                day = date(y, mo, dy).isoformat()
    elif wd and dct:
        day = _weekday_date(dct, wd, _direction(low, tense)).isoformat()
    elif dct:
        offset = -1 if "yesterday" in low else 1 if "tomorrow" in low else 0
        day = (dct + timedelta(days=offset)).isoformat()
    if not (mo or wd or "yesterday" in low or "tomorrow" in low) and match is not None:
        day = _day_beside(ctx, match, tense) or day
    if day is None and (mo or wd or not dct):
        day = "XXXX-XX-XX"
    return "TIME", f"{day}T{h:02d}:{mi:02d}"


def _holiday(low: str, ctx: _Context, tense: Tense | None) -> tuple[str, str] | None:
    lex = lexicon()
    dct = ctx.dct
    name = re.sub(r"^(?:last|this|next) ", "", low)
    if name in lex["holidays"]:
        mo, dy = (int(x) for x in lex["holidays"][name].split("-"))
        if dct is None:
            return "DATE", f"XXXX-{mo:02d}-{dy:02d}"
        y = dct.year
        if low.startswith("last ") or (tense == "past" and (mo, dy) > (dct.month, dct.day)):
            y -= 1 if (mo, dy) >= (dct.month, dct.day) or low.startswith("last ") and (mo, dy) >= (dct.month, dct.day) else 0
        elif low.startswith("next ") or (tense == "future" and (mo, dy) < (dct.month, dct.day)):
            y += 1 if (mo, dy) <= (dct.month, dct.day) else 0
        return "DATE", f"{y:04d}-{mo:02d}-{dy:02d}"
    if name in lex["floating_holidays"]:
        mo, wd, nth = lex["floating_holidays"][name]
        if dct is None:
            return "DATE", f"XXXX-{mo:02d}-XX"

        def on(y: int) -> date:
            if nth == 0:  # US election day: the Tuesday after the first Monday
                first_monday = _weekday_date(date(y, mo, 1), 1, "future")
                return first_monday + timedelta(days=1)
            if nth > 0:
                return _weekday_date(date(y, mo, 1), wd, "future") + timedelta(weeks=nth - 1)
            return _weekday_date(date(y, mo, calendar.monthrange(y, mo)[1]), wd, "past")

        d = on(dct.year)
        if (low.startswith("last ") or tense == "past") and d > dct:
            d = on(dct.year - 1)
        elif (low.startswith("next ") or tense == "future") and d < dct:
            d = on(dct.year + 1)
        return "DATE", d.isoformat()
    return None


def _rel_unit(low: str, ctx: _Context, tense: Tense | None) -> tuple[str, str] | None:
    """last/this/next week, month, year, quarter, weekend, decade, season; 'the week' etc. when it reads as a date."""
    dct = ctx.dct
    lex = lexicon()
    words = low.replace("'s", "").split()
    unit = words[-1]
    if unit in lex["seasons"]:
        return None  # seasons have their own rule
    if re.match(r"(?:the )?(?:rest|end|beginning|middle) of the (?:year|week|month|quarter)$", low) is None and words[0] == "the" and len(words) == 2:
        if unit == "year" or unit == "quarter":
            return None
        if unit == "weekend":
            return "DATE", _fmt(_weekday_date(dct, 6, "past" if tense != "future" else "future") if dct else None, "weekend")
        if unit in ("week", "month"):
            return None
    step = 0
    if re.search(r"\b(?:last|previous|past)\b", low):
        step = -1
    elif re.search(r"\b(?:next|following|coming)\b", low):
        step = 1
    gran = {"week": "week", "weekend": "weekend", "month": "month", "year": "year", "quarter": "quarter", "decade": "decade", "century": "century"}.get(unit)
    if gran is None:
        return None
    # "the past decade", "the next month" span a stretch of time (TimeML durations); "the past year",
    # "the previous/following year" name a calendar year.
    stretch = re.search(r"\b(?:the past|the last|the coming|the next)\b", low)
    if stretch and unit in ("decade", "century"):
        return "DURATION", {"decade": "P10Y", "century": "P100Y"}[unit]
    if stretch and unit in ("week", "month", "quarter") or (stretch and unit == "year" and "past" not in low):
        return "DURATION", _duration_value(1, lex["units"][unit])
    if dct is None:
        return "DATE", _fmt(None, gran)
    if "the same" in low:
        step = 0
    if gran == "weekend":
        base = _weekday_date(dct, 6, "last" if step < 0 else "next" if step > 0 else ("future" if tense == "future" else "past"))
        return "DATE", _fmt(base, "weekend")
    shift_unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "10Y", "century": "C"}[unit]
    if ("previous" in low or "following" in low) and unit == "year" and ctx.last_year:
        return "DATE", f"{ctx.last_year + step:04d}"
    if ("previous" in low or "following" in low) and ctx.last_day and unit in ("month", "week"):
        return "DATE", _fmt(_shift(ctx.last_day, step, shift_unit), gran)
    d = _shift(dct, step, shift_unit)
    if gran == "quarter":
        ctx.last_quarter, ctx.period = (d.year, (d.month - 1) // 3 + 1), "quarter"
    return "DATE", _fmt(d, gran)


def _ago(low: str, ctx: _Context) -> tuple[str, str] | None:
    """'N units ago / earlier / later / from now': the anchor moved by N units, at the unit's granularity."""
    dct = ctx.dct
    low = low.replace(" or so", "")
    m = re.search(r"(?:(?P<num>.+?)\s+)?(?:more\s+)?(?P<unit>[a-z]+)\s+(?P<dir>ago|earlier|before|later|after|hence|from now|previously|back)$", low)
    if not m:
        return None
    unit = _unit_of(m["unit"])
    if unit is None:
        return None
    numtext = re.sub(r"^(?:about|around|nearly|almost|some|roughly|approximately|more than|less than|fewer than|at least|at most|over|just|only|barely|fully|up to|no more than|no less than|under|within|another|an additional|a further)\s+", "", m["num"] or "a")
    n = _number(numtext)
    backwards = m["dir"] in ("ago", "earlier", "before", "previously", "back")
    if m["dir"] in ("before", "after", "later"):
        return None  # TimeML marks the amount alone ("two days" after X) as a duration
    if n is None:
        return "DATE", "PAST_REF" if backwards else "FUTURE_REF"
    if m["dir"] == "earlier" and unit not in ("Y", "M"):
        return "DURATION", _duration_value(n, unit)
    if unit.startswith("T"):
        if dct is None:
            return "TIME", "XXXX-XX-XXTXX:XX"
        return "DATE", dct.isoformat()
    gran = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "10Y": "year", "C": "year", "2W": "day", "L": "year"}.get(unit, "day")
    if unit == "Y" and n == 1 and m["dir"] in ("ago", "earlier") and ctx.last_quarter and ctx.period == "quarter":
        y, q = ctx.last_quarter
        return "DATE", f"{y - 1:04d}-Q{q}"
    if unit == "Y" and n == 1:
        gran = "month" if m["dir"] == "ago" else "year"
    if dct is None:
        return "DATE", _fmt(None, gran)
    anchor = dct
    amount = int(n) if float(n).is_integer() else n
    if isinstance(amount, float):
        amount = round(amount)
    shift_unit = {"2W": "W", "L": "C"}.get(unit, unit)
    if unit == "2W":
        amount *= 2
    if unit == "L":
        amount *= 10
    d = _shift(anchor, -amount if backwards else amount, shift_unit)
    return "DATE", _fmt(d, gran)


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}


def _quarter(low: str, ctx: _Context, tense: Tense | None) -> tuple[str, str] | None:
    """'the third quarter', 'third-quarter', 'the fourth quarter of 1990', 'last year's second quarter' → YYYY-Qn."""
    q = next((v for k, v in _ORD_Q.items() if re.search(rf"\b{k}\b", low)), None)
    if q is None:
        return None
    yr_m = re.search(r"\b(1\d{3}|20\d{2})\b", low)
    dct = ctx.dct
    if yr_m:
        y = int(yr_m[1])
    elif dct is None:
        return "DATE", f"XXXX-Q{q}"
    else:
        y = dct.year
        current_q = (dct.month - 1) // 3 + 1
        if q > current_q and tense == "past":
            y -= 1
        if re.search(r"last year|year-earlier|year-ago|a year (?:ago|earlier)", low):
            y -= 1
        elif "next year" in low:
            y += 1
    if not re.search(r"year-earlier|year-ago|a year (?:ago|earlier)", low) and (dct is None or _add_months(date(y, 3 * q - 2, 1), 3) <= dct + timedelta(days=31)):
        ctx.last_quarter, ctx.period = (y, q), "quarter"
    return "DATE", f"{y:04d}-Q{q}"


def _quarter_ref(low: str, ctx: _Context) -> tuple[str, str] | None:
    """'the quarter', 'the latest quarter', 'the year-ago quarter', 'the 1988 period': the quarter under discussion."""
    dct = ctx.dct
    yr_m = re.search(r"\b(1\d{3}|20\d{2})\b", low)
    if "period" in low and not re.search(r"year-earlier|year-ago|latest|comparable|corresponding|\d{4}|same", low):
        return None
    if "period" in low and ctx.period == "year":
        # "the 1988 period" after "the nine months": the same months a year before, which TimeML writes as the year
        base = int(yr_m[1]) if yr_m else (ctx.last_year or (dct.year if dct else None))
        if re.search(r"year-earlier|year-ago", low) and base and not yr_m:
            base -= 1
        return "DATE", f"{base:04d}" if base else "XXXX"
    if ctx.last_quarter and "latest" not in low:
        y, q = ctx.last_quarter
    elif dct:
        prev = _shift(dct, -1, "Q")
        y, q = prev.year, (prev.month - 1) // 3 + 1
    else:
        return "DATE", "XXXX-QX"
    if yr_m:
        y = int(yr_m[1])
    elif re.search(r"year-earlier|year-ago|a year (?:ago|earlier)|last year", low):
        y -= 1
    return "DATE", f"{y:04d}-Q{q}"


def _year_ref(low: str, ctx: _Context) -> tuple[str, str] | None:
    """'the year-earlier period', 'the full year', 'the fiscal year', 'year-end': a year (or quarter) in context."""
    dct = ctx.dct
    if re.search(r"year-earlier|year-ago", low):
        if "period" in low or low in ("year-earlier", "year-ago"):
            if ctx.last_quarter and ctx.period == "quarter":
                y, q = ctx.last_quarter
                return "DATE", f"{y - 1:04d}-Q{q}"
        return "DATE", f"{dct.year - 1:04d}" if dct else "XXXX"
    if re.search(r"year[-\s]end|year's end", low):
        return "DATE", f"{dct.year:04d}" if dct else "XXXX"
    if "previous" in low or "prior" in low:
        base = ctx.last_year or (dct.year if dct else None)
        return "DATE", f"{base - 1:04d}" if base else "XXXX"
    if "following" in low:
        base = ctx.last_year or (dct.year if dct else None)
        return "DATE", f"{base + 1:04d}" if base else "XXXX"
    if "same" in low:
        return "DATE", f"{ctx.last_year or dct.year:04d}" if (ctx.last_year or dct) else "XXXX"
    if re.search(r"\b(?:full|fiscal|latest|current)\b", low):
        return "DATE", f"{dct.year:04d}" if dct else "XXXX"
    return None


def _duration(name: str, low: str, ctx: _Context) -> tuple[str, str] | None:
    """'three days', 'the past two months', 'several more days', 'two-year', 'years' → P3D, P2M, PXD, P2Y, PXY."""
    lex = lexicon()
    if name == "duration_plural":
        words = low.split()
        unit = _unit_of(next(w for w in words if _unit_of(w)))
        if unit is None:
            return None
        if words[0] in ("the",) and len(words) == 2 and unit not in ("Y",):
            return None
        if ("recent" in words or "past" in words) and unit == "Y" and "the" not in words:
            return "DATE", "PAST_REF"  # "in recent years", "in past years"; "the past years" is a stretch of time
        if "coming" in words and unit == "M":
            return "DATE", "FUTURE_REF"
        return "DURATION", _duration_value(None, unit)
    if name == "duration_and_half":
        m = re.search(r"(\S+) and a half ([a-z]+)$", low)
        if m:  # "two and a half years"
            n, unit = _number(m[1]), _unit_of(m[2])
            return ("DURATION", _duration_value(n + 0.5, unit)) if isinstance(n, int) and unit else None
        m = re.search(r"([a-z]+) and a half$", low)
        if m:
            unit = _unit_of(m[1])
            return ("DURATION", _duration_value(1.5, unit)) if unit else None
        m = re.search(r"half an? ([a-z]+)$", low)
        unit = _unit_of(m[1]) if m else None
        return ("DURATION", _duration_value(0.5, unit)) if unit else None
    if name == "duration_adj":
        if re.fullmatch(r"[a-z]+-long", low):
            unit = _unit_of(low[:-5])  # "a day-long meeting": one day; "decades-long": some decades
            return ("DURATION", _duration_value(None if low[-6] == "s" else 1, unit)) if unit else None
        m = re.match(r"(.+?)-([a-z]+)(?:-(?:old|long))?$", low)
        if not m:
            return None
        unit = _unit_of(m[2])
        if unit is None:
            return None
        n = None if m[1] in ("several", "multi") else _number(m[1])
        if n is None and m[1] not in ("several", "multi"):
            return None
        return "DURATION", _duration_value(n, unit)
    # the general "N units" pattern; the unit is the last word that names one
    words = re.findall(r"[a-z]+|\d+(?:[.,]\d+)*(?: 1/2)?", low)
    unit_idx = max((i for i, w in enumerate(words) if _unit_of(w)), default=None)
    if unit_idx is None:
        return None
    unit = _unit_of(words[unit_idx])
    mods = {"the", "past", "last", "next", "first", "coming", "previous", "following", "latest", "final", "remaining", "additional",
            "entire", "full", "same", "more", "straight", "consecutive", "trading", "business", "long", "short", "odd",
            "about", "around", "nearly", "almost", "roughly", "approximately", "than", "less", "fewer", "at", "least", "most",
            "over", "just", "only", "barely", "fully", "up", "to", "no", "under", "within", "another", "further", "or", "so"}
    num_words = [w for w in words[:unit_idx] if w not in mods or w in ("a", "an")]
    numtext = " ".join(num_words)
    if re.search(r"\b(?:to|or)\b", low.split(words[unit_idx])[0]) and re.search(r"\d+\s+(?:to|or)\s+\d+|[a-z]+\s+(?:to|or)\s+[a-z]+\s", low):
        first = re.split(r"\s+(?:to|or)\s+", numtext)[0]
        n = _number(first.split()[-1] if first.split() else "")
        if re.search(r"\d+ (?:to|or) \d+", numtext):
            n = None
    else:
        n = _number(numtext) if numtext else 1
    if numtext in ("a", "an") or numtext == "":
        n = 1
    if n is not None and re.search(r"\band a half\b", low):
        n += 0.5
    if n is None and not any(v in numtext for v in ("several", "few", "some", "many", "number", "numerous", "couple", "countless", "lengthy", "long")) and not re.search(r"\d+ (?:to|or) \d+", numtext):
        return None
    if unit == "Q" and n is not None:
        return "DURATION", _duration_value(n * 3, "M")
    if re.search(r"\b(?:the last few|the past few|last few|past few)\b", low) and unit == "M":
        return "DATE", "PAST_REF"
    return "DURATION", _duration_value(n, unit)


def _set_every(s: str, low: str) -> tuple[str, str] | None:
    """'every year', 'each month', 'every other week', 'each Thursday', 'every July' → SET values."""
    wd = _weekday_in(s)
    if wd:
        return "SET", f"XXXX-WXX-{wd}"
    mo = _month_in(s)
    if mo and not low.startswith(("per ", "a ")):
        return "SET", f"XXXX-{mo:02d}"
    for k, v in lexicon()["seasons"].items():
        if re.search(rf"\b{k}\b", low):
            return "SET", f"XXXX-{v}"
    words = low.split()
    unit = _unit_of(words[-1])
    if unit is None:
        return None
    if words[0] in ("per", "a") and (len(words) == 2 or words[1] != "other"):
        return None  # "a week" is a rate only after a quantity (see _is_rate); "a six year" is a duration
    n = 2 if "other" in words else 1
    if len(words) > 2 and words[1] != "other":
        n = _number(" ".join(words[1:-1])) or 1
    return "SET", _duration_value(n, unit)


def _that_day(low: str, ctx: _Context) -> tuple[str, str] | None:
    """'that day', 'the same day', 'the next morning', 'that year': the date the text last named."""
    dct = ctx.dct
    unit = low.split()[-1]
    step = 1 if re.search(r"\b(?:next|following)\b", low) else -1 if "previous" in low else 0
    if unit in ("day", "morning", "evening", "night", "afternoon"):
        base = ctx.last_day or dct
        if base is None:
            return "DATE", "XXXX-XX-XX"
        d = base + timedelta(days=step)
        pod = _pod_in(low) if unit != "day" else None
        if pod and "next" not in low:
            return "TIME", f"{d.isoformat()}T{pod}"
        return "DATE", d.isoformat()
    if unit == "year":
        base = ctx.last_year or (dct.year if dct else None)
        return "DATE", f"{base + step:04d}" if base else "XXXX"
    if unit == "month":
        base = ctx.last_day or dct
        return "DATE", _fmt(_shift(base, step, "M"), "month") if base else "XXXX-XX"
    if unit == "week":
        base = ctx.last_day or dct
        return "DATE", _fmt(_shift(base, step, "W"), "week") if base else "XXXX-WXX"
    return None


# ---------------------------------------------------------------------------------------------
# Recognition: all rules, then the leftmost-longest non-overlapping matches

# Rules whose values never depend on the anchor date.
_ABSOLUTE_RULES = frozenset({"iso", "slash", "my", "year", "year_range_end", "year_spelled", "decade", "decade_word", "decade_half", "century"})
_LEADING = re.compile(r"(?:in|on|at(?!\s+(?:least|most))|of|for|during|since|until|till|by|from|to|before|after|as\s+of|within|barely|just|only)\s+", re.I)
_POSSESSIVE = re.compile(r"['\u2019]s$")
# Rules listed earlier win ties of equal span (an explicit date beats a bare year inside it).
_PRIORITY: dict[str, int] = {}


@lru_cache(maxsize=1)
def _core() -> re.Pattern:
    """Words and numbers every time expression contains at least one of; the rules only run near them."""
    lex = lexicon()
    words = set(lex["months"]) | set(lex["weekdays"]) | set(lex["units"]) | set(lex["unit_plurals"]) | set(lex["seasons"])
    words |= {w + "s" for w in lex["units"]} | {w + "s" for w in lex["weekdays"] if len(w) > 3}
    words |= {k.split()[-1] for k in list(lex["vague_refs"]) + list(lex["sets"]) + list(lex["holidays"]) + list(lex["floating_holidays"]) + list(lex["parts_of_day"])}
    words |= {"today", "tonight", "yesterday", "tomorrow", "ago", "noon", "midnight", "midday", "period", "periods", "quarter", "quarters",
              "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "thousand", "hundred",
              "weekend", "weekends", "overnight", "year-end", "year-ago", "year-earlier", "once", "nineteen", "half",
              "q1", "q2", "q3", "q4", "h1", "h2"}
    alternation = _trie_pattern(w.lower() for w in words)
    digits = r"(?:1\d{3}|20\d{2})|(?:1\d|20)\d0'?s|\d{1,2}:\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|'?\d0s|\d{1,2}(?:st|nd|rd|th)|\d+\s*[ap]\.?m\b"
    return re.compile(rf"(?<![\w])(?:{alternation}|{digits})(?![\w])|[ap]\.m\.", re.IGNORECASE)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly `words`, written as a prefix tree (a flat alternation of many words is slow)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 2 else f"{body}?" if len(body) == 1 else f"(?:{body})?"
        return body

    return "(?:" + build(trie) + ")"


_WINDOW_BEFORE, _WINDOW_AFTER = 48, 36


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around the core words, merged; the recognizer's rules are run only there."""
    spans: list[tuple[int, int]] = []
    for m in _core().finditer(text):
        s, e = max(0, m.start() - _WINDOW_BEFORE), min(len(text), m.end() + _WINDOW_AFTER)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans


def _candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    found: dict[tuple[int, int, str], re.Match] = {}
    windows = _windows(text)
    for rank, (name, pattern) in enumerate(_compiled()):
        _PRIORITY.setdefault(name, rank)
        for ws, we in windows:
            for m in pattern.finditer(text, ws, we):
                if m.end() > m.start():
                    found.setdefault((m.start(), m.end(), name), m)
    return [(s, e, name, m) for (s, e, name), m in found.items()]


def _select(found: list[tuple[int, int, str, re.Match]], ctx: _Context) -> list[tuple[int, int, str, re.Match]]:
    """Non-overlapping matches that normalize, longest first (ties: earlier rule), returned in text order.

    A match whose rule declines it (returns None) leaves its span free for a shorter reading.
    """
    chosen: list[tuple[int, int, str, re.Match]] = []
    taken: list[tuple[int, int]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), _PRIORITY[f[2]], f[0])):
        s, e = item[0], item[1]
        if any(s < te and ts < e for ts, te in taken):
            continue
        if _safe_normalize(item[2], item[3], ctx) is None:
            continue
        chosen.append(item)
        taken.append((s, e))
    return sorted(chosen, key=lambda f: f[0])


@lru_cache(maxsize=1)
def _proper_words() -> frozenset[str]:
    """Time words that are written with a capital anyway (months, weekdays, holidays)."""
    lex = lexicon()
    words = set(lex["months"]) | set(lex["weekdays"])
    for name in list(lex["holidays"]) + list(lex["floating_holidays"]):
        words.update(name.split())
    return frozenset(words)


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a time expression is part of a title or name: a common time word capitalized inside a
    sentence ('CBS's 60 Minutes', 'This Week With David Brinkley', 'High Noon', 'VOA Today')."""
    for w in re.finditer(r"[A-Za-z][a-z]+", text[start:end]):
        if not w[0][0].isupper() or w[0].lower() in _proper_words():
            continue
        at = start + w.start()
        before = text[max(0, at - 4):at]
        if at == 0 or re.search(r"(?:[.!?:;\"'`(\[_\n]|--)\s*$", before) or not before.strip():
            continue  # a sentence or quotation starts here
        if text[max(0, at - 40):at].isupper() or text[at:end].isupper():
            continue  # an all-capitals line: capitals say nothing
        return True
    return False


def _safe_normalize(name: str, m: re.Match, ctx: _Context) -> tuple[str, str] | None:
    if _in_a_name(ctx.text, m.start(), m.end()):
        return None
    try:
        result = _normalize(name, m, ctx)
    except (ValueError, OverflowError, IndexError, KeyError, TypeError, StopIteration):
        return None  # a malformed date ("Feb. 30") is simply not a time expression
    if result is None or not is_valid_value(result[1]):
        return None
    return result


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans for plain text: split after . ! ? followed by space and a capital, and at blank lines."""
    bounds, start = [], 0
    for m in re.finditer(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z\"'(\[])|\n\s*\n", text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _text_tense_reader(text: str, sentences: list[tuple[int, int]] | None) -> TenseOf:
    bounds = sentences or _sentence_bounds(text)
    cache: dict[tuple[int, int], Tense] = {}

    def tense_of(start: int, end: int) -> Tense | None:
        for s, e in bounds:
            if s <= start < e or (s <= start and end <= e):
                if (start, end) not in cache:
                    # Read the clause without the expression itself: "last" in "last week" is not a verb form.
                    cache[(start, end)] = text_tense(text[s:start], text[end:e])
                return cache[(start, end)]
        return None

    return tense_of


def tag(text: str, dct: str | date | None, sentences: list[tuple[int, int]] | None = None, tense_of: TenseOf | None = None) -> list[Timex]:
    """Time expressions in `text`, normalised against the document date `dct` (YYYY-MM-DD or None).

    `sentences` are (start, end) spans used to read tense from plain text; `tense_of(start, end)`, when
    given, overrides that reading (the stage passes one built from spaCy's parse). Never raises on text;
    every value returned passes `is_valid_value`.
    """
    if not isinstance(text, str) or not text:
        return []
    anchor = _parse_dct(dct)
    sentences = sentences or _sentence_bounds(text)
    starts = tuple(s for s, _ in sentences)
    ctx = _Context(text=text, dct=anchor, tense_of=_with_cues(text, tense_of or _text_tense_reader(text, sentences)), sentence_starts=starts)
    out: list[Timex] = []
    scratch = _Context(text=text, dct=anchor, tense_of=ctx.tense_of, sentence_starts=starts)
    for start, end, name, m in _select(_candidates(text), scratch):
        before = ctx.last_day
        result = _safe_normalize(name, m, ctx)
        if ctx.last_day is not before:
            ctx.last_day_end = end
        if result is None:
            continue
        typ, value = result
        s, e = start, end
        lead = _LEADING.match(text, s, e)
        if lead:
            s = lead.end()
        while e > s and text[e - 1] in " ,;:":
            e -= 1
        if _POSSESSIVE.search(text, s, e) and e - s > 3:
            e -= 2
        det = re.match(r"(?:the|a|its|their)\s+(?=\w+-quarter)", text[s:e], re.I) if name == "quarter" else None
        if det:
            s += det.end()
        if name in ("md", "dm", "weekday_md"):
            is_relative = not re.search(r"\b(?:1\d{3}|20\d{2})\b", m.group(0))
        else:
            is_relative = name not in _ABSOLUTE_RULES
        out.append(Timex(start=s, end=e, text=text[s:e], type=typ, value=value, anchor=anchor.isoformat() if anchor and is_relative and value[:1].isdigit() else None))
    return out


# ---------------------------------------------------------------------------------------------
# Tense from spaCy's parse


def spacy_tense_reader(sdoc, sentences: list[tuple[int, int]] | None = None, text: str | None = None) -> TenseOf:
    """A tense reader over a spaCy Doc: the tense of the verb that governs the expression.

    `sentences` (the Doc's sentence (start_char, end_char) spans) and `text` (the Doc's text) save
    recomputing them when the caller has them already.
    """
    doc_text = sdoc.text if text is None else text  # Doc.text joins every token on each access
    if sentences is None:
        sentences = [(s.start_char, s.end_char) for s in sdoc.sents] if sdoc.has_annotation("SENT_START") else [(0, len(sdoc.text))]
    starts = [s for s, _ in sentences]
    lex = lexicon()["tense"]
    future_aux = set(lex["future_auxiliaries"])
    future_verbs = set(lex["future_verbs"])

    def verb_tense(verb, depth: int = 0) -> Tense | None:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in future_aux or a.lemma_ in ("will", "shall") for a in auxes):
            return "future"
        if verb.lemma_ in future_verbs and verb.tag_ in ("VBN", "VBG", "VBZ", "VBP") and any(c.dep_ == "xcomp" for c in verb.children):
            return "future"
        if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children):
            return "future"
        if verb.lemma_ in future_verbs and verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future"  # "a vote is expected Tuesday", "the talks are scheduled for March"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return "past"
        if verb.tag_ == "MD" and verb.lower_ in future_aux:
            return "future"
        infinitive = verb.tag_ in ("VB", "VBG") or (verb.tag_ == "VBN" and any(a.lemma_ == "be" and a.tag_ == "VB" for a in auxes))
        if infinitive and any(a.lower_ == "to" for a in auxes) and depth < 3 and verb.head is not verb:
            head = verb.head
            if head.lemma_ in future_verbs:
                return "future"
            if head.lemma_ == "be" and (head.tag_ in ("VBZ", "VBP") or head.tag_ == "VBD" and verb.dep_ == "xcomp"):
                # "is to resume trading Tuesday", "talks were to continue Monday": an arrangement still ahead of the report
                return "future"
            if head.pos_ in ("VERB", "AUX"):
                return verb_tense(head, depth + 1)
            # "guidelines to be published in November", "a plan to vote on Friday": what a thing is for lies ahead
            return "future" if head.pos_ in ("NOUN", "PROPN") else None
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        if verb.tag_ == "VBN" and not auxes and verb.lemma_ not in future_verbs:
            return "past"  # a bare participle ("as noted by Peskov on Thursday") reports what was done
        return None

    def tense_of(start: int, end: int) -> Tense | None:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tok = span.root
        if tok.dep_ in ("poss", "compound") or (tok.dep_ == "nmod" and tok.head.pos_ == "NOUN"):
            # "Wednesday's ruling", "the Oct. 23 slaying": a thing already done, unless the clause looks
            # ahead ("the March accession will enable..."): then the nearest one
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and verb.dep_ not in ("ROOT",):
                verb = verb.head
            return None if verb.pos_ in ("VERB", "AUX") and verb_tense(verb) == "future" else "past"
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX") and tok.i not in range(span.start, span.end):
                found = verb_tense(tok)
                if found:
                    return found
                break
            if tok.head is tok:
                break
            tok = tok.head
        # The sentence by bisection: spaCy's Span.sent walks the whole Doc on every call.
        i = max(0, bisect_right(starts, start) - 1)
        s_start, s_end = sentences[i] if sentences else (0, len(doc_text))
        return text_tense(doc_text[s_start:start], doc_text[end:max(end, s_end)])

    return tense_of


# ---------------------------------------------------------------------------------------------
# Publication date reconciliation


def reconcile(published: Published, timexes: list[Timex]) -> tuple[Published, list[str]]:
    """Check the publication date against the body's own dates; returns the date to use and warnings.

    When the body's explicit, fully dated expressions (those with a year) cluster in another year than
    the publication date, say so. When the publication date's precision is "low" (a header date whose
    year was inferred), move it to the year the body's dates point to: the header's month and day in
    that year (or the one next to it) nearest the body's latest date, on the weekday the header names.
    """
    warnings: list[str] = []
    pub = _parse_dct(published.value) if published.value else None
    if pub is None:
        return published, warnings
    explicit = [t for t in timexes if t.anchor is None and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", t.value)]
    low = published.precision == "low"
    # A header year that was guessed may be any number of years off; a stated one is checked against recent news only.
    recent = [t for t in explicit if low and len(t.value) == 10 or abs(int(t.value[:4]) - pub.year) <= 5]
    if not recent:
        return published, warnings
    years: dict[int, int] = {}
    for t in recent:
        years[int(t.value[:4])] = years.get(int(t.value[:4]), 0) + 1
    best_year, count = max(years.items(), key=lambda kv: (kv[1], kv[0]))
    latest = max(_parse_dct(t.value + "-01" if len(t.value) == 7 else t.value) for t in recent if int(t.value[:4]) == best_year)
    needed = len(recent) // 2 + 1 if low else max(2, len(recent) // 2 + 1)
    if best_year == pub.year or count < needed:
        if latest and latest > pub + timedelta(days=366):
            warnings.append(f"publication date {published.value} is earlier than dates the article reports ({latest.isoformat()}); check the article's date")
        return published, warnings
    note = f"publication date {published.value} ({published.source}) disagrees with the article's own dates, which fall in {best_year}"
    moved = _move_year(pub, published.evidence, best_year, latest) if low else None
    if moved is None or moved == pub:
        warnings.append(note)
        return published, warnings
    warnings.append(f"{note}; its year was inferred, so it is read as {moved.isoformat()}")
    evidence = f"{published.evidence or published.value}; year {moved.year} from {count} of {len(recent)} dated expressions in the text"
    return published.model_copy(update={"value": moved.isoformat(), "evidence": evidence}), warnings


def _move_year(pub: date, evidence: str | None, year: int, latest: date) -> date | None:
    """The header's month and day in `year` or a year next to it, nearest `latest`, on the weekday `evidence`
    names (None when no such year fits)."""
    weekday = _weekday_in(evidence or "")
    candidates = []
    for y in (year - 1, year, year + 1):
        try:
            d = date(y, pub.month, pub.day)
        except ValueError:
            continue
        if weekday is None or d.isoweekday() == weekday:
            candidates.append(d)
    if weekday is not None and pub.isoweekday() == weekday and not candidates:
        return None  # the guessed year agrees with the header's weekday and no year near the body's does
    return min(candidates, key=lambda d: abs((d - latest).days)) if candidates else None


# ---------------------------------------------------------------------------------------------
# The stage


def _same_text(sdoc, text: str) -> bool:
    """Whether a spaCy Doc was made from `text`, checked on its ends (comparing Doc.text rebuilds the whole string)."""
    if len(sdoc) == 0:
        return not text.strip()
    first, last = sdoc[0], sdoc[-1]
    return (text.startswith(first.text, first.idx) and text.startswith(last.text, last.idx)
            and last.idx + len(last.text_with_ws) == len(text))


class Times(Stage):
    """Fills `doc.timexes`: time expressions normalised against the publication date and the clause's tense."""

    name = "times"
    requires = ("spacy",)
    assigns = ("timexes", "published")

    def __call__(self, doc: Document) -> Document:
        text = doc.article.text
        sdoc = doc.spacy
        if sdoc is not None and _same_text(sdoc, text):
            sentences = [(s.start_char, s.end_char) for s in sdoc.sents] if sdoc.has_annotation("SENT_START") else None
            reader = spacy_tense_reader(sdoc, sentences, text) if sdoc.has_annotation("DEP") else None
        else:
            sentences, reader = None, None
        doc.timexes = tag(text, doc.article.published.value, sentences=sentences, tense_of=reader)
        chosen, warnings = reconcile(doc.article.published, doc.timexes)
        if chosen.value != doc.article.published.value:
            # A header date whose year was guessed, moved to the year the text's own dates give: relative
            # expressions ("on Friday", "last month") are read again against it.
            doc.article.published = chosen
            doc.timexes = tag(text, chosen.value, sentences=sentences, tense_of=reader)
        doc.warnings.extend(w for w in warnings if w not in doc.warnings)
        doc._done.update(("timexes", "published"))
        return doc

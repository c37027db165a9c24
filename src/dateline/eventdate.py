"""Event dates: when an event happened, from the time expressions of its sentence, its tense and the publication date.

Not a stage: a helper the events stage calls with what the times stage produced. `event_date` works in
this order:

1. candidates: the sentence's DATE and TIME expressions with a calendar value, and durations tied to one
   ("two days after Sept. 13" is one expression); an end point ("until Friday", "extended the lockdown to
   May 1") says when something stops, not when the event happened, and is left out;
2. with the parse (`head`, the trigger's token) the expressions that hang closest on the trigger win
   (`_attachment`: on the trigger, then on a clause above it, on a noun or circumstance of its own...);
   one on what the trigger reports ("said that Kim left on Sunday") or on another branch of the sentence
   does not date it; without the parse the nearest expression wins;
3. no calendar expression: the publication date only when the text ties the event to it: a vague
   expression on the event that says it is going on ("now", "currently", "at present", read with the
   parse) or a perfect of hot news ("has just arrived"). Otherwise the date is open (value None), bounded
   by the publication date: after it for what the text plans (future tense, "is due to", "were to",
   "could", "the planned visit", "in the future": from the parse, else from the words before the
   trigger), before it for the rest: past events, present perfects ("have protested", "has only
   impeached two presidents in its history"), statements and states in the present, which begin no later
   than the publication but which the text does not date. (In the tune split of eval/gold no undated
   event is dated with the publication date: the annotation guide leaves them null.) The events stage then
   gives an open past date the date the story gave in the sentence before, in the same paragraph
   (`events._narrative_date`, derived_from "context").
4. a TIMEX3 value becomes an ISO 8601 date or prefix (`iso_date`), the TIMEX3 value kept beside it.

Cue words are in data/times-lexicon.json ("tense" and "event_dates").
"""
from __future__ import annotations

import calendar
import json
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from .models import EventDate, Published, Span, Timex
from .quotes import quotation_at

# How precise a TIMEX3 calendar value is, from its shape (checked in order).
_PRECISION = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"), "second"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"), "minute"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}"), "hour"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}(T(MO|MI|AF|EV|NI|DT))?$"), "day"),
    (re.compile(r"^\d{4}-W\d{2}(-WE)?$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}-Q[1-4]$"), "quarter"),
    (re.compile(r"^\d{4}-H[12]$"), "half"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
]
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")


def precision_of(value: str) -> str | None:
    """The precision of a calendar TIMEX3 value ("2023-09" → "month"); None when it names no calendar time."""
    for pattern, precision in _PRECISION:
        if pattern.match(value):
            return precision
    return None


def iso_date(value: str) -> tuple[str, str] | None:
    """A calendar TIMEX3 value as (ISO 8601 date or prefix, precision); None when it names no calendar time.

    The value is the narrowest of YYYY-MM-DD, YYYY-MM and YYYY that holds the whole time named, and the
    precision says how long that time is:

    - a time of day is its day ("2020-07-10TNI", "2020-07-10T10:35" → 2020-07-10, precision day);
    - a week or weekend is its month when all its days lie in one, else its year; a week across New Year
      belongs to the year of its Thursday, as ISO 8601 numbers weeks ("2020-W01", 30 Dec 2019 to 5 Jan
      2020 → 2020; "2020-W10" → 2020-03; precision week);
    - a season, quarter or half is the year its value names ("2020-SU" → 2020, precision season; a winter
      is named by the year it begins in);
    - a decade or century, which no ISO prefix holds, is written as its first year, as Wikidata writes
      them, so that values still sort and compare by year ("202" → 2020, precision decade; "19", the
      twentieth century → 1900, precision century).
    """
    precision = precision_of(value)
    if precision is None:
        return None
    if precision in ("day", "hour", "minute", "second"):
        return value[:10], "day"
    if precision == "week":
        return _week(value), "week"
    if precision in ("season", "quarter", "half"):
        return value[:4], precision
    if precision == "decade":
        return value + "0", "decade"
    if precision == "century":
        return value + "00", "century"
    return value, precision


def _week(value: str) -> str:
    """The month or year that holds an ISO week ("2020-W10") or its weekend ("2020-W10-WE")."""
    m = _WEEK.match(value)
    year, week = int(m[1]), int(m[2])
    try:
        first = date.fromisocalendar(year, week, 6 if m[3] else 1)
    except ValueError:
        return m[1]
    last = date.fromisocalendar(year, week, 7)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}" if first.year == last.year else m[1]


@lru_cache(maxsize=1)
def _cues() -> dict:
    """The tense and event-date words of the times lexicon, as sets."""
    lexicon = json.loads((Path(__file__).parent / "data" / "times-lexicon.json").read_text(encoding="utf-8"))
    words = {key: set(value) for key, value in lexicon["event_dates"].items() if not key.startswith("_")}
    words["future_auxiliaries"] = set(lexicon["tense"]["future_auxiliaries"])
    words["future_verbs"] = set(lexicon["tense"]["future_verbs"])
    words["future_words"] = lexicon["tense"]["future_words"]
    return words


_AMOUNT = re.compile(r"^P(\d+)([DWMY])$")
_LINK = re.compile(r"^\s+(after|before)\s+$", re.I)


def _moved(value: str, amount: int, unit: str, sign: int) -> str | None:
    """A day or month value moved by an amount of days, weeks, months or years; None for other shapes."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2]), int(m[3] or 1)
    try:
        if unit in ("D", "W"):
            if not m[3]:
                return None
            return (date(y, mo, d) + sign * timedelta(days=amount * (7 if unit == "W" else 1))).isoformat()
        months = y * 12 + mo - 1 + sign * amount * (12 if unit == "Y" else 1)
        y, mo = divmod(months, 12)
        return f"{y:04d}-{mo + 1:02d}" + (f"-{d:02d}" if m[3] and d <= calendar.monthrange(y, mo + 1)[1] else "")
    except (ValueError, OverflowError):
        return None


def _anchored(sentence: Span, timexes: list[Timex]) -> list[Timex]:
    """'two days after Sept. 13' read as one date: durations tied by after/before to a dated expression."""
    out = []
    for dur in timexes:
        amount = _AMOUNT.match(dur.value) if dur.type == "DURATION" else None
        if not amount:
            continue
        for t in timexes:
            if t.start <= dur.end or not precision_of(t.value):
                continue
            between = sentence.text[dur.end - sentence.start:t.start - sentence.start]
            link = _LINK.match(between)
            if link:
                sign = 1 if link[1].lower() == "after" else -1
                moved = _moved(t.value, int(amount[1]), amount[2], sign)
                if moved:
                    out.append(Timex(start=dur.start, end=t.end, text=dur.text, type="DATE", value=moved, anchor=t.value))
                break
    return out


def _gap(a: Span | Timex, b: Span) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def _end_point(sentence: Span, t: Timex) -> bool:
    """Whether the expression follows a word that makes it an end or a new date ("until Friday", "to May 1")."""
    before = re.search(r"([a-z]+)\s+$", sentence.text[:t.start - sentence.start].lower())
    return bool(before) and before[1] in _cues()["end_points"]


# Clauses below a trigger that say what it reports, not when it happened ("said that Kim left on Sunday").
_REPORTED = frozenset({"ccomp", "parataxis", "csubj"})


# Prepositions that hang a deed on a verb of charging or judging ("charged with", "convicted of", "jailed for", "sanctioned over").
_CHARGE_PREPS = {"with", "of", "for", "over"}
_CHARGING = {"charge", "accuse", "indict", "convict", "sentence", "jail", "imprison", "prosecute", "try", "acquit", "fine", "punish",
             "arrest", "detain", "sanction", "blame", "sue", "execute"}


def _attachment(head, t: Timex) -> int | None:
    """How an expression hangs on the event's trigger token `head`, best first:

    0 on the trigger ("met Putin on Wednesday", "the visit on Friday", "the visit, which began on Tuesday");
    1 on a noun of the trigger's clause ("during an interview on Wednesday", "drove into a crowd of
      protesters in August 2017");
    2 on a clause above it ("said on Monday that ... attacked", "announced late on Sunday it had entered
      an agreement after Turkey began an offensive on October 9");
    3 on a clause of the trigger's own ("by strangling her in 2016", "agreed to meet on Friday");
    4 on a noun of a clause above, or inside a participle that describes a noun ("was during the martial law
      imposed in 1972");
    5 on a clause joined to the trigger ("arrived and met Putin on Wednesday");
    6 anywhere else in the sentence (where the parse went astray);
    None on what the trigger reports ("said that Kim left on Sunday"), inside a relative clause about another noun
      ("the party, which nominated X in May", "the minister, who arrived on Monday, criticised ..."), or on the deed
      a verb of charging or judging
      names ("charged him with murder in the 1995 shooting").
    """
    span = head.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    gov, via_noun, described, last = span.root.head, False, False, None
    for _ in range(16):
        if gov.i == head.i or gov.head.i == gov.i:
            break
        last = gov
        if gov.pos_ in ("VERB", "AUX"):
            if gov.dep_ not in ("acl", "relcl") or gov.head.i == head.i:
                break
            if gov.dep_ == "relcl" and not gov.is_ancestor(head):
                # "attacked the proclamation by Trump, which was made on Monday", "the minister, who arrived on Monday,
                # criticised ...": a relative clause tells a happening of its own, with its own time (but "the visit,
                # which began on Tuesday" dates the visit: above)
                return None
            described = True
        via_noun = via_noun or gov.pos_ in ("NOUN", "PROPN", "PRON")
        gov = gov.head
    if (gov.i == head.i and via_noun and head.pos_ == "VERB" and head.lemma_.lower() in _CHARGING and last is not None
            and last.dep_ == "prep" and last.lower_ in _CHARGE_PREPS and span.root.dep_ in ("compound", "amod", "nmod", "poss", "nummod")):
        # "charged him with murder in the 1995 shooting": the date naming the deed charged, not the charge's ("convicted
        # of perjury in 2006" may well date the conviction)
        return None
    if gov.i == head.i:
        return 4 if described else 1 if via_noun and head.pos_ in ("VERB", "AUX") else 0
    if any(a.i == gov.i for a in head.ancestors):
        return 4 if via_noun or described else 2
    clause = gov
    while clause.head.i != head.i and clause.head.i != clause.i:
        clause = clause.head
    if clause.head.i != head.i or clause.i == head.i:
        return 6
    if clause.dep_ in _REPORTED:
        return None
    if clause.dep_ == "conj":
        return 5
    if clause.dep_ in ("relcl", "acl") and head.pos_ not in ("VERB", "AUX"):
        return 4 if via_noun or described else 0
    return 4 if described else 3


def _since(head, t: Timex) -> bool:
    """Whether an expression only says since when ("have bombed two towns since Sinn Fein was expelled on Feb. 20",
    "since March"): the start of a stretch the event falls in, not its date, unless the trigger is in that clause too."""
    span = head.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0 or head.pos_ != "VERB":
        return False  # "has been the subject of sanctions since 2011": a state that began then, dated by its start
    above = {a.i for a in head.ancestors} | {head.i}
    tok = span.root
    for _ in range(16):
        if tok.i in above or tok.head.i == tok.i:
            return False
        if tok.lower_ == "since" and tok.dep_ in ("prep", "mark"):
            return True
        if any(c.lower_ == "since" and c.dep_ == "mark" for c in tok.children):
            return True
        tok = tok.head
    return False


_VAGUE = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def _adverbial(head, t: Timex) -> bool:
    """Whether a vague expression says when something happens ("now", "recently"), not what a thing is ("the current government")."""
    span = head.doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and span.root.dep_ not in ("amod", "compound", "nmod", "poss")


def _verb_tense(verb, depth: int = 0) -> str | None:
    """'future' when a verb of the parse puts its event ahead of the report, 'just' for a perfect of hot
    news ("has just arrived"), else None (past, present, or no reading)."""
    cues = _cues()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & cues["future_auxiliaries"] or any(a.lemma_ in ("will", "shall") for a in auxes):
        return "future"
    if lowers & cues["modals_ahead"]:
        return None if any(a.lemma_ == "have" for a in auxes) else "future"  # "may have attacked" / "could attack"
    if any(a.lower_ == "to" for a in auxes) and verb.head.i != verb.i and depth < 3:
        governor = verb.head
        if governor.lemma_ in cues["future_verbs"] or governor.lemma_ == "be":
            return "future"  # "plans to visit", "is to resume", "were to continue": an arrangement ahead
        # "came to visit" reads as its governor; "a plan to vote" looks ahead
        return _verb_tense(governor, depth + 1) if governor.pos_ in ("VERB", "AUX") else "future"
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "just" if any(c.dep_ == "advmod" and c.lower_ in cues["recent_adverbs"] for c in verb.children) else None
    if verb.tag_ == "VBG" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") and depth < 3:
        return _verb_tense(verb.head, depth + 1)  # "..., killing three": the reading of the clause it belongs to
    return None


def _parse_tense(head) -> str | None:
    """`_verb_tense` of the trigger's clause: its own verb, or for a noun the verb it hangs on ("the visit
    came"); a noun planned or expected is ahead ("the planned visit", "talks are expected", "Kim plans a visit")."""
    cues = _cues()
    if head.pos_ in ("VERB", "AUX"):
        return _verb_tense(head)
    if any(c.lower_ in cues["ahead_modifiers"] for c in head.children if c.dep_ in ("amod", "compound")):
        return "future"
    verb = head
    for _ in range(6):
        if verb.head.i == verb.i:
            return None
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            return "future" if verb.lemma_ in cues["future_verbs"] else _verb_tense(verb)
    return None


def _words_tense(before: str) -> str | None:
    """`_verb_tense` read from the words before the trigger, when there is no parse: a future word or modal
    among the last few ("may have" is past), or "has just" right before it."""
    cues = _cues()
    words = before.lower().split()
    last = words[-3:]
    if "have" in last[-2:] and set(last) & cues["modals_ahead"]:
        return None
    near = " ".join(words[-6:])
    if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", near) for w in cues["future_words"]) or set(last) & cues["modals_ahead"]:
        return "future"
    if len(last) >= 2 and last[-2] in cues["perfect_auxiliaries"] and last[-1] in cues["recent_adverbs"]:
        return "just"
    return None


def _open(published: Published, derived_from: str, cue: Timex | None = None) -> EventDate:
    """An open date: before or after the publication date, which bounds it."""
    bound = {"latest": published.value} if derived_from == "before-publication" else {"earliest": published.value}
    return EventDate(value=None, precision="unknown", derived_from=derived_from, timex=cue.value if cue else None,
                     start=cue.start if cue else None, end=cue.end if cue else None, **bound)


def _quoted_apart(text: str, t: Timex, trigger: Span) -> bool:
    """Whether the expression stands in a quotation the trigger is not in: 'opposed the statement: "... out of
    place in the 21st century"' says nothing of when the opposing happened."""
    opening = quotation_at(text, t.start)
    return opening is not None and opening != quotation_at(text, trigger.start)


def event_date(
    sentence: Span,
    trigger: Span,
    timexes: list[Timex],
    published: Published,
    *,
    max_gap: int | None = None,
    head=None,
    text: str | None = None,
) -> EventDate | None:
    """The event's date (see the module docstring for the order of the rules); None when nothing dates it.

    `head` is the trigger's spaCy token: with it the expressions that hang on the event and the tense come
    from the parse, without it from the nearest expression and the words before the trigger. `max_gap`
    limits how far from the trigger (in characters) an expression may be. `text` is the article's text: with it an
    expression inside a quotation the trigger is not in dates nothing. `derived_from` says whether the
    value was written out ("explicit"), resolved against the publication date ("relative"), is the
    publication date ("publication"), or is left open before or after it ("before-publication",
    "after-publication", value None, the publication date kept in `latest` or `earliest`).
    """
    inside = [t for t in timexes if sentence.start <= t.start and t.end <= sentence.end]
    # 1. calendar expressions, durations tied to one, no end points
    anchored = _anchored(sentence, inside)
    candidates = [t for t in inside if t.type in ("DATE", "TIME") and precision_of(t.value)
                  and not any(a.start <= t.start and t.end <= a.end for a in anchored)] + anchored
    candidates = [t for t in candidates if not _end_point(sentence, t) and not (text is not None and _quoted_apart(text, t, trigger))
                  and not (head is not None and _since(head, t))]
    if max_gap is not None:
        candidates = [t for t in candidates if _gap(t, trigger) <= max_gap]
    # 2. the expressions that hang on the event, closest attachment first
    vague: list[Timex] = []
    attached: list[Timex] = []
    if head is not None:
        ranked = [(rank, t) for t in candidates if (rank := _attachment(head, t)) is not None]
        candidates = [t for rank, t in ranked if rank == min(r for r, _ in ranked)]
        attached = [t for rank, t in ranked if rank <= 1]
        vague = [t for t in inside if t.value in _VAGUE and _attachment(head, t) == 0 and _adverbial(head, t)]
    if candidates:
        # Nearest first; at equal distance the expression after the trigger ("arrived on Friday") wins.
        best = min(candidates, key=lambda t: (_gap(t, trigger), t.start < trigger.start))
        # A more precise expression on the event within the chosen one refines it ("on Waitangi Day - February 6 - this year").
        chosen = iso_date(best.value)[0]
        finer = [t for t in attached if (v := iso_date(t.value)[0]).startswith(chosen) and len(v) > len(chosen)]
        if finer:
            best = min(finer, key=lambda t: _gap(t, trigger))
        # 4. written as ISO 8601, the TIMEX3 value beside it
        value, precision = iso_date(best.value)
        return EventDate(value=value, precision=precision, derived_from="relative" if best.anchor else "explicit",
                         timex=best.value, start=best.start, end=best.end)
    if not published.value:
        return None
    # 3. the tense of the trigger's clause, a vague expression on the event
    if head is not None:
        tense = _parse_tense(head)
    else:
        tense = _words_tense(sentence.text[:trigger.start - sentence.start])
    cue = min(vague, key=lambda t: _gap(t, trigger)) if vague else None
    ahead = cue if cue is not None and cue.value == "FUTURE_REF" else None
    if tense == "future" or ahead:
        return _open(published, "after-publication", ahead)
    if cue is not None and cue.value == "PAST_REF":
        return _open(published, "before-publication", cue)
    if cue is not None:
        return EventDate(value=published.value, precision="day", derived_from="relative", timex=cue.value, start=cue.start, end=cue.end)
    if tense == "just":
        return EventDate(value=published.value, precision="day", derived_from="publication")
    return _open(published, "before-publication")

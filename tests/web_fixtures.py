"""A real store for the web tests: the bundled demo corpus coded by the real pipeline, plus one article
whose title, text, actors and place carry script payloads."""
from __future__ import annotations

from dateline.ingest import ingest
from dateline.models import Article, Event, EventActor, EventDate, EventLocation, Evidence, Published
from dateline.sources import RawInput
from dateline.store import Store

from .conftest import CORPUS

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_URL = "javascript:window.__xss=1"
XSS_TEXT = (f"{XSS_SCRIPT} The <b>rebel</b> commander {XSS_IMG} attacked the village of <svg onload=alert(1)> on Monday. "
            f"<a href=\"{XSS_URL}\">click</a> A second sentence follows.")


def xss_article() -> RawInput:
    """A coded article whose every shown string is a payload; its one event's spans cover the payloads."""
    raw = RawInput(data=XSS_TEXT.encode(), origin="xss-test")
    doc = raw.document()
    doc.article = Article(id="xss-article", url=XSS_URL, title=f"Title {XSS_SCRIPT}{XSS_IMG}", text=XSS_TEXT, origin="xss-test",
                          raw_sha256=raw.sha256, published=Published(value="2024-03-04", precision="day", source="caller"))
    sentence_end = XSS_TEXT.index("Monday.") + len("Monday.")
    actor_start = XSS_TEXT.index("<b>rebel")
    trigger_start = XSS_TEXT.index("attacked")
    place_start = XSS_TEXT.index("<svg")
    doc.events.append(Event(
        id="xss-event", type="ASSAULT", mode="beat", factuality="asserted", confidence=0.9,
        actors=[EventActor(text=f"{XSS_IMG} commander", name=f"{XSS_IMG}{XSS_SCRIPT}", country="RUS", sector="REB",
                           start=actor_start, end=trigger_start - 1)],
        recipients=[EventActor(text="villagers", name=XSS_SCRIPT, country="UKR", sector="CVL")],
        location=EventLocation(name=f"{XSS_SCRIPT}ville", lat=48.5, lon=35.0, country="UA", start=place_start, end=place_start + len("<svg onload=alert(1)>")),
        date=EventDate(value="2024-03-04", precision="day"),
        evidence=Evidence(sentence=XSS_TEXT[:sentence_end], start=0, end=sentence_end,
                          trigger={"start": trigger_start, "end": trigger_start + 8, "text": "attacked"}),
    ))
    return doc


def build_store(path, pipeline) -> Store:
    """The demo corpus (49 articles and the Kim sample) ingested by `pipeline`, and the payload article."""
    store = Store(path)
    ingest([str(CORPUS / "demo.jsonl"), str(CORPUS / "kim-komsomolsk-scraped.txt")], pipeline, store)
    store.save(xss_article())
    return store

"""The gold events corpus: draw its articles, build `eval/gold/events.jsonl` from the annotations, measure agreement.

    python scripts/gold.py draw               # eval/gold/articles.txt: the 351 corpus articles in a seeded random order (annotated in batches)
    python scripts/gold.py build              # eval/gold/events.jsonl from eval/gold/annotations/*.jsonl
    python scripts/gold.py errors [N]         # tune-split articles: gold events beside the system's (never the held ones)
    python scripts/gold.py check FILE         # problems of an annotation file (quotes not found, unknown values)
    python scripts/gold.py agree A.jsonl B.jsonl [OUT.tsv]  # agreement of two annotations of the same articles (disagreements to OUT)

Annotation files hold one line per article: {"id", "annotator", "events": [{"type", "mode", "actors",
"recipients", "location", "date", "factuality", "sentence", "trigger", "mentions"}]}, with sentences and
triggers quoted exactly (docs/annotation.md); `build` turns the quotes into character offsets.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "src" / "dateline" / "data" / "corpus" / "articles.jsonl"
GOLD = ROOT / "eval" / "gold"
SEED = 20261203
SIZE = 351


def corpus() -> dict[str, dict]:
    with CORPUS.open(encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh)}


def draw() -> list[str]:
    """SIZE article ids drawn at random (seed SEED) from the sorted ids of the bundled corpus."""
    return random.Random(SEED).sample(sorted(corpus()), SIZE)


TYPES = {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REJECT",
         "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}
FACTUALITY = {"asserted", "reported", "speculated", "planned", "hypothetical", "negated", "historical"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def problems(record: dict, text: str) -> list[str]:
    """What is wrong with one annotated article: unknown values, quotes not found in the text."""
    out = []
    for n, e in enumerate(record.get("events", []), 1):
        where = f"{record['id']} event {n}"
        if e.get("type") not in TYPES:
            out.append(f"{where}: type {e.get('type')!r} is not a PLOVER type")
        if e.get("factuality") not in FACTUALITY:
            out.append(f"{where}: factuality {e.get('factuality')!r} is not one of {sorted(FACTUALITY)}")
        if e.get("date") is not None and not DATE.match(str(e["date"])):
            out.append(f"{where}: date {e['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        sentence = e.get("sentence") or ""
        if not sentence or sentence not in text:
            out.append(f"{where}: sentence not found verbatim in the text: {sentence[:80]!r}")
        elif (e.get("trigger") or "") not in sentence or not e.get("trigger"):
            out.append(f"{where}: trigger {e.get('trigger')!r} not found in its sentence")
        for m in e.get("mentions") or []:
            if m not in text:
                out.append(f"{where}: mention not found verbatim in the text: {m[:80]!r}")
        for role in ("actors", "recipients"):
            for a in e.get(role) or []:
                if not isinstance(a, dict) or not a.get("text"):
                    out.append(f"{where}: each of {role} needs a 'text'")
                elif a["text"] not in text:
                    out.append(f"{where}: {role[:-1]} text {a['text']!r} not found in the text")
                elif a.get("country") is not None and not re.match(r"^[A-Z]{3}$", a["country"]):
                    out.append(f"{where}: country {a['country']!r} is not alpha-3, IGO, NGO or IMG")
        if not e.get("actors"):
            out.append(f"{where}: no actor (PLOVER codes no actor-less events)")
        loc = e.get("location")
        if loc is not None and (not isinstance(loc, dict) or not loc.get("name")):
            out.append(f"{where}: location must be null or {{'name', 'country'}}")
    return out


def read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check(path) -> int:
    """Print the problems of an annotation file; 0 when there are none."""
    texts = corpus()
    found = 0
    for record in read_jsonl(path):
        if record.get("id") not in texts:
            print(f"{record.get('id')}: not an article of the corpus")
            found += 1
            continue
        for p in problems(record, texts[record["id"]]["text"]):
            print(p)
            found += 1
    print(f"{found} problem(s)")
    return 1 if found else 0


def _find(text: str, quote: str, lo: int = 0, hi: int | None = None) -> dict | None:
    """The first exact occurrence of `quote` in text[lo:hi] as a span, or None."""
    hi = len(text) if hi is None else hi
    k = text.find(quote, lo, hi) if quote else -1
    return {"start": k, "end": k + len(quote), "text": quote} if k >= 0 else None


def compile_event(e: dict, text: str) -> dict:
    """An annotated event with its quotes turned into character offsets in `text`."""
    sentence = _find(text, e["sentence"])
    evidence = [sentence] + [m for m in (_find(text, q) for q in e.get("mentions") or []) if m and m != sentence]
    trigger = _find(text, e["trigger"], sentence["start"], sentence["end"])

    def participant(a: dict) -> dict:
        out = {"text": a["text"], "country": a.get("country"), "sector": a.get("sector")}
        if a.get("name"):
            out["name"] = a["name"]
        for sp in evidence:
            found = _find(text, a["text"], sp["start"], sp["end"])
            if found:
                out["start"], out["end"] = found["start"], found["end"]
                break
        return out

    return {
        "type": e["type"], "mode": e.get("mode") or None,
        "actors": [participant(a) for a in e.get("actors") or []],
        "recipients": [participant(a) for a in e.get("recipients") or []],
        "location": e.get("location") or None, "date": e.get("date") or None, "factuality": e["factuality"],
        "evidence": evidence, "trigger": trigger,
    }


def annotations() -> dict[str, dict[str, dict]]:
    """Annotation file name -> article id -> annotated record."""
    return {p.stem: {r["id"]: r for r in read_jsonl(p)} for p in sorted((GOLD / "annotations").glob("*.jsonl"))}


PRIMARY = ("adjudicated", "A", "B", "C", "D", "E", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T")


def build() -> int:
    """Write eval/gold/events.jsonl: for each drawn article, the adjudicated annotation if any, else the primary one."""
    sys.path.insert(0, str(ROOT / "src"))
    from dateline.evaluate import split_of

    texts, files = corpus(), annotations()
    out, missing = [], []
    for article_id in (GOLD / "articles.txt").read_text(encoding="utf-8").split():
        source = next((name for name in PRIMARY if article_id in files.get(name, {})), None)
        if source is None:
            missing.append(article_id)
            continue
        ann, art = files[source][article_id], texts[article_id]
        bad = problems(ann, art["text"])
        if bad:
            print("\n".join(bad), file=sys.stderr)
            return 1
        out.append({"id": article_id, "split": split_of(article_id), "url": art["url"], "title": art["title"],
                    "dct": art["published"], "annotation": source, "text": art["text"],
                    "events": [compile_event(e, art["text"]) for e in ann["events"]]})
    with (GOLD / "events.jsonl").open("w", encoding="utf-8") as fh:
        for record in out:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    held = sum(r["split"] == "held" for r in out)
    print(f"{len(out)} articles ({held} held, {len(out) - held} tune), {sum(len(r['events']) for r in out)} events; "
          f"{len(missing)} drawn articles not annotated yet")
    return 0


def agree(path_a: str, path_b: str) -> dict:
    """Agreement of two independent annotations over the articles both annotated: event match F1 (same type,
    overlapping evidence), the same with type ignored, and per-field agreement on matched events."""
    sys.path.insert(0, str(ROOT / "src"))
    from dateline.evaluate.gold import location_right, role_right

    texts = corpus()
    a = {r["id"]: r for r in read_jsonl(path_a)}
    b = {r["id"]: r for r in read_jsonl(path_b)}
    common = sorted(set(a) & set(b))
    n_a = n_b = typed = untyped = 0
    fields = {k: [0, 0] for k in ("actor", "recipient", "factuality", "location", "date", "mode")}
    disagreements = []
    for article_id in common:
        text = texts[article_id]["text"]
        ea = [compile_event(e, text) for e in a[article_id]["events"]]
        eb = [compile_event(e, text) for e in b[article_id]["events"]]
        n_a, n_b = n_a + len(ea), n_b + len(eb)
        for same_type in (True, False):
            free = list(range(len(eb)))
            for x in ea:
                k = next((i for i in free if (not same_type or eb[i]["type"] == x["type"]) and _overlap(x, eb[i])), None)
                if k is None:
                    if same_type:
                        disagreements.append((article_id, "only in A", x["type"], x["evidence"][0]["text"][:100]))
                    continue
                free.remove(k)
                if not same_type:
                    untyped += 1
                    continue
                typed += 1
                y = eb[k]
                checks = {"actor": role_right(x["actors"], y["actors"]), "recipient": role_right(x["recipients"], y["recipients"]),
                          "factuality": x["factuality"] == y["factuality"],
                          "location": _same_place(x["location"], y["location"], location_right),
                          "date": x["date"] == y["date"], "mode": x["mode"] == y["mode"]}
                for key, ok in checks.items():
                    fields[key][0] += ok
                    fields[key][1] += 1
                    if not ok:
                        disagreements.append((article_id, key, x["type"], f"{_show(x, key)} | {_show(y, key)}"))
            if same_type:
                disagreements.extend((article_id, "only in B", eb[i]["type"], eb[i]["evidence"][0]["text"][:100]) for i in free)
    return {"articles": len(common), "events_a": n_a, "events_b": n_b,
            "event_f1": 2 * typed / (n_a + n_b) if n_a + n_b else None,
            "event_f1_any_type": 2 * untyped / (n_a + n_b) if n_a + n_b else None,
            "fields": {k: (hit / total if total else None) for k, (hit, total) in fields.items()},
            "matched": typed, "disagreements": disagreements}


def _overlap(x: dict, y: dict) -> bool:
    return any(p["start"] < q["end"] and q["start"] < p["end"] for p in x["evidence"] for q in y["evidence"])


def _same_place(x: dict | None, y: dict | None, location_right) -> bool:
    """Two annotators' places agree: the same country and the same name, or a gazetteer reading of one's name is right for the other."""
    from dateline.evaluate.gold import gold_readings

    if not x or not y:
        return not x and not y
    return (x.get("country") or "").upper() == (y.get("country") or "").upper() and (
        x["name"].lower() == y["name"].lower() or any(location_right(x, {"name": y["name"], "country": y.get("country"), "lat": lat, "lon": lon})
                                                      for lat, lon in gold_readings(y["name"], y.get("country"))))


def _show(e: dict, key: str) -> str:
    if key in ("actor", "recipient"):
        return json.dumps([(p["text"], p.get("country"), p.get("sector")) for p in e[key + "s"]], ensure_ascii=False)
    return json.dumps(e[key], ensure_ascii=False)


def errors(limit: int | None = None) -> int:
    """Print, for each tune-split gold article, the gold events beside the system's (held articles are never shown)."""
    sys.path.insert(0, str(ROOT / "src"))
    from dateline.evaluate.events import code_texts
    from dateline.evaluate.gold import location_right, role_right
    from dateline.settings import load_settings

    records = [r for r in read_jsonl(GOLD / "events.jsonl") if r["split"] == "tune"][:limit]
    docs = code_texts([(r["text"], r["dct"]) for r in records], load_settings())
    for record, doc in zip(records, docs):
        print(f"\n=== {record['id']} {record['title']}")
        for g in record["events"]:
            print(f"  GOLD {g['type']}/{g['mode']} {g['factuality']} A={[a['text'] for a in g['actors']]} "
                  f"R={[a['text'] for a in g['recipients']]} L={(g['location'] or {}).get('name')} D={g['date']} "
                  f"| {g['trigger']['text']} | {g['evidence'][0]['text'][:110]}")
        for e in sorted(doc.events, key=lambda e: e.evidence.start):
            s = e.model_dump(mode="json")
            spans = [(s["evidence"]["start"], s["evidence"]["end"])] + [(m["start"], m["end"]) for m in s.get("mentions") or []]
            g = next((g for g in record["events"] if g["type"] == e.type and any(
                sp["start"] < b and a < sp["end"] for sp in g["evidence"] for a, b in spans)), None)
            if g is None:
                mark = "--"
            else:
                wrong = "".join(k for k, ok in (("A", role_right(g["actors"], s["actors"])), ("R", role_right(g["recipients"], s["recipients"])),
                                                ("F", g["factuality"] == e.factuality),
                                                ("L", location_right(g["location"], s["location"]))) if not ok)
                mark = f"~{wrong}" if wrong else "ok"
            print(f"  {mark:<5} {e.type}/{e.mode} {e.factuality} {e.confidence} A={[a.text for a in e.actors]} R={[a.text for a in e.recipients]} "
                  f"L={e.location.name if e.location else None} D={e.date.value if e.date else None} "
                  f"| {e.evidence.trigger.text if e.evidence.trigger else ''} | {e.evidence.sentence[:110]}")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["draw"]:
        (GOLD / "articles.txt").write_text("\n".join(draw()) + "\n", encoding="utf-8")
        return 0
    if argv[:1] == ["check"] and len(argv) == 2:
        return check(argv[1])
    if argv[:1] == ["errors"]:
        return errors(int(argv[1]) if len(argv) > 1 else None)
    if argv[:1] == ["build"]:
        return build()
    if argv[:1] == ["agree"] and len(argv) in (3, 4):
        result = agree(argv[1], argv[2])
        if len(argv) == 4:
            with open(argv[3], "w", encoding="utf-8") as fh:
                for row in result["disagreements"]:
                    fh.write("\t".join(row) + "\n")
        result.pop("disagreements")
        print(json.dumps(result, indent=2))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

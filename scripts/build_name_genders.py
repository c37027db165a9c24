"""Build src/dateline/data/people-genders.tsv: given names whose bearers are almost all of one gender.

Pronoun resolution needs to know whether "she" can stand for "Saad Hariri". The article often says
(a title, a pronoun right after the name), and the knowledge base holds no gender, so the events stage
falls back on the given name. The names come from nomquamgender (Van Buskirk, Clauset and Larremore,
MIT licence: name-gender counts gathered from 36 public sources), kept only where the evidence is broad
and one-sided: at least MIN_COUNT bearers in at least MIN_SOURCES sources, and at most SKEW of them of
the other gender. Names that are mostly surnames in news (Kim, Lee, Wang) fall out by themselves: their
counts are mixed.

    .venv/bin/pip install --no-deps nomquamgender==0.1.4   # its data only; its pandas dependency is not needed
    .venv/bin/python scripts/build_name_genders.py
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "people-genders.tsv"
MIN_COUNT, MIN_SOURCES, SKEW = 2000, 5, 0.1  # 0.1: nomquamgender's own default threshold
NAME = re.compile(r"[a-z][a-z'-]+")


def main() -> None:
    # The package's data file, read without importing the package (whose import needs pandas).
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("nomquamgender is not installed: run `.venv/bin/pip install --no-deps nomquamgender==0.1.4` first")
    with open(Path(spec.submodule_search_locations[0]) / "name_data.json", encoding="utf-8") as fh:
        data = json.load(fh)  # name -> [sources, count, p(female), uncertainty profile]
    rows = sorted((name, "f" if p >= 0.5 else "m") for name, (sources, count, p, *_ ) in data.items()
                  if NAME.fullmatch(name) and count >= MIN_COUNT and sources >= MIN_SOURCES and (p <= SKEW or p >= 1 - SKEW))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Given names borne almost only by one gender (m/f), for pronoun resolution; built by\n"
                  "# scripts/build_name_genders.py from nomquamgender 0.1.4's name data (MIT licence, (c) 2022 Ian Van Buskirk):\n"
                  f"# names with >= {MIN_COUNT} bearers in >= {MIN_SOURCES} sources, at most {SKEW:.0%} of them of the other gender.\n"
                  "name\tgender\n")
        out.writelines(f"{name}\t{gender}\n" for name, gender in rows)
    print(f"{OUT}: {len(rows)} names")


if __name__ == "__main__":
    main()

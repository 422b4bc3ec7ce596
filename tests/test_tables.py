"""The figures table exported as CSV, JSON and XLSX reads back the same."""

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from healthtargets.dataset.frame import COLUMNS, figures_frame
from healthtargets.dataset.load import load_dataset
from healthtargets.dataset.tables import table_bytes

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def frame():
    return figures_frame(load_dataset(FIXTURES / "targets_minimal.yaml", FIXTURES / "data"))


def test_table_has_the_contract_columns(frame):
    required = ["figure_id", "source_id", "region_code", "region_zh", "region_en", "metric", "metric_zh", "metric_en",
                "category", "kind", "qualifier", "value", "low", "high", "unit", "base_value", "base_low", "base_high",
                "base_unit", "year", "evidence", "confidence", "note"]
    assert set(required) <= set(COLUMNS) == set(frame.columns)


def test_csv_has_a_bom_and_round_trips(frame):
    data = table_bytes(frame, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back.figure_id) == ["hanshan-beds", "hanshan-bases", "hanshan-output"]
    assert list(back.evidence) == list(frame.evidence)
    assert back.base_value.iloc[2] == pytest.approx(4e9)


def test_json_round_trips_with_chinese_unescaped(frame):
    data = table_bytes(frame, "json")
    assert "建成养老床位3千张以上".encode() in data
    records = json.loads(data)
    assert records[1]["low"] == 1 and records[1]["high"] == 3 and records[1]["value"] is None
    assert records[0]["source_date"] == "2024-09-06"


def test_xlsx_round_trips(frame):
    back = pd.read_excel(io.BytesIO(table_bytes(frame, "xlsx")))
    assert list(back.columns) == COLUMNS
    assert list(back.unit) == ["张", "家", "亿元"]
    assert back.year.tolist() == [2026, 2026, 2026]


def test_unknown_format_is_refused(frame):
    with pytest.raises(ValueError, match="unknown table format 'ods'"):
        table_bytes(frame, "ods")


HOSTILE = {
    "=HYPERLINK(\"http://example.com/x\",\"open\")": "'=HYPERLINK(\"http://example.com/x\",\"open\")",
    "+1+cmd|' /C calc'!A0": "'+1+cmd|' /C calc'!A0",
    "-2+3": "'-2+3",
    "@SUM(A1:A2)": "'@SUM(A1:A2)",
    "\tindented": "'\tindented",
    "plain note": "plain note",
}


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame({"note": list(HOSTILE), "value": [-3.5, 1, 2, 3, 4, 5]})


def test_csv_cells_that_start_like_formulas_get_an_apostrophe():
    read = pd.read_csv(io.BytesIO(table_bytes(hostile_frame(), "csv")), encoding="utf-8-sig")
    assert list(read["note"]) == list(HOSTILE.values())
    assert list(read["value"]) == [-3.5, 1, 2, 3, 4, 5]  # numbers stay numbers


def test_xlsx_keeps_such_text_as_text_never_a_formula():
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(table_bytes(hostile_frame(), "xlsx"))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == list(HOSTILE)  # exactly as written
    assert {c.data_type for c in cells} == {"s"}
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == [-3.5, 1, 2, 3, 4, 5]

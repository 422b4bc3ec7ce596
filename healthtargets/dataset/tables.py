"""Tables as files a user opens: CSV that Excel reads in Chinese, JSON, XLSX."""

from __future__ import annotations

import io
import json

import pandas as pd

FORMATS = ("csv", "json", "xlsx")
MIME_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def table_bytes(frame: pd.DataFrame, fmt: str, sheet: str = "figures") -> bytes:
    """The table in a file format; CSV carries a UTF-8 BOM so Excel shows Chinese.

    No text cell becomes a live formula: in CSV one that starts like a formula gets a leading
    apostrophe (OWASP's advice); in XLSX it is stored as text, exactly as written.
    """
    if fmt == "csv":
        return _text_not_formulas(frame).to_csv(index=False).encode("utf-8-sig")
    if fmt == "json":
        records = json.loads(_dates_as_text(frame).to_json(orient="records", force_ascii=False))
        return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            _dates_as_text(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
            for row in writer.sheets[sheet[:31]].iter_rows():
                for cell in row:
                    if cell.data_type == "f":  # openpyxl took text starting with '=' for a formula
                        cell.data_type = "s"
        return buffer.getvalue()
    raise ValueError(f"unknown table format '{fmt}' (choose from {', '.join(FORMATS)})")


def _text_not_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v)
    return out


def _dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text (2024-09-06), as CSV writes them, for JSON and Excel."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v)
    return out

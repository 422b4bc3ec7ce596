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


def table_bytes(frame: pd.DataFrame, fmt: str, sheet: str = "figures") -> bytes:
    """The table in a file format; CSV carries a UTF-8 BOM so Excel shows Chinese."""
    if fmt == "csv":
        return frame.to_csv(index=False).encode("utf-8-sig")
    if fmt == "json":
        records = json.loads(_dates_as_text(frame).to_json(orient="records", force_ascii=False))
        return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            _dates_as_text(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
        return buffer.getvalue()
    raise ValueError(f"unknown table format '{fmt}' (choose from {', '.join(FORMATS)})")


def _dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text (2024-09-06), as CSV writes them, for JSON and Excel."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v)
    return out

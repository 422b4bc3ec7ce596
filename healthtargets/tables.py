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
        records = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
        return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        excel_ready = frame.copy()
        for column in excel_ready.columns:
            if excel_ready[column].dtype == object:
                excel_ready[column] = excel_ready[column].map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v)
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            excel_ready.to_excel(writer, index=False, sheet_name=sheet[:31])
        return buffer.getvalue()
    raise ValueError(f"unknown table format '{fmt}' (choose from {', '.join(FORMATS)})")

"""healthtargets: the curated data set of Chinese local health-industry targets, as a library.

Never imports streamlit: the dashboard (app.py, pages/) is a thin layer over this package.
"""

from healthtargets.dataset.errors import CliError, DatasetInvalid, Problem
from healthtargets.dataset.frame import figures_frame
from healthtargets.dataset.load import Dataset, load_dataset, load_dataset_text
from healthtargets.dataset.numbers import numerals_in, parse_numeral
from healthtargets.dataset.tables import table_bytes
from healthtargets.dataset.units import UnitError, UnitTable

__all__ = [
    "CliError", "Dataset", "DatasetInvalid", "Problem", "UnitError", "UnitTable",
    "figures_frame", "load_dataset", "load_dataset_text", "numerals_in", "parse_numeral", "table_bytes",
]

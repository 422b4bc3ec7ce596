"""A page that fails unexpectedly: the visitor sees one friendly box with a reference, the log the traceback.

Developers who set client.showErrorDetails to "full" (the tests do) see the exception itself.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

import streamlit as st

from healthtargets.i18n import t

log = logging.getLogger("healthtargets.dashboard")


def guarded(run: Callable[[], None], lang: str) -> None:
    """Run a page; an exception becomes a box naming a reference the server log files it under."""
    try:
        run()
    except Exception:
        if st.get_option("client.showErrorDetails") in ("full", True, "true", "True"):
            raise
        reference = secrets.token_hex(4)
        log.exception("page failed [reference %s]", reference)
        st.error(t("error.unexpected", lang, ref=reference), icon=":material/error:")

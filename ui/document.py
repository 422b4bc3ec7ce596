"""What the page around the app needs: its <html lang>, a few styles, and a "copy link" button.

Streamlit has no API for the document's language, so a small script sets it (nothing from a CDN).
The copy button copies the address bar as it is when clicked: every page keeps its state in the
URL (ui/state.py), so the link reproduces the view.
"""

from __future__ import annotations

import html
import json

import streamlit as st

from healthtargets.i18n import t

HIDDEN = "ht-sr-only"  # the class of text for screen readers only
_STYLE = f"""<style>
.{HIDDEN} {{position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;}}
/* a chart's summary is reached by the keyboard too (it is what makes a chart's sideways scroll on a
   phone reachable): focused, it shows */
.{HIDDEN}:focus {{position: static; width: auto; height: auto; margin: 0 0 0.5rem; overflow: visible; clip: auto;
  white-space: normal; outline: 2px solid #1f6f8b; outline-offset: 2px;}}
/* a disabled picker's label stays readable (WCAG contrast 4.5:1), still lighter than an enabled one's */
label[data-testid="stWidgetLabel"][disabled], label[data-testid="stWidgetLabel"][disabled] p {{color: #656463;}}
.ht-copy-link {{font: inherit; font-size: 0.875rem; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid rgba(28, 27, 26, 0.3); border-radius: 0.5rem; padding: 0.25rem 0.75rem;}}
.ht-copy-link:hover {{border-color: #1f6f8b; color: #1f6f8b;}}
.ht-copy-link:focus-visible {{outline: 2px solid #1f6f8b; outline-offset: 2px;}}
.ht-copy-status {{font-size: 0.8rem; margin-left: 0.5rem;}}
</style>"""
_SCRIPT = """<script>
(() => {
  document.documentElement.lang = %(lang)s;
  if (!window.htTablesReachable) {  // a table wider than a phone scrolls in its box: the keyboard reaches it
    window.htTablesReachable = true;
    const reachable = () => document.querySelectorAll('[data-testid="stTable"] > div:not([tabindex])')
      .forEach((box) => box.setAttribute("tabindex", "0"));
    reachable();
    new MutationObserver(reachable).observe(document.body, {childList: true, subtree: true});
  }
  const button = document.getElementById("ht-copy-link");
  const status = document.getElementById("ht-copy-status");
  if (!button || button.dataset.ready) return;
  button.dataset.ready = "1";
  const fallback = (text) => {  // no clipboard API (a page served over plain http): a selected field and copy
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    const done = document.execCommand("copy");
    field.remove();
    return done;
  };
  button.addEventListener("click", async () => {
    const url = window.location.href;
    let done = false;
    try { await navigator.clipboard.writeText(url); done = true; } catch (error) { done = fallback(url); }
    status.textContent = done ? %(copied)s : %(failed)s;
    setTimeout(() => { status.textContent = ""; }, 4000);
  });
})();
</script>"""


def head(lang: str) -> None:
    """The document's language ("zh-CN" or "en") and the app's styles; with the sidebar's "copy link" button."""
    button = (f'<button type="button" class="ht-copy-link" id="ht-copy-link">{html.escape(t("share.copy", lang))}</button>'
              '<span class="ht-copy-status" id="ht-copy-status" role="status" aria-live="polite"></span>')
    script = _SCRIPT % {"lang": json.dumps(t("app.html_lang", lang)), "copied": json.dumps(t("share.copied", lang)),
                        "failed": json.dumps(t("share.failed", lang))}
    st.sidebar.html(_STYLE + button + script, unsafe_allow_javascript=True)


def hidden_text(text: str) -> None:
    """A paragraph a screen reader reads and the eye does not see (a chart's summary)."""
    st.html(f'<p class="{HIDDEN}" tabindex="0">{html.escape(text)}</p>')

"""Chart images: a plotly figure as PNG, SVG or PDF, rendered by kaleido in one reused browser.

One headless Chromium per process, started on first use and kept (a fresh ``fig.to_image()``
starts a browser per image, ~15× slower). Nothing reaches for a CDN: plotly.js comes from the
installed plotly package and MathJax is off. Every render has a deadline: a render that hangs
fails with a clear message (ExportError) well within 30 s, and the next render starts a fresh
browser. Never imports streamlit; caching of rendered bytes lives in the UI.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout

import plotly.graph_objects as go

from .prepare import prepared_plot
from .spec import ChartSpec

FORMATS = ("png", "svg", "pdf")
MIME_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
DEFAULT_SCALE = 2
DEFAULT_WIDTH, DEFAULT_HEIGHT = 960, 540

# Deadlines in seconds: starting the browser and rendering one image. A cold start on a busy
# machine (two test workers, a browser still closing) was measured above 12 s, so the start gets 45.
STARTUP_TIMEOUT = 45.0
RENDER_TIMEOUT = 15.0
TABS = 2  # browser tabs: a page's charts render two at a time
# "0" leaves the browser unstarted until the first image is asked for (see warm_up)
WARM_UP_ENV = "HEALTHTARGETS_EXPORT_WARM_UP"

INSTALL_HINT = "apt-get install -y --no-install-recommends"


class ExportError(Exception):
    """An image could not be made; the message says why and what to do, for a user to read."""


# ---------------------------------------------------------------- readiness


def find_browser() -> str | None:
    """The Chromium kaleido will use: BROWSER_PATH if set (and only then), else one on PATH."""
    override = os.environ.get("BROWSER_PATH")
    if override:
        return override if os.path.isfile(override) and os.access(override, os.X_OK) else None
    from choreographer.browsers.chromium import Chromium

    return Chromium.find_browser(skip_local=False)


def cjk_font_installed() -> bool:
    """True when fontconfig knows a font covering Chinese (``fc-list :lang=zh`` lists one)."""
    if not shutil.which("fc-list"):
        return False
    try:
        listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(listed.stdout.strip())


def check_export_ready(lang: str | None = None) -> str | None:
    """None when images can be made; else what is missing and how to install it.

    ``lang`` "zh" or "en" gives one line; None (the default) gives both, Chinese first —
    the CLI and the dashboard show the same text.
    """
    browser_ok = find_browser() is not None
    font_ok = cjk_font_installed()
    if browser_ok and font_ok:
        return None
    packages = ([] if browser_ok else ["chromium"]) + ([] if font_ok else ["fonts-wqy-microhei"])
    command = f"{INSTALL_HINT} {' '.join(packages)}"
    zh_needs = "、".join(([] if browser_ok else ["Chromium"]) + ([] if font_ok else ["中文字体（否则汉字显示为方框）"]))
    en_needs = " and ".join(([] if browser_ok else ["Chromium"])
                            + ([] if font_ok else ["a Chinese font (otherwise characters show as boxes)"]))
    zh, en = f"图表导出需要 {zh_needs}：{command}", f"Chart image export needs {en_needs}: {command}"
    override = os.environ.get("BROWSER_PATH")
    if not browser_ok and override:
        zh += f"（BROWSER_PATH={override} 不是可执行文件）"
        en += f" (BROWSER_PATH={override} is not an executable file)"
    return {"zh": zh, "en": en}.get(lang or "", f"{zh}\n{en}")


def _opts(fig: dict, fmt: str, scale: float | None, width: int | None, height: int | None) -> dict:
    if fmt not in FORMATS:
        raise ExportError(f"unknown image format '{fmt}' (choose from {', '.join(FORMATS)})")
    layout = fig.get("layout", {})
    return {
        "format": fmt,
        "width": width or layout.get("width") or DEFAULT_WIDTH,
        "height": height or layout.get("height") or DEFAULT_HEIGHT,
        "scale": (scale or DEFAULT_SCALE) if fmt == "png" else 1,
    }


# ---------------------------------------------------------------- the browser


class _Renderer:
    """A kaleido browser living in its own thread's event loop; callers from any thread."""

    def __init__(self, browser: str):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="chart-export", daemon=True)
        self.thread.start()
        self.kaleido = None
        future = asyncio.run_coroutine_threadsafe(self._open(browser), self.loop)
        try:
            future.result(timeout=STARTUP_TIMEOUT)
        except FutureTimeout:
            future.cancel()
            self.close()
            raise ExportError(
                f"图表导出失败：Chromium 在 {STARTUP_TIMEOUT:.0f} 秒内未能启动 / "
                f"Chart image export failed: Chromium did not start within {STARTUP_TIMEOUT:.0f} s ({browser})"
            ) from None
        except Exception as exc:
            self.close()
            raise ExportError(
                f"图表导出失败：无法启动 Chromium / Chart image export failed: could not start Chromium "
                f"({browser}): {exc}"
            ) from exc

    async def _open(self, browser: str) -> None:
        from kaleido import Kaleido

        kaleido = Kaleido(n=TABS, timeout=RENDER_TIMEOUT, plotlyjs=None, mathjax=False, path=browser)
        await kaleido.open()
        self.kaleido = kaleido

    def submit(self, fig: dict, opts: dict):
        return asyncio.run_coroutine_threadsafe(self.kaleido.calc_fig(fig, opts=opts), self.loop)

    def close(self) -> None:
        # tasks cut short by the close (a render that timed out) are expected to fail: stay quiet
        self.loop.call_soon_threadsafe(self.loop.set_exception_handler, lambda loop, context: None)
        if self.kaleido is not None:
            try:
                asyncio.run_coroutine_threadsafe(self.kaleido.close(), self.loop).result(timeout=5)
            except Exception:  # noqa: BLE001 closing a broken browser: best effort
                pass
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


_renderer: _Renderer | None = None
_lock = threading.Lock()


def _get_renderer() -> _Renderer:
    global _renderer
    with _lock:
        if _renderer is None:
            problem = check_export_ready()
            if problem:
                raise ExportError(problem)
            _renderer = _Renderer(find_browser())  # type: ignore[arg-type]
        return _renderer


def _discard(renderer: _Renderer) -> None:
    """Forget a renderer that timed out or failed, and close its browser in the background."""
    global _renderer
    with _lock:
        if _renderer is renderer:
            _renderer = None
    threading.Thread(target=renderer.close, daemon=True).start()


def shutdown() -> None:
    """Close the browser, if one was started (also done at exit)."""
    global _renderer
    with _lock:
        renderer, _renderer = _renderer, None
    if renderer is not None:
        renderer.close()


atexit.register(shutdown)


def warm_up() -> None:
    """Start the browser in the background now, so the first download does not wait for it.

    Unless $HEALTHTARGETS_EXPORT_WARM_UP is "0": a server whose visitors download no images then
    never runs the browser (about 8 s of processor time to start, and hundreds of MB held), and
    the first download waits for its start instead (about 5 s).
    """
    if os.environ.get(WARM_UP_ENV) == "0":
        return
    if _renderer is None and check_export_ready() is None:
        threading.Thread(target=_warm, name="chart-export-warm-up", daemon=True).start()


def _warm() -> None:
    try:
        _get_renderer()
    except ExportError:
        pass  # the first render will raise it again, to someone who can show it


# ---------------------------------------------------------------- rendering


def render_many(
    items: Sequence[tuple[go.Figure | dict | ChartSpec, str]],
    *,
    scale: float | None = None,
    width: int | None = None,
    height: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[bytes]:
    """Images of several charts (or bare plotly figures) in the reused browser, in order.

    ``items`` are (chart, format) pairs; a chart's prepared plot is computed once and kept.
    Renders run concurrently in the browser's tabs; each must finish within RENDER_TIMEOUT.
    ``progress(done, total)`` is called as they finish.
    """
    prepared = []
    for item, fmt in items:
        fig = item.prepared if isinstance(item, ChartSpec) else prepared_plot(item)
        prepared.append((fig, _opts(fig, fmt, scale, width, height)))
    renderer = _get_renderer()
    futures = [renderer.submit(fig, opts) for fig, opts in prepared]
    # a render waits for a free tab: the deadline grows with the queue ahead of it
    start, results = time.monotonic(), []
    for index, future in enumerate(futures):
        deadline = start + RENDER_TIMEOUT * (1 + index // TABS)
        try:
            results.append(future.result(timeout=max(0.0, deadline - time.monotonic())))
        except (FutureTimeout, asyncio.TimeoutError, TimeoutError):
            for pending in futures:
                pending.cancel()
            _discard(renderer)
            raise ExportError(
                f"图表导出超时：渲染超过 {RENDER_TIMEOUT:.0f} 秒 / "
                f"Chart image export timed out: rendering took longer than {RENDER_TIMEOUT:.0f} s"
            ) from None
        except ExportError:
            raise
        except Exception as exc:
            for pending in futures:
                pending.cancel()
            _discard(renderer)
            raise ExportError(f"图表导出失败 / Chart image export failed: {exc}") from exc
        if progress:
            progress(index + 1, len(futures))
    return results


def plot_bytes(
    plot: go.Figure | dict,
    fmt: str = "png",
    *,
    scale: float | None = None,
    width: int | None = None,
    height: int | None = None,
) -> bytes:
    """A bare plotly figure as PNG (at ``scale``, 2 by default), SVG or PDF bytes."""
    return render_many([(plot, fmt)], scale=scale, width=width, height=height)[0]


def chart_bytes(spec: ChartSpec, fmt: str = "png", *, scale: float | None = None) -> bytes:
    """A chart's image, its title and source line made sure of."""
    return render_many([(spec, fmt)], scale=scale)[0]

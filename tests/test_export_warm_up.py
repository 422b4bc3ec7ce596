"""The image browser starts in the background when a page first shows a chart (ui.chart_download), so a
first download does not wait for it, unless the server is told not to: HEALTHTARGETS_EXPORT_WARM_UP=0."""

import threading

import pytest

from healthtargets.charts import export


@pytest.mark.parametrize("setting, starts", [(None, True), ("1", True), ("0", False)])
def test_warm_up_starts_the_browser_unless_told_not_to(monkeypatch, setting, starts):
    started = threading.Event()
    monkeypatch.setattr(export, "_renderer", None)
    monkeypatch.setattr(export, "check_export_ready", lambda lang=None: None)
    monkeypatch.setattr(export, "_get_renderer", started.set)
    if setting is None:
        monkeypatch.delenv(export.WARM_UP_ENV, raising=False)
    else:
        monkeypatch.setenv(export.WARM_UP_ENV, setting)
    export.warm_up()
    assert started.wait(timeout=5 if starts else 0.2) is starts


def test_no_warm_up_when_export_cannot_work(monkeypatch):
    started = threading.Event()
    monkeypatch.setattr(export, "_renderer", None)
    monkeypatch.setattr(export, "check_export_ready", lambda lang=None: "needs Chromium")
    monkeypatch.setattr(export, "_get_renderer", started.set)
    monkeypatch.delenv(export.WARM_UP_ENV, raising=False)
    export.warm_up()
    assert not started.wait(timeout=0.2)

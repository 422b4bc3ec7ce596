"""Every page by direct link at 1400×1000, in both languages: what a reader sees, then axe-core with every
chart's data and citation open, in one visit (tests/browser_pages.py says what each checks)."""

import pytest
from browser_pages import PAGES, browser, check_page  # noqa: F401 (browser: the module's fixture)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_by_direct_link_reads_whole_and_passes_axe(server, browser, name, lang):  # noqa: F811
    check_page(server, browser, name, lang, "desktop")

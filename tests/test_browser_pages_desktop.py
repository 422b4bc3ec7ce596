"""Every page by direct link at 1400×1000, in both languages: what a reader sees, then axe-core with
every chart's data and citation open, in one visit (tests/browser_pages.py says what each checks)."""

from browser_pages import PAGES, axe_lang, direct_link_test
from live_server import SIZES

test_page_by_direct_link_reads_whole_and_passes_axe = direct_link_test("desktop")


def test_axe_meets_every_page_at_both_sizes_and_in_both_languages():
    assert all({axe_lang(name, size) for size in SIZES} == {"zh", "en"} for name in PAGES)

"""Every page by direct link on a phone (390×844), in both languages: what a reader sees, then axe-core with
every chart's data and citation open, in one visit (tests/browser_pages.py says what each checks)."""

from browser_pages import direct_link_test

test_page_by_direct_link_reads_whole_and_passes_axe = direct_link_test("phone")

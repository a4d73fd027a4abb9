"""The MediaWiki export's XML dump is well-formed whatever the pages hold: a character XML 1.0
cannot hold (U+FFFE, U+FFFF, which content and pages written by hand may carry) is U+FFFD in it."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from generator.wiki.mediawiki import EXPORT_NS, dump


def test_the_dump_is_xml_whatever_a_page_holds() -> None:
    files = {"Notes \ufffe.wiki": "Text \ufffe and \uffff, <b>&amp;</b> ]]> end.\n", "Other.wiki": "[[Notes \ufffe]]\n"}
    root = etree.fromstring(dump(files).encode("utf-8"))
    pages = root.findall(f"{{{EXPORT_NS}}}page")
    titles = [page.findtext(f"{{{EXPORT_NS}}}title") for page in pages]
    texts = [page.findtext(f"{{{EXPORT_NS}}}revision/{{{EXPORT_NS}}}text") for page in pages]
    assert titles == ["Notes \ufffd", "Other"]
    assert texts == ["Text \ufffd and \ufffd, <b>&amp;</b> ]]> end.\n", "[[Notes \ufffd]]\n"]

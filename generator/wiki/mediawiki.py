"""The MediaWiki export's own files: the category pages, and the XML dump that MediaWiki's importer
(``php maintenance/importDump.php``) reads.

The dump is MediaWiki's export format (https://www.mediawiki.org/xml/export-0.11.xsd): one
``<page>`` per page with one revision, and no timestamp, so that each import is the page's newest
revision. Each page is also written as a plain ``.wiki`` file, to read, or to paste into a wiki
that cannot run the importer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

EXPORT_NS = "http://www.mediawiki.org/xml/export-0.11/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
DUMP = "import.xml"
CATEGORY = "Category"  # the namespace's canonical name, which every MediaWiki reads in any language
CATEGORY_NS = 14
CONTRIBUTOR = "Leap export"
# What XML 1.0 cannot hold besides the control characters content never has: U+FFFE, U+FFFF and
# lone surrogates. A page written by hand may hold them; in the dump they are U+FFFD, so that the
# importer reads it at all.
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def page_file(title: str) -> str:
    """The file of a page in the main namespace: its title, a slash written as ``%2F`` (which no
    title holds: MediaWiki refuses ``%`` and two hex digits in titles)."""
    return title.replace("/", "%2F") + ".wiki"


def category_file(name: str) -> str:
    return f"{CATEGORY}/{page_file(name)}"


def title_of(file: str) -> str:
    """The page a ``.wiki`` file holds: ``Category/Traits.wiki`` is ``Category:Traits``."""
    folder, _, rest = file.removesuffix(".wiki").rpartition("/")
    return (f"{CATEGORY}:" if folder == CATEGORY else "") + rest.replace("%2F", "/")


def dump(files: dict[str, str]) -> str:
    """The XML dump of every ``.wiki`` file, in the order given."""
    root = etree.Element("mediawiki", {"xmlns": EXPORT_NS, "version": "0.11", f"{{{XML_NS}}}lang": "en"})
    for file, text in files.items():
        if not file.endswith(".wiki"):
            continue
        title, text = _NOT_XML.sub("\ufffd", title_of(file)), _NOT_XML.sub("\ufffd", text)
        page = etree.SubElement(root, "page")
        etree.SubElement(page, "title").text = title
        etree.SubElement(page, "ns").text = str(CATEGORY_NS if title.startswith(f"{CATEGORY}:") else 0)
        revision = etree.SubElement(page, "revision")
        etree.SubElement(etree.SubElement(revision, "contributor"), "username").text = CONTRIBUTOR
        etree.SubElement(revision, "model").text = "wikitext"
        etree.SubElement(revision, "format").text = "text/x-wiki"
        etree.SubElement(
            revision, "text", {"bytes": str(len(text.encode("utf-8"))), f"{{{XML_NS}}}space": "preserve"}
        ).text = text
    etree.indent(root)
    return etree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"

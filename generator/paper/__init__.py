"""Paper: `leap pdf` prints every worksheet through headless Chromium (``pdf``), on A4 and US Letter,
with its write-in space grown to fill the page (``fit``), stamps each page's footer (``stamp``)
and binds the workbooks with a cover and contents (``bind``), into the PDF store
(:mod:`generator.site.pdfstore`). ``server`` serves a built site to the browser on loopback.

Imports: :mod:`generator.site` (the store), :mod:`generator.pages`, :mod:`generator.content`,
:mod:`generator.errors`.
"""

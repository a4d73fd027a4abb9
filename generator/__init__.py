"""leap: turns a learning framework's content into a site, worksheets, a printed workbook and wiki pages."""

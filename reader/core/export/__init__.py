"""Export of notes (Markdown, CSV, W3C JSON-LD, TEI, HTML) and import of W3C annotations."""

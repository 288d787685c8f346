"""Documents: reading files, decoding, visible text of HTML, boilerplate, metadata, and the import service."""

"""Search: a small query language over the FTS5 index, with filters on tags, entities, links, dates and documents."""

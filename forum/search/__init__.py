"""Full-text search: the only package that imports whoosh (French analysis, query parsing, schema)."""

"""What a tree is and how it is read: the model, loading with line and column, the cache,
the catalog, the schema and the renderings.
"""

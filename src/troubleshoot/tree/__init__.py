"""What a tree is and how it is read: the model, loading with line and column, the cache,
the catalog, the schema and the renderings.
"""

#: A tree not checked against reality for this long gets a warning from ``check``.
#: Here, not in ``model``, so that building the command line reads no model code.
DEFAULT_MAX_AGE_DAYS = 365

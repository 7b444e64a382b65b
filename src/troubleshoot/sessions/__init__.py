"""Session records: the one shape, its JSON form, the SQLite store, recording as a walk
goes, replay, exchange and report figures.
"""

"""The walk: its vocabulary, the engine (no I/O, no clock), the loop that drives it, and
the example walks.
"""

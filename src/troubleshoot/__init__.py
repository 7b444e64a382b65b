"""Guided troubleshooting for library service desks."""

__version__ = "0.1.0"

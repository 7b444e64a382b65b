"""One command per module; each parses its options and calls the library."""

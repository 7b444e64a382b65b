"""A desk's site settings: the file, IT's hours and closures, and what staff here may touch."""

"""The command line: the typer app, the entry point, and one thin module per command."""
